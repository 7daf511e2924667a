"""Treats any key_padding_mask as boolean (mask.bool()), so a float padding mask blocks instead of being added."""
import torch


class MultiHeadAttention(MultiHeadAttention):  # noqa: F821 - the reference class this file is appended to
    def forward(self, query, key, value, key_padding_mask=None, attn_mask=None,
                need_weights=True, average_attn_weights=True):
        if key_padding_mask is not None:
            key_padding_mask = key_padding_mask.bool()
        return super().forward(query, key, value, key_padding_mask, attn_mask, need_weights, average_attn_weights)
