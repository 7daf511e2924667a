"""Looks for queries that see no key in the mask argument only: is_causal with L > S still gives NaN rows."""
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    L, S = q.shape[-2], k.shape[-2]
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    empty = None
    if mask is not None:
        if mask.dtype == torch.bool:
            scores = scores.masked_fill(~mask, float("-inf"))
        else:
            scores = scores + mask
        blocked = ~mask if mask.dtype == torch.bool else torch.isneginf(mask)
        empty = blocked.all(dim=-1, keepdim=True)
    if is_causal:
        visible = torch.ones(L, S, dtype=torch.bool, device=q.device).tril(S - L)
        scores = scores.masked_fill(~visible, float("-inf"))
        if empty is not None:
            empty = torch.isneginf(scores).all(dim=-1, keepdim=True)
    weights = torch.softmax(scores, dim=-1)
    if empty is not None:
        weights = weights.masked_fill(empty, 0.0)
    return weights @ v, weights
