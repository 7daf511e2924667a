"""seq_len is a plain attribute that update() advances when layer 0 is given new positions, not a property."""
import torch


class KVCache:
    def __init__(self):
        self.seq_len = 0
        self.keys, self.values = {}, {}

    def update(self, layer, k, v):
        if layer in self.keys:
            k = torch.cat([self.keys[layer], k], dim=2)
            v = torch.cat([self.values[layer], v], dim=2)
        self.keys[layer], self.values[layer] = k, v
        if layer == 0:
            self.seq_len = k.shape[2]
        return k, v
