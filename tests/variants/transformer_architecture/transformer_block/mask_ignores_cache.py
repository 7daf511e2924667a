"""Causal mask built as if the chunk started at position 0: with a cache, new queries cannot see most of the past."""
import math

import torch


class TransformerBlock(TransformerBlock):  # noqa: F821 - the reference class this file is appended to
    def attention(self, x, cache=None, layer=0):
        B, T, C = x.shape
        H, D = self.n_heads, C // self.n_heads
        q, k, v = self.qkv(x).split(C, dim=-1)
        q = q.view(B, T, H, D).transpose(1, 2)
        k = k.view(B, T, H, D).transpose(1, 2)
        v = v.view(B, T, H, D).transpose(1, 2)
        if cache is not None:
            k, v = cache.update(layer, k, v)
        scores = q @ k.transpose(-2, -1) / math.sqrt(D)
        allowed = torch.ones(T, k.shape[2], dtype=torch.bool).tril()     # forgot diagonal=S
        y = scores.masked_fill(~allowed, float("-inf")).softmax(dim=-1) @ v
        return self.out_proj(y.transpose(1, 2).reshape(B, T, C))
