"""Hidden checks for the attention topic: every kata against torch (float64, copied weights) or an
independent numpy reference, with distinct sizes on every axis; plus the pinned conventions (mask
polarity, bottom-right causal alignment, empty rows give zeros), stability at huge scores,
permutation equivariance, causality and inputs not mutated."""
import numpy as np
import pytest
import torch
import torch._dynamo  # noqa: F401  a meta tensor's ops (torch._refs) import it on first use (~3 s): preload it once
import torch.nn.functional as F
from scipy.special import softmax as np_softmax

from grader.check import assert_close, assert_shape, check, expect, learner

att = learner("attention")
f64 = torch.float64


def _t(rng, *shape, scale=1.0):
    return torch.tensor(rng.normal(size=shape) * scale, dtype=f64)


def _unpack(result, what):
    expect(isinstance(result, (tuple, list)) and len(result) == 2,
           f"{what} should return a pair (output, weights)")
    return result


def _expect_on_meta(t, shape, dtype, name, hint):
    """t came back from inputs on the "meta" device (a shape, a dtype and a device, no values)."""
    expect(isinstance(t, torch.Tensor) and t.device.type == "meta",
           f"{name} should be on the inputs' device (here 'meta'), not on torch's default device: {hint}")
    expect(t.dtype == dtype, f"{name} on another device has the wrong dtype: it follows the inputs' dtype")
    assert_shape(t, shape, name=f"{name} on another device")


def _np_attention_weights(q, k, mask=None):
    """numpy reference: softmax over keys of q k^T / sqrt(E), bool mask True = allowed."""
    q, k = q.numpy(), k.numpy()
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if mask is not None:
        scores = np.where(np.broadcast_to(mask.numpy(), scores.shape), scores, -np.inf)
    return np_softmax(scores, axis=-1)


# ---------------------------------------------------------------------------------------------
# sinusoidal_positional_encoding
# ---------------------------------------------------------------------------------------------

def _np_pe(seq_len, d_model):
    """Column by column: column j has frequency index i = j // 2, sin if j even else cos."""
    pe = np.empty((seq_len, d_model))
    p = np.arange(seq_len, dtype=float)
    for j in range(d_model):
        angle = p / 10000.0 ** ((j - j % 2) / d_model)
        pe[:, j] = np.sin(angle) if j % 2 == 0 else np.cos(angle)
    return pe


@check("sinusoidal_positional_encoding", points=2,
       pins=["formula-from-zero", "frequency-index", "sin-even-cos-odd", "base-10000", "compute-in-dtype"])
@pytest.mark.parametrize("seq_len,d_model", [(50, 16), (9, 24)], ids=["long", "wide"])
def test_pe_matches_closed_form(seq_len, d_model):
    pe = att.sinusoidal_positional_encoding(seq_len, d_model, dtype=f64)
    assert_shape(pe, (seq_len, d_model), name="encoding", hint="rows are positions, columns are dimensions")
    assert_close(pe, _np_pe(seq_len, d_model), rtol=1e-7, atol=1e-9, name="encoding",
                 hint="column 2i is sin(p / 10000^(2i/d_model)), column 2i+1 is cos of the same angle")


@check("sinusoidal_positional_encoding", points=2, pins=["odd-d-model"])
@pytest.mark.parametrize("d_model", [7, 1], ids=["odd_7", "one_column"])
def test_pe_odd_d_model(d_model):
    pe = att.sinusoidal_positional_encoding(12, d_model, dtype=f64)
    assert_shape(pe, (12, d_model), name="encoding")
    assert_close(pe, _np_pe(12, d_model), rtol=1e-7, atol=1e-9, name="encoding",
                 hint="with odd d_model there is one more sin column than cos columns; frequencies still use 2i/d_model")


@check("sinusoidal_positional_encoding", points=1, pins=["compute-in-dtype", "on-device"])
def test_pe_dtype_and_relative_position_property():
    pe32 = att.sinusoidal_positional_encoding(10, 6)
    expect(isinstance(pe32, torch.Tensor) and pe32.dtype == torch.float32,
           "the default dtype is torch.float32: return a torch tensor of the requested dtype")
    assert_close(pe32, _np_pe(10, 6), rtol=1e-5, atol=1e-5, name="float32 encoding")
    here = att.sinusoidal_positional_encoding(7, 5, dtype=f64, device=torch.device("cpu"))
    expect(isinstance(here, torch.Tensor) and here.device.type == "cpu" and here.dtype == f64,
           "build the encoding on the requested device, in the requested dtype")
    assert_close(here, _np_pe(7, 5), rtol=1e-7, atol=1e-9, name="encoding built with device=cpu")
    pe = att.sinusoidal_positional_encoding(40, 10, dtype=f64)
    expect(isinstance(pe, torch.Tensor) and pe.dtype == f64, "dtype=torch.float64 should give a float64 tensor")
    # PE[p] . PE[p+k] = sum_i cos(k w_i): depends on the offset k only, not on p
    dots = [(pe[p] @ pe[p + 3]).item() for p in range(0, 30, 7)]
    expect(np.allclose(dots, dots[0], rtol=0, atol=1e-9),
           "PE[p] . PE[p+3] should not depend on p: each (sin, cos) pair must share one frequency")


@check("sinusoidal_positional_encoding", points=1, pins=["on-device"])
@pytest.mark.parametrize("d_model", [6, 5], ids=["even", "odd"])
def test_pe_on_another_device(d_model):
    # "meta" tensors have a shape, a dtype and a device, no values: every tensor built must be there
    pe = att.sinusoidal_positional_encoding(9, d_model, dtype=f64, device="meta")
    _expect_on_meta(pe, (9, d_model), f64, "the encoding",
                    "pass device= to every tensor you create (positions, frequencies, the output buffer)")


