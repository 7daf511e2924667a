"""Projects once and reuses this topic's scaled_dot_product_attention instead of inlining the attention."""


def self_attention(x, w_q, w_k, w_v, is_causal=False):
    out, _ = scaled_dot_product_attention(x @ w_q, x @ w_k, x @ w_v, is_causal=is_causal)  # noqa: F821
    return out
