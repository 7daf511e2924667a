"""Attention from scratch in torch: the reference. Brief: exercises/attention/README.md

Shapes: q (..., L, E), k (..., S, E), v (..., S, Ev); L = queries, S = keys, E = query/key
width, Ev = value width. Everything is device-agnostic (new tensors follow the input's device).

Mask polarity, the one convention that bites:
  * scaled_dot_product_attention / causal_mask: boolean True = MAY attend (like
    torch.nn.functional.scaled_dot_product_attention);
  * MultiHeadAttention: boolean True = BLOCKED (like torch.nn.MultiheadAttention).

Each kata is written so it stands on its own (MultiHeadAttention and self_attention inline their
attention rather than call scaled_dot_product_attention), so each can be graded on its own.
"""
import math

import torch
from torch import nn


# --- sinusoidal_positional_encoding ------------------------------------------------------------

def sinusoidal_positional_encoding(seq_len, d_model, dtype=torch.float32, device=None):
    """PE[p, 2i] = sin(p / 10000^(2i/d)), PE[p, 2i+1] = cos(p / 10000^(2i/d)).  -> (seq_len, d_model)

    Column j uses frequency index i = j // 2, so an odd d_model ends with one sin column.
    >>> sinusoidal_positional_encoding(2, 3)
    tensor([[0.0000, 1.0000, 0.0000],
            [0.8415, 0.5403, 0.0022]])
    """
    position = torch.arange(seq_len, dtype=dtype, device=device).unsqueeze(1)           # (T, 1)
    two_i = torch.arange(0, d_model, 2, dtype=dtype, device=device)                     # (ceil(d/2),)
    inv_freq = torch.exp(-math.log(10000.0) * two_i / d_model)                          # 1 / 10000^(2i/d)
    angle = position * inv_freq                                                         # (T, ceil(d/2))
    pe = torch.zeros(seq_len, d_model, dtype=dtype, device=device)
    pe[:, 0::2] = torch.sin(angle)                                # ceil(d/2) even columns
    pe[:, 1::2] = torch.cos(angle[:, : d_model // 2])             # floor(d/2) odd columns
    return pe


# --- masked_softmax ----------------------------------------------------------------------------

def masked_softmax(scores, valid_lens=None):
    """Softmax over the last axis, keeping only the first valid_len positions of each row.

    scores (..., S); valid_lens broadcastable to scores.shape[:-1] (None = plain softmax).
    A row with valid_len 0 is all zeros (not NaN, not uniform).
    >>> masked_softmax(torch.zeros(2, 3), torch.tensor([2, 0]))
    tensor([[0.5000, 0.5000, 0.0000],
            [0.0000, 0.0000, 0.0000]])
    """
    if valid_lens is None:
        return torch.softmax(scores, dim=-1)
    S = scores.shape[-1]
    positions = torch.arange(S, device=scores.device)
    keep = positions < valid_lens.to(scores.device).unsqueeze(-1)   # (..., 1) vs (S,) -> (..., S)
    weights = torch.softmax(scores.masked_fill(~keep, float("-inf")), dim=-1)  # NaN on empty rows
    return weights.masked_fill(~keep, 0.0)                          # empty rows -> 0, not NaN


# --- causal_mask -------------------------------------------------------------------------------

def causal_mask(q_len, k_len, device=None):
    """Boolean (q_len, k_len), True = may attend, aligned bottom-right: j <= i + (k_len - q_len).

    The last query is the newest token and sees every key (decoding with a key/value cache).
    >>> causal_mask(2, 4).int()
    tensor([[1, 1, 1, 0],
            [1, 1, 1, 1]], dtype=torch.int32)
    """
    ones = torch.ones(q_len, k_len, dtype=torch.bool, device=device)
    return torch.tril(ones, diagonal=k_len - q_len)


# --- scaled_dot_product_attention --------------------------------------------------------------

def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    """softmax(q k^T / sqrt(E) + mask) v  ->  (output (..., L, Ev), weights (..., L, S)).

    mask: bool (True = may attend) or float (added to the scores), broadcastable to (..., L, S).
    is_causal: bottom-right causal mask (the same as causal_mask(L, S)); with L == S it is
    torch's is_causal. Both may be given: a key must be allowed by both. A query that may see no
    key gets zero weights and a zero output.
    """
    L, S, E = q.shape[-2], k.shape[-2], q.shape[-1]
    scores = q @ k.transpose(-2, -1) / math.sqrt(E)                   # (..., L, S)
    if mask is not None:
        if mask.dtype == torch.bool:
            scores = scores.masked_fill(~mask, float("-inf"))
        else:
            scores = scores + mask
    if is_causal:
        visible = torch.ones(L, S, dtype=torch.bool, device=q.device).tril(S - L)  # (L, S)
        scores = scores.masked_fill(~visible, float("-inf"))
    empty = torch.isneginf(scores).all(dim=-1, keepdim=True)         # (..., L, 1) rows seeing nothing
    weights = torch.softmax(scores.masked_fill(empty, 0.0), dim=-1)  # over keys, the last axis
    weights = weights.masked_fill(empty, 0.0)
    return weights @ v, weights                                      # (..., L, Ev), (..., L, S)


# --- self_attention ----------------------------------------------------------------------------

def self_attention(x, w_q, w_k, w_v, is_causal=False):
    """One head of self-attention without positions: softmax((xWq)(xWk)^T / sqrt(dk)) (xWv).

    x (..., T, D); w_q, w_k (D, dk); w_v (D, dv)  ->  (..., T, dv). Inputs are not modified.
    Without positions it is permutation-equivariant; with is_causal, output t ignores tokens > t.
    """
    q, k, v = x @ w_q, x @ w_k, x @ w_v                                # (..., T, dk/dk/dv)
    T = x.shape[-2]
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])          # (..., T, T)
    if is_causal:
        future = torch.ones(T, T, dtype=torch.bool, device=x.device).triu(1)  # j > i
        scores = scores.masked_fill(future, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v                           # (..., T, dv)


# --- multi_head_attention ----------------------------------------------------------------------

class MultiHeadAttention(nn.Module):
    """Multi-head attention with torch.nn.MultiheadAttention(batch_first=True)'s parameters.

    Parameters (same names and shapes, so load_state_dict works both ways):
      in_proj_weight (3E, E) = [W_q; W_k; W_v] stacked by rows, in_proj_bias (3E,), out_proj Linear(E, E).
    Masks follow nn.MultiheadAttention: boolean True = BLOCKED; float masks are added.
      key_padding_mask (B, S): True marks a padding key.   attn_mask (L, S): True blocks key j for query i.
    """

    def __init__(self, embed_dim, num_heads):
        super().__init__()
        assert embed_dim % num_heads == 0, "embed_dim must be divisible by num_heads"
        self.embed_dim, self.num_heads = embed_dim, num_heads
        self.head_dim = embed_dim // num_heads
        self.in_proj_weight = nn.Parameter(torch.empty(3 * embed_dim, embed_dim))
        self.in_proj_bias = nn.Parameter(torch.zeros(3 * embed_dim))
        self.out_proj = nn.Linear(embed_dim, embed_dim)
        nn.init.xavier_uniform_(self.in_proj_weight)
        nn.init.zeros_(self.out_proj.bias)

    def forward(self, query, key, value, key_padding_mask=None, attn_mask=None,
                need_weights=True, average_attn_weights=True):
        """query (B, L, E), key/value (B, S, E) -> (output (B, L, E), weights or None).

        weights: (B, L, S) averaged over heads, or (B, H, L, S) with average_attn_weights=False.
        """
        B, L, E = query.shape
        S, H, D = key.shape[1], self.num_heads, self.head_dim
        w_q, w_k, w_v = self.in_proj_weight.chunk(3)                   # 3 x (E, E)
        b_q, b_k, b_v = self.in_proj_bias.chunk(3)
        # project, then split E into H heads of D and move heads before the sequence axis
        q = (query @ w_q.T + b_q).view(B, L, H, D).transpose(1, 2)     # (B, H, L, D)
        k = (key @ w_k.T + b_k).view(B, S, H, D).transpose(1, 2)       # (B, H, S, D)
        v = (value @ w_v.T + b_v).view(B, S, H, D).transpose(1, 2)     # (B, H, S, D)

        scores = q @ k.transpose(-2, -1) / math.sqrt(D)                # (B, H, L, S), scale by HEAD dim
        if attn_mask is not None:
            if attn_mask.dtype == torch.bool:
                scores = scores.masked_fill(attn_mask, float("-inf"))  # (L, S) broadcasts
            else:
                scores = scores + attn_mask
        if key_padding_mask is not None:
            pad = key_padding_mask.view(B, 1, 1, S)                    # (B, 1, 1, S)
            if pad.dtype == torch.bool:
                scores = scores.masked_fill(pad, float("-inf"))
            else:
                scores = scores + pad
        weights = torch.softmax(scores, dim=-1)                        # (B, H, L, S)

        heads = weights @ v                                            # (B, H, L, D)
        merged = heads.transpose(1, 2).reshape(B, L, E)                # (B, L, H*D) = (B, L, E)
        out = self.out_proj(merged)
        if not need_weights:
            return out, None
        return out, (weights.mean(dim=1) if average_attn_weights else weights)
