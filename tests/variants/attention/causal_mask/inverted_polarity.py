"""Returns True for the blocked (future) positions instead of the visible ones."""
import torch


def causal_mask(q_len, k_len, device=None):
    return torch.ones(q_len, k_len, dtype=torch.bool, device=device).triu(k_len - q_len + 1)