# ---------------------------------------------------------------------------------------------
# masked_softmax
# ---------------------------------------------------------------------------------------------

def _np_masked_softmax(scores, lens):
    scores = scores.numpy()
    lens = np.broadcast_to(lens.numpy(), scores.shape[:-1])
    out = np.zeros_like(scores)
    for idx in np.ndindex(*scores.shape[:-1]):
        n = min(int(lens[idx]), scores.shape[-1])
        if n > 0:
            row = scores[idx][:n]
            e = np.exp(row - row.max())
            out[idx][:n] = e / e.sum()
    return out


@check("masked_softmax", points=2, pins=["keep-j-below-len"])
def test_masked_softmax_per_row_lengths():
    rng = np.random.default_rng(21)
    scores = _t(rng, 3, 4, 6, scale=2.0)
    lens = torch.tensor(rng.integers(1, 7, size=(3, 4)))
    got = att.masked_softmax(scores, lens)
    assert_shape(got, (3, 4, 6), name="weights")
    assert_close(got, _np_masked_softmax(scores, lens), name="weights",
                 hint="positions j >= valid_len get weight 0, the rest are a softmax over the last axis")


@check("masked_softmax", points=1, pins=["right-aligned"])
def test_masked_softmax_broadcasts_one_length_per_sequence():
    rng = np.random.default_rng(22)
    scores = _t(rng, 3, 2, 4, 6)              # (B, H, L, S)
    lens = torch.tensor([[[2]], [[6]], [[5]]])  # (B, 1, 1)
    got = att.masked_softmax(scores, lens)
    assert_close(got, _np_masked_softmax(scores, lens), name="weights",
                 hint="compare torch.arange(S) with valid_lens.unsqueeze(-1) and let broadcasting do the rest")


@check("masked_softmax", points=2, pins=["empty-row-zeros"])
def test_masked_softmax_empty_row_is_zeros():
    rng = np.random.default_rng(23)
    scores = _t(rng, 2, 5, 7)
    lens = torch.tensor([[0, 3, 7, 0, 1], [2, 0, 5, 6, 4]])
    got = att.masked_softmax(scores, lens)
    arr = got.detach().numpy()
    expect(not np.isnan(arr).any(), "a row with valid_len 0 gave NaN: softmax of an all -inf row is 0/0; set it to 0")
    expect(np.all(arr[lens.numpy() == 0] == 0),
           "a row with valid_len 0 should be all zeros: every position j >= 0 is masked there "
           "(filling with -1e6 instead of -inf would make it uniform, 1/S)")
    assert_close(got, _np_masked_softmax(scores, lens), name="weights")


@check("masked_softmax", points=1, pins=["stable"])
def test_masked_softmax_huge_scores_are_stable():
    rng = np.random.default_rng(24)
    scores = _t(rng, 4, 9, scale=1000.0)
    lens = torch.tensor([9, 4, 1, 6])
    got = att.masked_softmax(scores, lens)
    assert_close(got, _np_masked_softmax(scores, lens), name="weights",
                 hint="with scores around +-1000, exp overflows: subtract the row maximum (torch.softmax does)")


@check("masked_softmax", points=1, pins=["none-is-softmax", "inputs-unchanged"])
def test_masked_softmax_none_and_not_mutated():
    rng = np.random.default_rng(25)
    scores = _t(rng, 2, 3, 5)
    keep = scores.clone()
    assert_close(att.masked_softmax(scores, None), np_softmax(keep.numpy(), axis=-1), name="weights",
                 hint="valid_lens=None is a plain softmax over the last axis")
    lens = torch.tensor([[5, 2, 0], [1, 4, 3]])
    keep_lens = lens.clone()
    att.masked_softmax(scores, lens)
    expect(torch.equal(scores, keep), "masked_softmax changed its scores argument: use masked_fill, not masked_fill_")
    expect(torch.equal(lens, keep_lens), "masked_softmax changed its valid_lens argument")


@check("masked_softmax", points=1, pins=["len-beyond-s"])
def test_masked_softmax_lengths_past_the_row_keep_everything():
    rng = np.random.default_rng(26)
    scores = _t(rng, 2, 4, 6)
    lens = torch.tensor([[6, 7, 100, 3], [0, 12, 6, 1]], dtype=torch.int32)   # S = 6; any integer dtype
    got = att.masked_softmax(scores, lens)
    assert_shape(got, (2, 4, 6), name="weights")
    expect(not torch.isnan(got).any(), "a valid_len larger than S gave NaN: it keeps every position")
    assert_close(got, _np_masked_softmax(scores, lens), name="weights",
                 hint="a valid_len >= S keeps the whole row (compare positions with the length, "
                      "do not index a table of S + 1 masks with it)")


@check("masked_softmax", points=1, pins=["one-d", "dtype-follows"])
def test_masked_softmax_one_row_and_float32():
    rng = np.random.default_rng(27)
    row = _t(rng, 7)
    got = att.masked_softmax(row, torch.tensor(4))
    assert_shape(got, (7,), name="weights of a 1-D row", hint="scores (S,) with a 0-d valid_lens give (S,)")
    assert_close(got, _np_masked_softmax(row, torch.tensor(4)), name="weights of a 1-D row")
    scores32 = _t(rng, 3, 5, scale=3.0).float()
    lens = torch.tensor([5, 2, 0])
    got32 = att.masked_softmax(scores32, lens)
    expect(isinstance(got32, torch.Tensor) and got32.dtype == torch.float32,
           "float32 scores should give float32 weights: the result has the dtype of scores (no upcast left in it)")
    assert_close(got32, _np_masked_softmax(scores32.double(), lens), rtol=1e-4, atol=1e-5, name="float32 weights")


