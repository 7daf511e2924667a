"""KVCache.update replaces the stored keys and values instead of appending to them."""


class KVCache(KVCache):  # noqa: F821 - the reference class this file is appended to
    def update(self, layer, k, v):
        if layer == len(self.keys):
            self.keys.append(k)
            self.values.append(v)
        else:
            self.keys[layer], self.values[layer] = k, v
        return self.keys[layer], self.values[layer]
