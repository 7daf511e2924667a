"""Calls torch._native_multi_head_attention, the fused kernel behind nn.MultiheadAttention's fast path."""
import torch


class MultiHeadAttention(MultiHeadAttention):  # noqa: F821 - the reference class this file is appended to
    def forward(self, query, key, value, key_padding_mask=None, attn_mask=None,
                need_weights=True, average_attn_weights=True):
        if attn_mask is not None or key_padding_mask is not None:
            return super().forward(query, key, value, key_padding_mask, attn_mask, need_weights, average_attn_weights)
        out, weights = torch._native_multi_head_attention(
            query, key, value, self.embed_dim, self.num_heads, self.in_proj_weight, self.in_proj_bias,
            self.out_proj.weight, self.out_proj.bias, None, need_weights, average_attn_weights)
        return out, (weights if need_weights else None)
