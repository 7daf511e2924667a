"""Evicts the most recently used key (popitem() from the wrong end)."""
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
        if self.capacity <= 0:
            return
        if key not in self.data and len(self.data) >= self.capacity:
            self.data.popitem()
        self.data[key] = value
        self.data.move_to_end(key)

    def __contains__(self, key):
        return key in self.data

    def __len__(self):
        return len(self.data)
