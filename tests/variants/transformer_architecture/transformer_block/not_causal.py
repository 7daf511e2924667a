"""Attention without the causal mask: every position sees the future."""
import math

import torch
import torch.nn.functional as F


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
        y = (q @ k.transpose(-2, -1) / math.sqrt(D)).softmax(dim=-1) @ v
        return self.out_proj(y.transpose(1, 2).reshape(B, T, C))
