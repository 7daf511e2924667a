"""Replaces -inf by -1e9 in the caller's float masks in place (to dodge NaN), changing the arguments."""
import torch


class MultiHeadAttention(MultiHeadAttention):  # noqa: F821 - the reference class this file is appended to
    def forward(self, query, key, value, key_padding_mask=None, attn_mask=None,
                need_weights=True, average_attn_weights=True):
        for m in (key_padding_mask, attn_mask):
            if m is not None and m.is_floating_point():
                m.masked_fill_(torch.isneginf(m), -1e9)
        return super().forward(query, key, value, key_padding_mask, attn_mask, need_weights, average_attn_weights)
