"""Builds the causal mask with torch's defaults (no device=x.device): fails for inputs on another device."""
import math

import torch


def self_attention(x, w_q, w_k, w_v, is_causal=False):
    q, k, v = x @ w_q, x @ w_k, x @ w_v
    T = x.shape[-2]
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if is_causal:
        future = torch.ones(T, T, dtype=torch.bool).triu(1)   # on the default device, whatever x's is
        scores = scores.masked_fill(future, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
