"""Builds one additive bias in q's dtype from every mask, then turns the NaN rows of the softmax into zeros."""
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    L, S = q.shape[-2], k.shape[-2]
    bias = torch.zeros(L, S, dtype=q.dtype, device=q.device)
    if is_causal:
        bias = bias.masked_fill(~causal_mask(L, S, device=q.device), -math.inf)  # noqa: F821 - this topic's kata
    if mask is not None:
        bias = torch.where(mask, bias, -math.inf) if mask.dtype == torch.bool else bias + mask
    scores = torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(q.shape[-1])) + bias
    weights = torch.nan_to_num(torch.softmax(scores, dim=-1), nan=0.0)
    return torch.matmul(weights, v), weights
