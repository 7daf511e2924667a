"""Folds heads into the batch, (B*H, L, D), like torch's own implementation, with one merged additive mask and baddbmm."""
import math

import torch
import torch.nn.functional as F


def _as_additive(mask, dtype):
    if mask.dtype == torch.bool:
        return torch.zeros(mask.shape, dtype=dtype, device=mask.device).masked_fill(mask, float("-inf"))
    return mask.to(dtype)


class MultiHeadAttention(MultiHeadAttention):  # noqa: F821 - keeps the reference's parameters
    def forward(self, query, key, value, key_padding_mask=None, attn_mask=None,
                need_weights=True, average_attn_weights=True):
        B, L, E = query.shape
        S, H, D = key.shape[1], self.num_heads, self.head_dim
        w_q, w_k, w_v = self.in_proj_weight.split(E)
        b_q, b_k, b_v = self.in_proj_bias.split(E)
        q = F.linear(query, w_q, b_q).reshape(B, L, H, D).permute(0, 2, 1, 3).reshape(B * H, L, D)
        k = F.linear(key, w_k, b_k).reshape(B, S, H, D).permute(0, 2, 1, 3).reshape(B * H, S, D)
        v = F.linear(value, w_v, b_v).reshape(B, S, H, D).permute(0, 2, 1, 3).reshape(B * H, S, D)
        bias = torch.zeros(B, H, L, S, dtype=q.dtype, device=q.device)
        if attn_mask is not None:
            bias = bias + _as_additive(attn_mask, q.dtype)                          # (L, S)
        if key_padding_mask is not None:
            bias = bias + _as_additive(key_padding_mask, q.dtype).view(B, 1, 1, S)  # (B, 1, 1, S)
        scores = torch.baddbmm(bias.reshape(B * H, L, S), q / math.sqrt(D), k.transpose(1, 2))
        weights = torch.softmax(scores, dim=-1)                                      # (B*H, L, S)
        out = torch.bmm(weights, v).reshape(B, H, L, D).transpose(1, 2).reshape(B, L, E)
        out = self.out_proj(out)
        if not need_weights:
            return out, None
        weights = weights.view(B, H, L, S)
        return out, (weights.mean(dim=1) if average_attn_weights else weights)