@check("masked_softmax", points=1, pins=["on-input-device"])
def test_masked_softmax_on_the_inputs_device():
    scores = torch.empty(3, 4, 6, dtype=f64, device="meta")
    lens = torch.empty(3, 4, dtype=torch.long, device="meta")
    got = att.masked_softmax(scores, lens)
    _expect_on_meta(got, (3, 4, 6), f64, "the weights", "make the positions you compare with valid_lens on scores.device")


# ---------------------------------------------------------------------------------------------
# causal_mask
# ---------------------------------------------------------------------------------------------

def _np_causal(q_len, k_len):
    i = np.arange(q_len)[:, None]
    j = np.arange(k_len)[None, :]
    return j <= i + (k_len - q_len)


@check("causal_mask", points=1, pins=["true-may-attend", "diagonal-kept"])
def test_causal_mask_square_keeps_the_diagonal():
    m = att.causal_mask(6, 6)
    expect(isinstance(m, torch.Tensor) and m.dtype == torch.bool, "causal_mask should return a torch.bool tensor")
    assert_shape(m, (6, 6), name="mask")
    got = m.numpy()
    expect(got[0, 0] and got[5, 5], "a token may attend to itself: keep the diagonal (True = may attend)")
    expect(not got[0, 1], "token 0 must not see token 1: True means MAY attend, the future is False")
    expect(np.array_equal(got, _np_causal(6, 6)), "the square mask should be the lower triangle with its diagonal")


@check("causal_mask", points=2, pins=["bottom-right"])
@pytest.mark.parametrize("q_len,k_len", [(3, 7), (1, 5), (4, 9)], ids=["chunk", "one_new_token", "prefill"])
def test_causal_mask_bottom_right_with_a_cache(q_len, k_len):
    m = att.causal_mask(q_len, k_len)
    assert_shape(m, (q_len, k_len), name="mask", hint="rows are queries, columns are keys")
    expect(bool(m[-1].all()), "the last query is the newest token and must see every key (bottom-right alignment)")
    expect(np.array_equal(m.numpy().astype(bool), _np_causal(q_len, k_len)),
           "query i sits at absolute position i + (k_len - q_len): it may see keys j <= i + k_len - q_len")


@check("causal_mask", points=1, pins=["more-queries-than-keys"])
@pytest.mark.parametrize("q_len,k_len", [(6, 4), (7, 2)], ids=["two_more", "many_more"])
def test_causal_mask_more_queries_than_keys(q_len, k_len):
    m = att.causal_mask(q_len, k_len)
    assert_shape(m, (q_len, k_len), name="mask")
    expect(np.array_equal(m.numpy().astype(bool), _np_causal(q_len, k_len)),
           "with q_len > k_len the first q_len - k_len queries see no key (all False); tril(diagonal=k_len - q_len)")


@check("causal_mask", points=1, pins=["on-device"])
def test_causal_mask_on_the_requested_device():
    for device in ("cpu", torch.device("cpu")):
        m = att.causal_mask(3, 5, device=device)
        expect(isinstance(m, torch.Tensor) and m.dtype == torch.bool and m.device.type == "cpu",
               "causal_mask(..., device=d) should build a torch.bool mask on device d")
        expect(np.array_equal(m.numpy().astype(bool), _np_causal(3, 5)), "the mask built with device= is wrong")
    # a device other than the default one: "meta" tensors have a shape and a device, no values
    m = att.causal_mask(3, 5, device="meta")
    expect(isinstance(m, torch.Tensor) and m.device.type == "meta" and m.dtype == torch.bool,
           "causal_mask(..., device=d) should build the mask on device d, not on the default device")
    assert_shape(m, (3, 5), name="mask on another device")


# ---------------------------------------------------------------------------------------------
# scaled_dot_product_attention
# ---------------------------------------------------------------------------------------------

def _qkv(seed, lead=(2, 3), L=5, S=7, E=4, Ev=6, scale=1.0):
    rng = np.random.default_rng(seed)
    return _t(rng, *lead, L, E, scale=scale), _t(rng, *lead, S, E, scale=scale), _t(rng, *lead, S, Ev)


def _random_bool_mask(rng, *shape):
    m = rng.random(size=shape) < 0.6
    m[..., 0] = True  # every query sees at least one key, so torch's reference is defined
    return torch.tensor(m)


@check("scaled_dot_product_attention", points=2, pins=["pair-result", "scale-sqrt-e", "leading-dims", "ban-any-path"])
@pytest.mark.parametrize("lead", [(2, 3), ()], ids=["batch_and_heads", "no_batch"])
def test_sdpa_matches_torch(lead):
    q, k, v = _qkv(31, lead=lead)
    out, w = _unpack(att.scaled_dot_product_attention(q, k, v), "scaled_dot_product_attention")
    assert_shape(w, (*lead, 5, 7), name="weights", hint="weights are (..., L, S): one row per query")
    assert_shape(out, (*lead, 5, 6), name="output", hint="output is (..., L, Ev)")
    assert_close(w, _np_attention_weights(q, k), name="weights",
                 hint="softmax over the keys (last axis) of q @ k^T / sqrt(E)")
    assert_close(out, F.scaled_dot_product_attention(q, k, v), name="output", hint="output = weights @ v")


