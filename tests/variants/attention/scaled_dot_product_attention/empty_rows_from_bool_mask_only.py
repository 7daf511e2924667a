"""Finds rows that see no key from the boolean masks only: a float mask whose row is all -inf gives NaN."""
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    L, S = q.shape[-2], k.shape[-2]
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    allowed = torch.ones(L, S, dtype=torch.bool, device=q.device)
    if is_causal:
        allowed = allowed & torch.ones(L, S, dtype=torch.bool, device=q.device).tril(S - L)
    if mask is not None and mask.dtype == torch.bool:
        allowed = allowed & mask
    elif mask is not None:
        scores = scores + mask
    scores = scores.masked_fill(~allowed, float("-inf"))
    empty = ~allowed.any(dim=-1, keepdim=True)
    weights = torch.softmax(scores.masked_fill(empty, 0.0), dim=-1).masked_fill(empty, 0.0)
    return weights @ v, weights
