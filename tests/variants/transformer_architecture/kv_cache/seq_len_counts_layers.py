"""KVCache.seq_len returns the number of layers stored instead of the number of positions."""


class KVCache(KVCache):  # noqa: F821 - the reference class this file is appended to
    @property
    def seq_len(self):
        return len(self.keys)
