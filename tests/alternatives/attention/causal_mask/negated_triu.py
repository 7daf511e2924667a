"""Builds the blocked (future) part with triu(k_len - q_len + 1) and negates it."""
import torch


def causal_mask(q_len, k_len, device=None):
    future = torch.ones(q_len, k_len, dtype=torch.bool, device=device).triu(k_len - q_len + 1)
    return ~future
