"""Loops over the heads, slicing each head's rows of in_proj_weight, with einsum for the scores."""
import math

import torch
import torch.nn.functional as F


class MultiHeadAttention(MultiHeadAttention):  # noqa: F821 - keeps the reference's parameters
    def forward(self, query, key, value, key_padding_mask=None, attn_mask=None,
                need_weights=True, average_attn_weights=True):
        E, H, D = self.embed_dim, self.num_heads, self.head_dim
        heads, weights = [], []
        for h in range(H):
            q_rows, k_rows, v_rows = (slice(part * E + h * D, part * E + (h + 1) * D) for part in range(3))
            q = F.linear(query, self.in_proj_weight[q_rows], self.in_proj_bias[q_rows])   # (B, L, D)
            k = F.linear(key, self.in_proj_weight[k_rows], self.in_proj_bias[k_rows])     # (B, S, D)
            v = F.linear(value, self.in_proj_weight[v_rows], self.in_proj_bias[v_rows])   # (B, S, D)
            s = torch.einsum("bld,bsd->bls", q, k) / math.sqrt(D)                         # (B, L, S)
            if attn_mask is not None:
                s = s.masked_fill(attn_mask, -math.inf) if attn_mask.dtype == torch.bool else s + attn_mask
            if key_padding_mask is not None:
                pad = key_padding_mask[:, None, :]                                         # (B, 1, S)
                s = s.masked_fill(pad, -math.inf) if pad.dtype == torch.bool else s + pad
            w = torch.softmax(s, dim=-1)
            weights.append(w)
            heads.append(torch.einsum("bls,bsd->bld", w, v))
        out = self.out_proj(torch.cat(heads, dim=-1))                                     # (B, L, E)
        if not need_weights:
            return out, None
        w = torch.stack(weights, dim=1)                                                   # (B, H, L, S)
        return out, (w.mean(dim=1) if average_attn_weights else w)