@check("scaled_dot_product_attention", points=2, pins=["bool-true-attends"])
@pytest.mark.parametrize("shape", [(5, 7), (2, 1, 5, 7)], ids=["per_query_key", "per_batch"])
def test_sdpa_boolean_mask_true_means_attend(shape):
    q, k, v = _qkv(32)
    mask = _random_bool_mask(np.random.default_rng(33), *shape)
    out, w = _unpack(att.scaled_dot_product_attention(q, k, v, mask=mask), "scaled_dot_product_attention")
    hint = "a boolean mask is True where attention is ALLOWED: scores.masked_fill(~mask, -inf)"
    assert_close(w, _np_attention_weights(q, k, mask), name="weights", hint=hint)
    assert_close(out, F.scaled_dot_product_attention(q, k, v, attn_mask=mask), name="output", hint=hint)


@check("scaled_dot_product_attention", points=1, pins=["float-mask-added", "empty-rows-every-path"])
def test_sdpa_float_mask_is_added():
    q, k, v = _qkv(34)
    rng = np.random.default_rng(35)
    bias = _t(rng, 5, 7, scale=2.0)
    out, w = _unpack(att.scaled_dot_product_attention(q, k, v, mask=bias), "scaled_dot_product_attention")
    assert_close(out, F.scaled_dot_product_attention(q, k, v, attn_mask=bias), name="output",
                 hint="a float mask is added to the scaled scores before the softmax")
    # a float mask can block with -inf too; a row of it that is all -inf sees no key at all
    blocking = bias.clone()
    blocking[1, 2:5] = -torch.inf
    blocking[3] = -torch.inf
    out, w = _unpack(att.scaled_dot_product_attention(q, k, v, mask=blocking), "scaled_dot_product_attention")
    expect(not torch.isnan(w).any() and not torch.isnan(out).any(),
           "a float mask whose row is all -inf gave NaN: a query that may see no key (however it is masked) "
           "gets zero weights and a zero output")
    scores = q.numpy() @ np.swapaxes(k.numpy(), -1, -2) / np.sqrt(4) + blocking.numpy()
    ref_w = np.nan_to_num(np_softmax(scores, axis=-1), nan=0.0)
    assert_close(w, ref_w, name="weights with -inf entries in a float mask",
                 hint="-inf in a float mask blocks that key; a row that is all -inf gets zero weights")
    assert_close(out, ref_w @ v.numpy(), name="output with -inf entries in a float mask")


@check("scaled_dot_product_attention", points=1, pins=["causal-bottom-right"])
def test_sdpa_is_causal_square_matches_torch():
    q, k, v = _qkv(36, L=6, S=6)
    out, w = _unpack(att.scaled_dot_product_attention(q, k, v, is_causal=True), "scaled_dot_product_attention")
    assert_close(out, F.scaled_dot_product_attention(q, k, v, is_causal=True), name="output",
                 hint="with L == S, query i sees keys 0..i (diagonal included)")
    upper = np.triu(np.ones((6, 6), dtype=bool), 1)
    expect(np.all(w.detach().numpy()[..., upper] == 0), "causal weights above the diagonal should be exactly 0")


@check("scaled_dot_product_attention", points=2, pins=["causal-bottom-right"])
@pytest.mark.parametrize("L,S", [(3, 7), (1, 6)], ids=["chunk", "one_new_token"])
def test_sdpa_is_causal_is_bottom_right(L, S):
    q, k, v = _qkv(37, L=L, S=S)
    visible = torch.ones(L, S, dtype=torch.bool).tril(S - L)
    out, w = _unpack(att.scaled_dot_product_attention(q, k, v, is_causal=True), "scaled_dot_product_attention")
    hint = "is_causal is aligned bottom-right (the last query sees every key): unlike torch's is_causal when L != S"
    assert_close(w, _np_attention_weights(q, k, visible), name="weights", hint=hint)
    assert_close(out, F.scaled_dot_product_attention(q, k, v, attn_mask=visible), name="output", hint=hint)


@check("scaled_dot_product_attention", points=1, pins=["mask-and-causal", "empty-rows-zero"])
def test_sdpa_mask_and_causal_combine_and_empty_rows_are_zero():
    q, k, v = _qkv(38, L=4, S=4)
    mask = _random_bool_mask(np.random.default_rng(39), 2, 3, 4, 4)
    mask[0, 1, 2] = False                           # one query that may see no key at all
    out, w = _unpack(att.scaled_dot_product_attention(q, k, v, mask=mask, is_causal=True),
                     "scaled_dot_product_attention")
    both = mask & torch.ones(4, 4, dtype=torch.bool).tril()
    ref_w = np.nan_to_num(_np_attention_weights(q, k, both), nan=0.0)
    expect(not torch.isnan(w).any() and not torch.isnan(out).any(),
           "a query that may see no key gave NaN: give it zero weights and a zero output")
    assert_close(w, ref_w, name="weights", hint="mask and is_causal together: a key must be allowed by both")
    assert_close(out, ref_w @ v.numpy(), name="output")


@check("scaled_dot_product_attention", points=1, pins=["stable"])
def test_sdpa_huge_scores_are_stable():
    q, k, v = _qkv(40, scale=30.0)   # scores in the thousands
    out, w = _unpack(att.scaled_dot_product_attention(q, k, v), "scaled_dot_product_attention")
    assert_close(out, F.scaled_dot_product_attention(q, k, v), name="output",
                 hint="subtract the row maximum before exponentiating (torch.softmax does)")


@check("scaled_dot_product_attention", points=1, pins=["inputs-unchanged"])
def test_sdpa_does_not_modify_inputs():
    q, k, v = _qkv(41)
    mask = _random_bool_mask(np.random.default_rng(42), 5, 7)
    saved = [t.clone() for t in (q, k, v, mask)]
    att.scaled_dot_product_attention(q, k, v, mask=mask)
    for name, t, s in zip("q k v mask".split(), (q, k, v, mask), saved):
        expect(torch.equal(t, s), f"scaled_dot_product_attention changed its {name} argument: "
                                  "avoid in-place ops like q *= scale or q.div_(...)")


