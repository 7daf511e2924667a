"""Compares broadcast index grids (j <= i + offset) instead of calling torch.tril."""
import torch


def causal_mask(q_len, k_len, device=None):
    i = torch.arange(q_len, device=device)[:, None]    # (q_len, 1) query index
    j = torch.arange(k_len, device=device)[None, :]    # (1, k_len) key index
    return j <= i + (k_len - q_len)
