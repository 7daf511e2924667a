"""Attention from scratch in torch. Brief: exercises/attention/README.md

Shapes: q (..., L, E), k (..., S, E), v (..., S, Ev); L = queries, S = keys, E = query/key
width, Ev = value width. Create new tensors on the input's device (no hard-coded "cuda"/"cpu").

Mask polarity, the one convention that bites:
  * scaled_dot_product_attention / causal_mask: boolean True = MAY attend (like
    torch.nn.functional.scaled_dot_product_attention);
  * MultiHeadAttention: boolean True = BLOCKED (like torch.nn.MultiheadAttention).

Banned inside this file for the attention katas: torch.nn.functional.scaled_dot_product_attention,
torch.nn.MultiheadAttention, torch.nn.functional.multi_head_attention_forward.
"""
import math

import torch
from torch import nn


# --- sinusoidal_positional_encoding ------------------------------------------------------------

def sinusoidal_positional_encoding(seq_len, d_model, dtype=torch.float32, device=None):
    """PE[p, 2i] = sin(p / 10000^(2i/d)), PE[p, 2i+1] = cos(p / 10000^(2i/d)).  -> (seq_len, d_model)

    Column j uses frequency index i = j // 2; an odd d_model ends with one sin column.
    Returns a tensor of the given dtype.
    sinusoidal_positional_encoding(2, 3) -> [[0.0000, 1.0000, 0.0000],
                                             [0.8415, 0.5403, 0.0022]]
    """
    raise NotImplementedError("sinusoidal_positional_encoding: see exercises/attention/README.md")


# --- masked_softmax ----------------------------------------------------------------------------

def masked_softmax(scores, valid_lens=None):
    """Softmax over the last axis, keeping only the first valid_len positions of each row.

    scores (..., S) float; valid_lens an integer tensor broadcastable to scores.shape[:-1]
    (right-aligned: (B, L) per row, or (B, 1) per sequence for scores (B, L, S)); None = softmax.
    Positions j >= valid_len get weight 0. A row with valid_len 0 is all zeros (not NaN); a
    valid_len >= S (even far past S) keeps the whole row. The result has the dtype of scores.
    masked_softmax(torch.zeros(2, 3), torch.tensor([2, 0])) -> [[0.5, 0.5, 0.0], [0.0, 0.0, 0.0]]
    """
    raise NotImplementedError("masked_softmax: see exercises/attention/README.md")


# --- causal_mask -------------------------------------------------------------------------------

def causal_mask(q_len, k_len, device=None):
    """Boolean (q_len, k_len), True = may attend, aligned bottom-right: mask[i, j] = j <= i + k_len - q_len.

    causal_mask(2, 4) -> [[True, True, True, False],
                          [True, True, True, True ]]
    """
    raise NotImplementedError("causal_mask: see exercises/attention/README.md")


# --- scaled_dot_product_attention --------------------------------------------------------------

def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    """softmax(q k^T / sqrt(E) + mask) v  ->  (output (..., L, Ev), weights (..., L, S)).

    mask: bool (True = may attend) or float (added to the scores), broadcastable to (..., L, S).
    is_causal: apply the bottom-right causal mask causal_mask(L, S) (torch's is_causal when L == S).
    Both may be given (a bool or a float mask): a key must be allowed by both. A query that may see
    no key (however masked, is_causal with L > S included) gets zero weights and a zero output.
    q, k, v and mask are not modified; float32 inputs give float32 results, float64 give float64.
    """
    raise NotImplementedError("scaled_dot_product_attention: see exercises/attention/README.md")


# --- self_attention ----------------------------------------------------------------------------

def self_attention(x, w_q, w_k, w_v, is_causal=False):
    """One head of self-attention without positions: softmax((x Wq)(x Wk)^T / sqrt(dk)) (x Wv).

    x (..., T, D); w_q, w_k (D, dk); w_v (D, dv)  ->  (..., T, dv). Inputs are not modified.
    is_causal: token t attends to tokens 0..t only.
    """
    raise NotImplementedError("self_attention: see exercises/attention/README.md")


# --- multi_head_attention ----------------------------------------------------------------------

class MultiHeadAttention(nn.Module):
    """Multi-head attention with torch.nn.MultiheadAttention(batch_first=True)'s parameters.

    Parameters (same names and shapes, so load_state_dict works both ways):
      in_proj_weight (3E, E) = [W_q; W_k; W_v] stacked by rows (x @ W_q.T gives q),
      in_proj_bias (3E,), out_proj = nn.Linear(E, E).
    Masks follow nn.MultiheadAttention: boolean True = BLOCKED; float masks are added.
      key_padding_mask (B, S): True marks a padding key.  attn_mask (L, S): True blocks key j for query i.
      Both may be given, each bool or float: a key is blocked when either blocks it.
    """

    def __init__(self, embed_dim, num_heads):
        """Call super().__init__() first, then create the parameters named above."""
        raise NotImplementedError("multi_head_attention: see exercises/attention/README.md")

    def forward(self, query, key, value, key_padding_mask=None, attn_mask=None,
                need_weights=True, average_attn_weights=True):
        """query (B, L, E), key/value (B, S, E) -> (output (B, L, E), weights or None).

        weights: (B, L, S) averaged over heads, or (B, H, L, S) with average_attn_weights=False;
        None when need_weights=False.
        """
        raise NotImplementedError("multi_head_attention: see exercises/attention/README.md")