def _np_sdpa(q, k, v, mask=None, is_causal=False):
    """numpy reference with bottom-right causality; a row that sees no key gets zeros."""
    q, k, v = (t.detach().double().numpy() for t in (q, k, v))
    L, S = q.shape[-2], k.shape[-2]
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if mask is not None and mask.dtype == torch.bool:
        scores = np.where(mask.numpy(), scores, -np.inf)
    elif mask is not None:
        scores = scores + mask.double().numpy()
    if is_causal:
        scores = np.where(_np_causal(L, S), scores, -np.inf)
    empty = np.isneginf(scores).all(axis=-1, keepdims=True)
    weights = np_softmax(np.where(empty, 0.0, scores), axis=-1) * ~empty
    return weights @ v, weights


@check("scaled_dot_product_attention", points=2,
       pins=["mask-and-causal", "causal-stays-bottom-right", "empty-rows-every-path", "inputs-unchanged"])
@pytest.mark.parametrize("kind", ["bool", "float"])
def test_sdpa_mask_with_causal_when_queries_and_keys_differ(kind):
    L, S = 3, 7
    q, k, v = _qkv(43, L=L, S=S)
    rng = np.random.default_rng(44)
    allowed = rng.random(size=(2, 1, L, S)) < 0.7
    allowed[..., 0] = True
    allowed[1, 0, 0, :] = False
    allowed[1, 0, 0, S - L + 1:] = True     # query 0 of batch 1: only future keys, so causality empties it
    if kind == "bool":
        mask = torch.tensor(allowed)
    else:
        mask = _t(rng, 2, 1, L, S).masked_fill(torch.tensor(~allowed), -torch.inf)
    saved = mask.clone()
    out, w = _unpack(att.scaled_dot_product_attention(q, k, v, mask=mask, is_causal=True),
                     "scaled_dot_product_attention")
    expect(torch.equal(mask, saved), "scaled_dot_product_attention changed its mask argument: combine the "
                                     "masks into a new tensor (no mask &= ..., no masked_fill_)")
    ref_out, ref_w = _np_sdpa(q, k, v, mask, is_causal=True)
    expect(not torch.isnan(w).any() and not torch.isnan(out).any(),
           "a query that the mask and the causal mask together leave with no key gave NaN: zero weights and output")
    hint = (f"a {kind} mask with is_causal: a key must be allowed by both, and the causal part is bottom-right "
            "(causal_mask(L, S)) even when L != S")
    assert_close(w, ref_w, name="weights", hint=hint)
    assert_close(out, ref_out, name="output", hint=hint)


@check("scaled_dot_product_attention", points=1, pins=["causal-bottom-right", "empty-rows-every-path"])
def test_sdpa_causal_with_more_queries_than_keys():
    q, k, v = _qkv(45, L=6, S=4)
    out, w = _unpack(att.scaled_dot_product_attention(q, k, v, is_causal=True), "scaled_dot_product_attention")
    assert_shape(w, (2, 3, 6, 4), name="weights")
    expect(not torch.isnan(w).any() and not torch.isnan(out).any(),
           "is_causal with L > S: the first L - S queries see no key and must get zero weights and a zero "
           "output, not NaN (no mask argument is involved here)")
    ref_out, ref_w = _np_sdpa(q, k, v, is_causal=True)
    assert_close(w, ref_w, name="weights", hint="bottom-right: query i sees keys j <= i + S - L, none for i < L - S")
    assert_close(out, ref_out, name="output")


@check("scaled_dot_product_attention", points=1, pins=["dtype-follows"])
def test_sdpa_float32_inputs_give_float32():
    q, k, v = (t.float() for t in _qkv(46, L=4, S=6))
    bias = _t(np.random.default_rng(47), 4, 6).float()
    out, w = _unpack(att.scaled_dot_product_attention(q, k, v, mask=bias, is_causal=True),
                     "scaled_dot_product_attention")
    expect(isinstance(out, torch.Tensor) and isinstance(w, torch.Tensor)
           and out.dtype == torch.float32 and w.dtype == torch.float32,
           "float32 q, k, v should give float32 output and weights: compute in the inputs' dtype")
    ref_out, ref_w = _np_sdpa(q, k, v, bias, is_causal=True)
    assert_close(w, ref_w, rtol=1e-4, atol=1e-5, name="float32 weights")
    assert_close(out, ref_out, rtol=1e-4, atol=1e-5, name="float32 output")


@check("scaled_dot_product_attention", points=1, pins=["on-input-device"])
def test_sdpa_causal_on_the_inputs_device():
    q = torch.empty(2, 3, 4, 5, dtype=f64, device="meta")
    k = torch.empty(2, 3, 6, 5, dtype=f64, device="meta")
    v = torch.empty(2, 3, 6, 7, dtype=f64, device="meta")
    out, w = _unpack(att.scaled_dot_product_attention(q, k, v, is_causal=True), "scaled_dot_product_attention")
    _expect_on_meta(w, (2, 3, 4, 6), f64, "the weights", "build the causal mask on q.device")
    _expect_on_meta(out, (2, 3, 4, 7), f64, "the output", "build the causal mask on q.device")


# ---------------------------------------------------------------------------------------------
# self_attention
# ---------------------------------------------------------------------------------------------

def _self_attention_inputs(seed, B=2, T=6, D=5, dk=4, dv=3):
    rng = np.random.default_rng(seed)
    return _t(rng, B, T, D), _t(rng, D, dk), _t(rng, D, dk), _t(rng, D, dv)


