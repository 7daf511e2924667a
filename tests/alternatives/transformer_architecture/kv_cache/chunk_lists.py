"""Keeps a list of chunks per layer, concatenates them on every update, and counts seq_len from chunk lengths."""
from collections import defaultdict

import torch


class KVCache:
    def __init__(self):
        self.k_chunks = defaultdict(list)
        self.v_chunks = defaultdict(list)

    @property
    def seq_len(self):
        return sum(chunk.shape[2] for chunk in self.k_chunks.get(0, []))

    def update(self, layer, k, v):
        self.k_chunks[layer].append(k)
        self.v_chunks[layer].append(v)
        return torch.cat(self.k_chunks[layer], dim=2), torch.cat(self.v_chunks[layer], dim=2)
