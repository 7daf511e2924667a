"""get returns `value or default`: a stored 0 or '' comes back as the default."""


class LRUCache(LRUCache):  # noqa: F821 - extends the reference defined above
    def get(self, key, default=None):
        if key in self.data:
            self.data.move_to_end(key)
        return self.data.get(key) or default
