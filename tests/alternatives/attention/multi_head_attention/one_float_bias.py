"""Turns both masks into one float bias (B, 1, L, S) in the query's dtype and adds it once."""
import math

import torch


class MultiHeadAttention(MultiHeadAttention):  # noqa: F821 - the reference class this file is appended to
    def forward(self, query, key, value, key_padding_mask=None, attn_mask=None,
                need_weights=True, average_attn_weights=True):
        B, L, E = query.shape
        S, H, D = key.shape[1], self.num_heads, self.head_dim
        bias = torch.zeros(B, 1, L, S, dtype=query.dtype, device=query.device)
        for m, shape in ((attn_mask, (1, 1, L, S)), (key_padding_mask, (B, 1, 1, S))):
            if m is None:
                continue
            m = m.reshape(shape)
            bias = bias.masked_fill(m, -math.inf) if m.dtype == torch.bool else bias + m
        w_q, w_k, w_v = self.in_proj_weight.chunk(3)
        b_q, b_k, b_v = self.in_proj_bias.chunk(3)
        q = torch.nn.functional.linear(query, w_q, b_q).reshape(B, L, H, D).permute(0, 2, 1, 3)
        k = torch.nn.functional.linear(key, w_k, b_k).reshape(B, S, H, D).permute(0, 2, 1, 3)
        v = torch.nn.functional.linear(value, w_v, b_v).reshape(B, S, H, D).permute(0, 2, 1, 3)
        weights = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(D) + bias, dim=-1)   # (B, H, L, S)
        out = self.out_proj((weights @ v).permute(0, 2, 1, 3).reshape(B, L, E))
        if not need_weights:
            return out, None
        return out, (weights.mean(dim=1) if average_attn_weights else weights)
