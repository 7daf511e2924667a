"""Causal mask shifted by one: token t also sees token t + 1."""
import math

import torch


def self_attention(x, w_q, w_k, w_v, is_causal=False):
    q, k, v = x @ w_q, x @ w_k, x @ w_v
    T = x.shape[-2]
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if is_causal:
        future = torch.ones(T, T, dtype=torch.bool, device=x.device).triu(2)
        scores = scores.masked_fill(future, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
