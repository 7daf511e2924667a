"""One dict lookup with a private sentinel (so stored None, 0 and '' are hits), recency kept by a counter per key."""
import itertools

_MISSING = object()


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.values, self.used = {}, {}
        self.tick = itertools.count()

    def get(self, key, default=None):
        value = self.values.get(key, _MISSING)
        if value is _MISSING:
            return default
        self.used[key] = next(self.tick)
        return value

    def put(self, key, value):
        self.values[key] = value
        self.used[key] = next(self.tick)
        while len(self.values) > self.capacity:
            oldest = min(self.used, key=self.used.get)
            del self.values[oldest], self.used[oldest]

    def __contains__(self, key):
        return key in self.values

    def __len__(self):
        return len(self.values)
