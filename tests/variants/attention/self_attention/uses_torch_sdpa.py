"""Calls torch's scaled_dot_product_attention (the banned shortcut)."""
import torch.nn.functional as F


def self_attention(x, w_q, w_k, w_v, is_causal=False):
    return F.scaled_dot_product_attention(x @ w_q, x @ w_k, x @ w_v, is_causal=is_causal)
