"""Reaches the banned attention through torch.ops.aten._scaled_dot_product_attention_math (it returns the weights too)."""
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    L, S = q.shape[-2], k.shape[-2]
    allowed = torch.ones(L, S, dtype=torch.bool, device=q.device)
    if is_causal:
        allowed = allowed.tril(S - L)
    bias = torch.zeros(L, S, dtype=q.dtype, device=q.device).masked_fill(~allowed, -math.inf)
    if mask is not None:
        bias = bias.masked_fill(~mask, -math.inf) if mask.dtype == torch.bool else bias + mask
    out, weights = torch.ops.aten._scaled_dot_product_attention_math(q, k, v, attn_mask=bias)
    weights = torch.nan_to_num(weights, nan=0.0)
    return weights @ v, weights
