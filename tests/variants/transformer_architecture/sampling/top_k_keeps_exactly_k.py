"""top_k keeps exactly the k indices torch.topk returns, so ties with the k-th value are dropped."""
import torch


def top_k_filter(logits, k):
    k = min(k, logits.shape[-1])
    keep = torch.zeros_like(logits, dtype=torch.bool).scatter(-1, torch.topk(logits, k, dim=-1).indices, True)
    return logits.masked_fill(~keep, float("-inf"))
