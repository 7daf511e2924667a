"""Applies key_padding_mask only when no attn_mask is given (if/elif): with both, the padding keys are seen."""
import torch


class MultiHeadAttention(MultiHeadAttention):  # noqa: F821 - the reference class this file is appended to
    def forward(self, query, key, value, key_padding_mask=None, attn_mask=None,
                need_weights=True, average_attn_weights=True):
        if attn_mask is not None:
            key_padding_mask = None
        return super().forward(query, key, value, key_padding_mask, attn_mask, need_weights, average_attn_weights)
