"""Loops over query positions and slices the visible keys (0..t when causal) instead of masking."""
import math

import torch


def self_attention(x, w_q, w_k, w_v, is_causal=False):
    q, k, v = x @ w_q, x @ w_k, x @ w_v
    T = x.shape[-2]
    outputs = []
    for t in range(T):
        end = t + 1 if is_causal else T
        s = (q[..., t:t + 1, :] @ k[..., :end, :].transpose(-2, -1)) / math.sqrt(w_q.shape[1])  # (..., 1, end)
        outputs.append(torch.softmax(s, dim=-1) @ v[..., :end, :])                            # (..., 1, dv)
    return torch.cat(outputs, dim=-2)
