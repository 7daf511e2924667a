"""Merges the two masks with `attn_mask | key_padding_mask`, which only works when both are boolean."""
import torch


class MultiHeadAttention(MultiHeadAttention):  # noqa: F821 - the reference class this file is appended to
    def forward(self, query, key, value, key_padding_mask=None, attn_mask=None,
                need_weights=True, average_attn_weights=True):
        if attn_mask is not None and key_padding_mask is not None:
            B, S = key_padding_mask.shape
            merged = attn_mask | key_padding_mask.view(B, 1, 1, S)      # (B, 1, L, S)
            return super().forward(query, key, value, None, merged, need_weights, average_attn_weights)
        return super().forward(query, key, value, key_padding_mask, attn_mask, need_weights, average_attn_weights)
