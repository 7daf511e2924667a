"""Aligned top-left (torch's is_causal) instead of the pinned bottom-right."""
import torch


def causal_mask(q_len, k_len, device=None):
    return torch.ones(q_len, k_len, dtype=torch.bool, device=device).tril()
