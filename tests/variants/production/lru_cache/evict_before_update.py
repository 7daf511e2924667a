"""Evicts the least recently used key whenever the cache is full, even when the put only updates a key."""


class LRUCache(LRUCache):  # noqa: F821 - extends the reference defined above
    def put(self, key, value):
        if self.capacity <= 0:
            return
        if len(self.data) >= self.capacity:
            self.data.popitem(last=False)
        self.data[key] = value
        self.data.move_to_end(key)
