"""Strictly lower triangle: a token may not attend to itself."""
import torch


def causal_mask(q_len, k_len, device=None):
    return torch.ones(q_len, k_len, dtype=torch.bool, device=device).tril(k_len - q_len - 1)
