"""Turns boolean masks into an additive bias of finfo.min (Hugging Face style), then zeroes rows that see no key."""
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    L, S = q.shape[-2], k.shape[-2]
    neg = torch.finfo(q.dtype).min
    scale = 1.0 / math.sqrt(q.shape[-1])
    bias = torch.zeros(L, S, dtype=q.dtype, device=q.device)
    allowed = torch.ones(L, S, dtype=torch.bool, device=q.device)
    if is_causal:
        causal = torch.ones(L, S, dtype=torch.bool, device=q.device).tril(S - L)
        bias = torch.where(causal, bias, neg)
        allowed = allowed & causal
    if mask is not None and mask.dtype == torch.bool:
        bias = torch.where(mask, bias, neg)      # broadcasts to the mask's shape
        allowed = allowed & mask
    elif mask is not None:
        bias = bias + mask
        allowed = allowed & ~torch.isneginf(mask)
    weights = torch.softmax(torch.matmul(q, k.transpose(-1, -2)) * scale + bias, dim=-1)
    sees_something = allowed.any(-1, keepdim=True)
    weights = torch.where(sees_something, weights, torch.zeros_like(weights))
    return torch.matmul(weights, v), weights