@check("self_attention", points=2, pins=["projections", "scale-dk", "causal-diagonal", "ban-any-path"])
@pytest.mark.parametrize("is_causal", [False, True], ids=["bidirectional", "causal"])
def test_self_attention_matches_torch(is_causal):
    x, wq, wk, wv = _self_attention_inputs(51)
    got = att.self_attention(x, wq, wk, wv, is_causal=is_causal)
    assert_shape(got, (2, 6, 3), name="output", hint="(..., T, dv): one output vector per token")
    ref = F.scaled_dot_product_attention(x @ wq, x @ wk, x @ wv, is_causal=is_causal)
    assert_close(got, ref, name="output",
                 hint="q = x @ w_q, k = x @ w_k, v = x @ w_v; softmax over keys of q k^T / sqrt(d_k); no positions")


@check("self_attention", points=2, pins=["no-positions"])
def test_self_attention_is_permutation_equivariant():
    x, wq, wk, wv = _self_attention_inputs(52, T=7)
    perm = torch.tensor(np.random.default_rng(53).permutation(7))
    out = att.self_attention(x, wq, wk, wv)
    out_perm = att.self_attention(x[:, perm], wq, wk, wv)
    assert_close(out_perm, out[:, perm], rtol=1e-9, atol=1e-11, name="output of permuted tokens",
                 hint="without positional information, permuting the tokens must permute the outputs identically")


@check("self_attention", points=2, pins=["causal-diagonal"])
def test_self_attention_causal_ignores_the_future():
    x, wq, wk, wv = _self_attention_inputs(54, T=7)
    changed = x.clone()
    changed[:, 4:] += _t(np.random.default_rng(55), 2, 3, 5, scale=3.0)
    a = att.self_attention(x, wq, wk, wv, is_causal=True)
    b = att.self_attention(changed, wq, wk, wv, is_causal=True)
    assert_close(b[:, :4], a[:, :4], rtol=0, atol=1e-12, name="outputs before the changed tokens",
                 hint="changing tokens 4.. changed an earlier output: token t may only see 0..t (and softmax over keys)")
    expect(not torch.allclose(b[:, 4:], a[:, 4:]), "the outputs of the changed tokens should change")


@check("self_attention", points=1, pins=["inputs-unchanged"])
def test_self_attention_does_not_modify_inputs_and_handles_2d():
    x, wq, wk, wv = _self_attention_inputs(56)
    saved = [t.clone() for t in (x, wq, wk, wv)]
    first = att.self_attention(x, wq, wk, wv)
    for name, t, s in zip(("x", "w_q", "w_k", "w_v"), (x, wq, wk, wv), saved):
        expect(torch.equal(t, s), f"self_attention changed its {name} argument: build new tensors instead "
                                  "(e.g. no w_q /= sqrt(d_k))")
    second = att.self_attention(x, wq, wk, wv)
    assert_close(second, first, rtol=0, atol=0, name="a second call", hint="the same inputs must give the same output")
    one = att.self_attention(x[0], wq, wk, wv)
    assert_close(one, first[0], name="output for an unbatched (T, D) input")


@check("self_attention", points=1, pins=["dtype-follows"])
@pytest.mark.parametrize("is_causal", [False, True], ids=["bidirectional", "causal"])
def test_self_attention_float32_gives_float32(is_causal):
    x, wq, wk, wv = (t.float() for t in _self_attention_inputs(57))
    got = att.self_attention(x, wq, wk, wv, is_causal=is_causal)
    expect(isinstance(got, torch.Tensor) and got.dtype == torch.float32,
           "float32 inputs should give a float32 output: compute in the inputs' dtype")
    ref, _ = _np_sdpa(x @ wq, x @ wk, x @ wv, is_causal=is_causal)
    assert_close(got, ref, rtol=1e-4, atol=1e-5, name="float32 output")


@check("self_attention", points=1, pins=["on-input-device"])
def test_self_attention_causal_on_the_inputs_device():
    x = torch.empty(2, 6, 5, dtype=f64, device="meta")
    wq, wk, wv = (torch.empty(5, n, dtype=f64, device="meta") for n in (4, 4, 3))
    got = att.self_attention(x, wq, wk, wv, is_causal=True)
    _expect_on_meta(got, (2, 6, 3), f64, "the output", "build the causal mask on x.device")


# ---------------------------------------------------------------------------------------------
# multi_head_attention
# ---------------------------------------------------------------------------------------------

E, H = 12, 3


def _pair(seed):
    """A torch reference with random (non-zero) weights and ours loaded from it, both float64."""
    torch.manual_seed(seed)
    ref = torch.nn.MultiheadAttention(E, H, batch_first=True, dtype=f64)
    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in ref.parameters():
            p.copy_(0.4 * torch.randn(p.shape, generator=gen, dtype=f64))
    ours = att.MultiHeadAttention(E, H)
    # the ban swaps torch.nn.MultiheadAttention only while a check runs: a class that inherits from
    # it at import time would slip through, so look at the class itself
    expect(not isinstance(ours, torch.nn.modules.activation.MultiheadAttention),
           "MultiHeadAttention inherits from torch.nn.MultiheadAttention: subclass nn.Module and "
           "write the attention yourself")
    ours = ours.double()
    try:
        ours.load_state_dict(ref.state_dict(), strict=True)
    except RuntimeError as error:
        raise AssertionError("MultiHeadAttention could not load nn.MultiheadAttention's state_dict "
                             f"({str(error).splitlines()[0][:120]}): use in_proj_weight (3E, E), "
                             "in_proj_bias (3E,) and out_proj = nn.Linear(E, E)") from None
    return ours, ref


