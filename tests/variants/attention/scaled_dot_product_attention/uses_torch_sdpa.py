"""Calls torch's scaled_dot_product_attention for the output (the banned shortcut)."""
import math

import torch
import torch.nn.functional as F


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    out = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, is_causal=is_causal)
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf")) if mask.dtype == torch.bool else scores + mask
    return out, torch.softmax(scores, dim=-1)
