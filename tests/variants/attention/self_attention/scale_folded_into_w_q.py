"""Folds the 1/sqrt(d_k) scale into w_q in place, changing the caller's weight."""
import math

import torch


def self_attention(x, w_q, w_k, w_v, is_causal=False):
    w_q /= math.sqrt(w_q.shape[-1])
    q, k, v = x @ w_q, x @ w_k, x @ w_v
    T = x.shape[-2]
    scores = q @ k.transpose(-2, -1)
    if is_causal:
        future = torch.ones(T, T, dtype=torch.bool, device=x.device).triu(1)
        scores = scores.masked_fill(future, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
