"""KVCache.update replaces the stored keys and values instead of appending to them."""


class KVCache:
    def __init__(self):
        self.keys, self.values = {}, {}

    @property
    def seq_len(self):
        return self.keys[0].shape[2] if 0 in self.keys else 0

    def update(self, layer, k, v):
        self.keys[layer], self.values[layer] = k, v
        return k, v