def _xyz(seed, B=2, L=5, S=7):
    rng = np.random.default_rng(seed)
    return _t(rng, B, L, E), _t(rng, B, S, E), _t(rng, B, S, E)


@check("multi_head_attention", points=1, pins=["four-parameters"])
def test_mha_parameters_round_trip_with_torch():
    ours, ref = _pair(61)
    names = dict(ours.named_parameters())
    for name, shape in [("in_proj_weight", (3 * E, E)), ("in_proj_bias", (3 * E,)),
                        ("out_proj.weight", (E, E)), ("out_proj.bias", (E,))]:
        expect(name in names, f"MultiHeadAttention has no parameter {name}")
        assert_shape(names[name], shape, name=name)
    expect(len(names) == 4, "MultiHeadAttention should hold exactly in_proj_weight, in_proj_bias and out_proj")
    fresh = torch.nn.MultiheadAttention(E, H, batch_first=True, dtype=f64)
    fresh.load_state_dict(ours.state_dict(), strict=True)


@check("multi_head_attention", points=2, pins=["tuple-result", "rows-q-k-v", "scale-head-dim", "averaged-weights", "ban-any-path"])
@pytest.mark.parametrize("kind", ["self", "cross"])
def test_mha_matches_torch(kind):
    ours, ref = _pair(62)
    x, y, z = _xyz(63)
    key, value = (x, x) if kind == "self" else (y, z)
    out, w = _unpack(ours.forward(x, key, value), "MultiHeadAttention.forward")
    ref_out, ref_w = ref(x, key, value)
    S = key.shape[1]
    assert_shape(out, (2, 5, E), name="output")
    assert_shape(w, (2, 5, S), name="weights", hint="by default the weights are averaged over heads: (B, L, S)")
    assert_close(w, ref_w, name="weights",
                 hint="split heads with view(B, L, H, D).transpose(1, 2), scale by sqrt(head_dim), average over heads")
    assert_close(out, ref_out, name="output", hint="merge heads with transpose(1, 2).reshape(B, L, E), then out_proj")


@check("multi_head_attention", points=2, pins=["padding-key", "true-blocked", "float-masks-added"])
@pytest.mark.parametrize("kind", ["bool", "float"])
def test_mha_key_padding_mask_true_is_padding(kind):
    ours, ref = _pair(64)
    x, y, z = _xyz(65)
    pad = torch.zeros(2, 7, dtype=torch.bool)
    pad[0, 5:] = True
    pad[1, 2:] = True
    if kind == "float":                     # added to the scores: finite biases plus -inf at the padding
        pad = _t(np.random.default_rng(73), 2, 7).masked_fill(pad, -torch.inf)
    out, w = _unpack(ours.forward(x, y, z, key_padding_mask=pad), "MultiHeadAttention.forward")
    ref_out, ref_w = ref(x, y, z, key_padding_mask=pad)
    hint = ("key_padding_mask (B, S) is True at PADDING keys (nn.MultiheadAttention's polarity): they get weight 0; "
            "a float key_padding_mask is added to the scores")
    assert_close(w, ref_w, name="weights", hint=hint)
    assert_close(out, ref_out, name="output", hint=hint)


@check("multi_head_attention", points=2, pins=["true-blocked", "float-masks-added"])
@pytest.mark.parametrize("kind", ["bool", "float"])
def test_mha_attn_mask(kind):
    ours, ref = _pair(66)
    x, _, _ = _xyz(67, L=6)
    blocked = torch.ones(6, 6, dtype=torch.bool).triu(1)      # True = blocked (causal)
    mask = blocked if kind == "bool" else _t(np.random.default_rng(68), 6, 6)
    out, w = _unpack(ours.forward(x, x, x, attn_mask=mask), "MultiHeadAttention.forward")
    ref_out, ref_w = ref(x, x, x, attn_mask=mask)
    hint = ("a boolean attn_mask (L, S) is True where attention is BLOCKED (nn.MultiheadAttention's polarity); "
            "a float one is added to the scores")
    assert_close(w, ref_w, name="weights", hint=hint)
    assert_close(out, ref_out, name="output", hint=hint)


@check("multi_head_attention", points=1, pins=["per-head-weights", "head-rows", "no-weights"])
def test_mha_per_head_weights_and_no_weights():
    ours, ref = _pair(69)
    x, y, z = _xyz(70)
    out, w = _unpack(ours.forward(x, y, z, average_attn_weights=False), "MultiHeadAttention.forward")
    ref_out, ref_w = ref(x, y, z, average_attn_weights=False)
    assert_shape(w, (2, H, 5, 7), name="per-head weights", hint="average_attn_weights=False gives (B, H, L, S)")
    assert_close(w, ref_w, name="per-head weights", hint="head h uses rows h*D:(h+1)*D of each projection")
    out2, none = _unpack(ours.forward(x, y, z, need_weights=False), "MultiHeadAttention.forward")
    expect(none is None, "need_weights=False should return (output, None)")
    assert_close(out2, ref_out, name="output with need_weights=False")


# the jail's first backward of a banned kata costs seconds (a one-time warm-up under the ban watchers,
# about 5-8 s on a loaded machine; the second takes milliseconds): room for it, so a right answer never times out
@check("multi_head_attention", points=1, pins=["gradients", "inputs-unchanged"], timeout=30)
def test_mha_gradients_match_and_inputs_untouched():
    ours, ref = _pair(71)
    x, y, z = _xyz(72)
    saved = [t.clone() for t in (x, y, z)]
    out, _ = _unpack(ours.forward(x, y, z), "MultiHeadAttention.forward")
    for name, t, s in zip(("query", "key", "value"), (x, y, z), saved):
        expect(torch.equal(t, s), f"MultiHeadAttention changed its {name} argument")
    weights = torch.linspace(-1, 1, out.numel(), dtype=f64).view_as(out)
    (out * weights).sum().backward()
    ref_out, _ = ref(x, y, z)
    (ref_out * weights).sum().backward()
    ours_params = dict(ours.named_parameters())
    for name, p in ref.named_parameters():
        g = ours_params[name].grad
        expect(g is not None, f"{name} got no gradient: keep the computation in torch (no .detach(), no numpy)")
        assert_close(g, p.grad, rtol=1e-6, atol=1e-9, name=f"gradient of {name}")


