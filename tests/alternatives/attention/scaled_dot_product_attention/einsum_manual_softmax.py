"""einsum for the scores and output, one boolean 'allowed' mask, and a hand-written stable softmax."""
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    L, S = q.shape[-2], k.shape[-2]
    scores = torch.einsum("...le,...se->...ls", q, k) / math.sqrt(q.shape[-1])
    allowed = torch.ones(L, S, dtype=torch.bool, device=q.device)
    if is_causal:
        allowed = allowed & (torch.arange(S, device=q.device) <= torch.arange(L, device=q.device)[:, None] + S - L)
    if mask is not None and mask.dtype == torch.bool:
        allowed = allowed & mask
    elif mask is not None:
        scores = scores + mask
    scores = torch.where(allowed, scores, torch.tensor(-math.inf, dtype=scores.dtype, device=q.device))
    row_max = scores.amax(-1, keepdim=True)
    row_max = torch.where(torch.isfinite(row_max), row_max, torch.zeros_like(row_max))
    e = torch.exp(scores - row_max)
    total = e.sum(-1, keepdim=True)
    weights = torch.where(total > 0, e / total.clamp_min(torch.finfo(e.dtype).tiny), torch.zeros_like(e))
    return torch.einsum("...ls,...sv->...lv", weights, v), weights
