"""Stores keys and values in a dict keyed by layer (any layer order), torch.cat along dim -2."""
import torch


class KVCache:
    def __init__(self):
        self.kv = {}

    @property
    def seq_len(self):
        return self.kv[0][0].shape[-2] if 0 in self.kv else 0

    def update(self, layer, k, v):
        if layer in self.kv:
            old_k, old_v = self.kv[layer]
            k, v = torch.cat((old_k, k), dim=-2), torch.cat((old_v, v), dim=-2)
        self.kv[layer] = (k, v)
        return k, v
