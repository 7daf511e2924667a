"""get uses dict.get and treats a stored None as a miss: returns the default and does not refresh."""


class LRUCache(LRUCache):  # noqa: F821 - extends the reference defined above
    def get(self, key, default=None):
        value = self.data.get(key)
        if value is None:
            return default
        self.data.move_to_end(key)
        return value
