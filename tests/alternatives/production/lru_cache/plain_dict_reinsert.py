"""A plain dict kept in recency order by pop-and-reinsert; the first key (next(iter(...))) is the LRU."""


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.store = {}

    def get(self, key, default=None):
        if key not in self.store:
            return default
        value = self.store.pop(key)
        self.store[key] = value
        return value

    def put(self, key, value):
        if self.capacity == 0:
            return
        self.store.pop(key, None)
        self.store[key] = value
        while len(self.store) > self.capacity:
            del self.store[next(iter(self.store))]

    def __contains__(self, key):
        return key in self.store

    def __len__(self):
        return len(self.store)
