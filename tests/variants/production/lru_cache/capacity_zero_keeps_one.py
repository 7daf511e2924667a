"""Evicts before inserting only when the cache is non-empty: capacity 0 still stores one key."""
from collections import OrderedDict


class LRUCache:
    def __init__(self, capacity):
        self.capacity, self.data = capacity, OrderedDict()

    def get(self, key, default=None):
        if key not in self.data:
            return default
        self.data.move_to_end(key)
        return self.data[key]

    def put(self, key, value):
        if key not in self.data and self.data and len(self.data) >= self.capacity:
            self.data.popitem(last=False)
        self.data[key] = value
        self.data.move_to_end(key)

    def __contains__(self, key):
        return key in self.data

    def __len__(self):
        return len(self.data)
