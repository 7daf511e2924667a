"""top_k returns the caller's logits tensor itself when k >= V instead of a new tensor."""
import torch


def top_k_filter(logits, k):
    if k >= logits.shape[-1]:
        return logits
    kth = torch.topk(logits, k, dim=-1).values[..., -1:]
    return logits.masked_fill(logits < kth, float("-inf"))