def _as_float_mask(mask, dtype=f64):
    """nn.MultiheadAttention's reading of a mask: True (blocked) -> -inf, a float mask as it is."""
    if mask.dtype == torch.bool:
        return torch.zeros(mask.shape, dtype=dtype).masked_fill(mask, -torch.inf)
    return mask


@check("multi_head_attention", points=2, pins=["masks-together", "true-blocked", "inputs-unchanged"])
@pytest.mark.parametrize("attn_kind,pad_kind", [("bool", "bool"), ("float", "bool"), ("bool", "float")],
                         ids=["both_bool", "float_attn_bool_padding", "bool_attn_float_padding"])
def test_mha_attn_mask_and_key_padding_mask_together(attn_kind, pad_kind):
    ours, ref = _pair(74)
    x, y, z = _xyz(75)                       # cross attention: L = 5 queries, S = 7 keys
    rng = np.random.default_rng(76)
    blocked = rng.random(size=(5, 7)) < 0.35
    blocked[:, 0] = False                    # every query keeps key 0 (torch gives NaN for empty rows)
    pad = np.zeros((2, 7), dtype=bool)
    pad[0, 5:] = True
    pad[1, 3:] = True
    attn_mask = torch.tensor(blocked) if attn_kind == "bool" else \
        _t(rng, 5, 7, scale=2.0).masked_fill(torch.tensor(blocked), -torch.inf)
    padding = torch.tensor(pad) if pad_kind == "bool" else \
        _t(rng, 2, 7).masked_fill(torch.tensor(pad), -torch.inf)
    saved = (attn_mask.clone(), padding.clone())
    out, w = _unpack(ours.forward(x, y, z, key_padding_mask=padding, attn_mask=attn_mask), "MultiHeadAttention.forward")
    expect(torch.equal(attn_mask, saved[0]) and torch.equal(padding, saved[1]),
           "MultiHeadAttention changed a mask argument: combine the masks into a new tensor")
    ref_out, ref_w = ref(x, y, z, key_padding_mask=_as_float_mask(padding), attn_mask=_as_float_mask(attn_mask))
    hint = ("with both masks a key is blocked when either blocks it (True = BLOCKED) and float masks are added: "
            "apply attn_mask (L, S) and key_padding_mask (B, 1, 1, S) one after the other")
    assert_shape(out, (2, 5, E), name="output")
    assert_close(w, ref_w, name="weights", hint=hint)
    assert_close(out, ref_out, name="output", hint=hint)


@check("multi_head_attention", points=1, pins=["dtype-follows"])
def test_mha_float32_by_default():
    torch.manual_seed(77)
    ref = torch.nn.MultiheadAttention(E, H, batch_first=True)
    gen = torch.Generator().manual_seed(77)
    with torch.no_grad():
        for p in ref.parameters():
            p.copy_(0.4 * torch.randn(p.shape, generator=gen))
    ours = att.MultiHeadAttention(E, H)
    try:
        ours.load_state_dict(ref.state_dict(), strict=True)
    except RuntimeError as error:
        raise AssertionError("MultiHeadAttention could not load a float32 nn.MultiheadAttention's state_dict "
                             f"({str(error).splitlines()[0][:120]})") from None
    x, y, z = (t.float() for t in _xyz(78))
    pad = torch.zeros(2, 7, dtype=torch.bool)
    pad[1, 4:] = True
    out, w = _unpack(ours.forward(x, y, z, key_padding_mask=pad), "MultiHeadAttention.forward")
    expect(isinstance(out, torch.Tensor) and isinstance(w, torch.Tensor)
           and out.dtype == torch.float32 and w.dtype == torch.float32,
           "a float32 module with float32 inputs should give float32 output and weights")
    with torch.no_grad():
        ref_out, ref_w = ref(x, y, z, key_padding_mask=pad)
    assert_close(w, ref_w, rtol=1e-4, atol=1e-5, name="float32 weights")
    assert_close(out, ref_out, rtol=1e-4, atol=1e-5, name="float32 output")


@check("multi_head_attention", points=1, pins=["fresh-module-initialised"])
def test_mha_fresh_module_is_initialised():
    ours = att.MultiHeadAttention(E, H)
    params = dict(ours.named_parameters())
    expect("in_proj_weight" in params, "MultiHeadAttention has no parameter in_proj_weight")
    for name, p in params.items():
        expect(bool(torch.isfinite(p.detach()).all()), f"a fresh MultiHeadAttention has non-finite entries in {name}: "
                                                       "initialise it (torch.empty leaves whatever was in memory)")
    w = params["in_proj_weight"].detach()
    expect(float(w.std()) > 1e-3, "a fresh in_proj_weight is constant (or all zeros): every head would compute the "
                                  "same thing; initialise it randomly, e.g. nn.init.xavier_uniform_")
    x = _t(np.random.default_rng(79), 2, 5, E).float()
    out, _ = _unpack(ours.forward(x, x, x), "MultiHeadAttention.forward")
    expect(bool(torch.isfinite(out).all()), "a fresh MultiHeadAttention gives non-finite outputs")
