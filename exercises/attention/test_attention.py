"""Public checks for the attention topic: the basics of each kata. `make check TOPIC=attention`.
The hidden checks (`make grade PHASE=3`) go further: masks, causal alignment, empty rows,
huge scores, permutation equivariance, causality, gradients and inputs not mutated."""
import math

import numpy as np
import torch
import torch.nn.functional as F

from grader.check import assert_close, assert_shape, check, expect, learner

att = learner("attention")
f64 = torch.float64


def _randn(seed, *shape):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=f64)


@check("sinusoidal_positional_encoding")
def test_pe_shape_and_position_zero():
    pe = att.sinusoidal_positional_encoding(10, 6, dtype=f64)
    assert_shape(pe, (10, 6), name="encoding")
    assert_close(pe[0], [0, 1, 0, 1, 0, 1], name="position 0", hint="sin(0) = 0 on even columns, cos(0) = 1 on odd")


@check("sinusoidal_positional_encoding")
def test_pe_small_example():
    pe = att.sinusoidal_positional_encoding(3, 4, dtype=f64)
    p = np.arange(3.0)
    want = np.stack([np.sin(p), np.cos(p), np.sin(p / 100.0), np.cos(p / 100.0)], axis=1)  # 10000^(2/4) = 100
    assert_close(pe, want, name="encoding")


@check("masked_softmax")
def test_masked_softmax_example():
    got = att.masked_softmax(torch.zeros(2, 3, dtype=f64), torch.tensor([2, 0]))
    assert_close(got, [[0.5, 0.5, 0.0], [0.0, 0.0, 0.0]], name="weights",
                 hint="a row with valid_len 0 is all zeros")


@check("masked_softmax")
def test_masked_softmax_full_length_is_softmax():
    scores = _randn(1, 3, 5)
    assert_close(att.masked_softmax(scores, torch.tensor([5, 5, 5])), torch.softmax(scores, -1), name="weights")


@check("causal_mask")
def test_causal_mask_examples():
    assert_close(att.causal_mask(3, 3).int(), [[1, 0, 0], [1, 1, 0], [1, 1, 1]], name="causal_mask(3, 3)",
                 hint="True = may attend; the diagonal is visible")
    assert_close(att.causal_mask(2, 4).int(), [[1, 1, 1, 0], [1, 1, 1, 1]], name="causal_mask(2, 4)",
                 hint="aligned bottom-right: the last query sees every key")


@check("scaled_dot_product_attention")
def test_sdpa_no_mask():
    q, k, v = _randn(2, 2, 5, 4), _randn(3, 2, 7, 4), _randn(4, 2, 7, 6)
    out, w = att.scaled_dot_product_attention(q, k, v)
    assert_shape(w, (2, 5, 7), name="weights")
    assert_shape(out, (2, 5, 6), name="output")
    assert_close(w, torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(4), dim=-1), name="weights")
    assert_close(out, F.scaled_dot_product_attention(q, k, v), name="output")


@check("scaled_dot_product_attention")
def test_sdpa_boolean_mask():
    q, k, v = _randn(5, 5, 4), _randn(6, 7, 4), _randn(7, 7, 6)
    mask = torch.ones(5, 7, dtype=torch.bool)
    mask[:, 3:] = False                              # True = may attend: keys 3.. are hidden
    out, w = att.scaled_dot_product_attention(q, k, v, mask=mask)
    expect(torch.all(w[:, 3:] == 0), "keys where the mask is False must get weight 0 (True = may attend)")
    assert_close(out, F.scaled_dot_product_attention(q, k, v, attn_mask=mask), name="output")


@check("self_attention")
def test_self_attention_matches_reference():
    x, wq, wk, wv = _randn(8, 2, 6, 5), _randn(9, 5, 4), _randn(10, 5, 4), _randn(11, 5, 3)
    got = att.self_attention(x, wq, wk, wv)
    assert_shape(got, (2, 6, 3), name="output")
    assert_close(got, F.scaled_dot_product_attention(x @ wq, x @ wk, x @ wv), name="output")


@check("self_attention")
def test_self_attention_causal_first_token_sees_itself():
    x, wq, wk, wv = _randn(12, 6, 5), _randn(13, 5, 4), _randn(14, 5, 4), _randn(15, 5, 3)
    got = att.self_attention(x, wq, wk, wv, is_causal=True)
    assert_close(got[0], (x @ wv)[0], name="output of token 0",
                 hint="with is_causal, token 0 sees only itself, so its output is its own value vector")


@check("multi_head_attention")
def test_mha_loads_torch_weights_and_matches():
    torch.manual_seed(0)
    ref = torch.nn.MultiheadAttention(12, 3, batch_first=True, dtype=f64)
    ours = att.MultiHeadAttention(12, 3).double()
    ours.load_state_dict(ref.state_dict())
    x = _randn(16, 2, 5, 12)
    out, w = ours(x, x, x)
    ref_out, ref_w = ref(x, x, x)
    assert_shape(w, (2, 5, 5), name="weights", hint="averaged over heads: (B, L, S)")
    assert_close(w, ref_w, name="weights")
    assert_close(out, ref_out, name="output")
