"""top_k calls torch.topk(logits, k) without clamping k to the vocabulary size."""
import torch


def top_k_filter(logits, k):
    kth = torch.topk(logits, k, dim=-1).values[..., -1:]
    return logits.masked_fill(logits < kth, float("-inf"))
