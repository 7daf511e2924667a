"""Hidden checks for transformer_architecture (phase 4: the decoder-only LLM).

Every reference lives in this file (torch / numpy / plain Python written independently of the
solution). The model-level katas (tiny_gpt, kv_cache) run the learner's TinyGPT with its own
blocks, and compare it with the pinned TinyGPT forward computed here around those very blocks
(each called on its own, with a cache of this file), so a bug in the learner's block costs points
in transformer_block only while the model's wiring, positions, head and cache are judged in full;
generate is checked with a small model defined here (called back from the learner's code).
"""
from __future__ import annotations

import math

import numpy as np
import torch
import torch._dynamo  # noqa: F401  a meta tensor's ops (torch._refs) import it on first use (~3 s): preload it once
import torch.nn as nn
import torch.nn.functional as F

from grader.check import assert_close, assert_shape, check, expect, learner

ta = learner("transformer_architecture")

# captured before any ban swaps them for guards
_TORCH_RMSNORM = torch.nn.RMSNorm
_TORCH_LAYERNORM = torch.nn.LayerNorm
F64 = dict(rtol=1e-7, atol=1e-9)

BLOCK_KEYS = {
    "norm1.weight": lambda C, F_: (C,), "norm1.bias": lambda C, F_: (C,),
    "qkv.weight": lambda C, F_: (3 * C, C), "qkv.bias": lambda C, F_: (3 * C,),
    "out_proj.weight": lambda C, F_: (C, C), "out_proj.bias": lambda C, F_: (C,),
    "norm2.weight": lambda C, F_: (C,), "norm2.bias": lambda C, F_: (C,),
    "fc1.weight": lambda C, F_: (F_, C), "fc1.bias": lambda C, F_: (F_,),
    "fc2.weight": lambda C, F_: (C, F_), "fc2.bias": lambda C, F_: (C,),
}


def randomize(module: nn.Module, seed: int, scale: float = 0.3) -> None:
    """Overwrite every parameter with seeded noise (norm weights around 1)."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in module.named_parameters():
            noise = torch.randn(p.shape, generator=g, dtype=torch.float64) * scale
            if name.endswith("weight") and p.dim() == 1:
                noise = noise + 1.0
            p.copy_(noise.to(p.dtype))


# --- reference pieces --------------------------------------------------------------------------

def ref_block_forward(params: dict, x: torch.Tensor, n_heads: int) -> torch.Tensor:
    """Pre-norm block written head by head from a name -> tensor dict."""
    B, T, C = x.shape
    D = C // n_heads
    h = F.layer_norm(x, (C,), params["norm1.weight"], params["norm1.bias"], eps=1e-5)
    qkv = h @ params["qkv.weight"].T + params["qkv.bias"]
    heads = []
    causal = torch.tril(torch.ones(T, T, dtype=torch.bool))
    for i in range(n_heads):
        q = qkv[..., i * D:(i + 1) * D]
        k = qkv[..., C + i * D:C + (i + 1) * D]
        v = qkv[..., 2 * C + i * D:2 * C + (i + 1) * D]
        s = (q @ k.transpose(1, 2)) / math.sqrt(D)
        s = torch.where(causal, s, torch.tensor(-torch.inf, dtype=s.dtype))
        heads.append(torch.softmax(s, dim=-1) @ v)
    a = torch.cat(heads, dim=-1) @ params["out_proj.weight"].T + params["out_proj.bias"]
    x = x + a
    h = F.layer_norm(x, (C,), params["norm2.weight"], params["norm2.bias"], eps=1e-5)
    m = F.gelu(h @ params["fc1.weight"].T + params["fc1.bias"]) @ params["fc2.weight"].T + params["fc2.bias"]
    return x + m


class DictCache:
    """A cache with the pinned update() protocol, independent of the learner's KVCache."""

    def __init__(self):
        self.k, self.v = {}, {}

    @property
    def seq_len(self):
        return self.k[0].shape[2] if 0 in self.k else 0

    def update(self, layer, k, v):
        self.k[layer] = k if layer not in self.k else torch.cat([self.k[layer], k], dim=2)
        self.v[layer] = v if layer not in self.v else torch.cat([self.v[layer], v], dim=2)
        return self.k[layer], self.v[layer]


def ref_top_k(logits: np.ndarray, k: int) -> np.ndarray:
    out = logits.copy()
    V = logits.shape[-1]
    kth = np.sort(logits, axis=-1)[..., V - min(k, V)][..., None]
    out[logits < kth] = -np.inf
    return out


def ref_top_p(logits: np.ndarray, p: float) -> np.ndarray:
    out = logits.copy()
    for row in np.ndindex(*logits.shape[:-1]):
        z = logits[row]
        probs = np.exp(z - z.max())
        probs /= probs.sum()
        order = sorted(range(len(z)), key=lambda i: -z[i])  # stable: lower id first on ties
        total = 0.0
        for i in order:
            if total >= p:
                out[row][i] = -np.inf
            total += probs[i]
    return out


# --- rms_norm ----------------------------------------------------------------------------------

def _make(cls, *args):
    module = cls(*args)
    expect(isinstance(module, nn.Module), f"{cls.__name__} should subclass torch.nn.Module")
    return module


def _expect_on_meta(t, shape, dtype, name, hint):
    """t came back from inputs on the "meta" device (a shape, a dtype and a device, no values)."""
    expect(isinstance(t, torch.Tensor) and t.device.type == "meta",
           f"{name} should be on the input's device (here 'meta'), not on torch's default device: {hint}")
    expect(t.dtype == dtype, f"{name} on another device has the wrong dtype: it follows the input's dtype")
    assert_shape(t, shape, name=f"{name} on another device")


@check("rms_norm", points=2, pins=["no-mean", "input-unchanged"])
def test_rmsnorm_matches_torch():
    torch.manual_seed(0)
    norm = _make(ta.RMSNorm, 16, 1e-6).double()
    randomize(norm, 1)
    x = torch.randn(3, 5, 16, dtype=torch.float64) * 2 + 0.7     # non-zero mean on purpose
    x0 = x.clone()
    y = norm.forward(x)
    assert_shape(y, (3, 5, 16), name="RMSNorm output")
    expect(torch.equal(x, x0), "RMSNorm modified its input in place")
    want = F.rms_norm(x0, (16,), norm.weight.detach(), eps=1e-6)
    assert_close(y.detach(), want, **F64, name="RMSNorm output",
                 hint="divide by sqrt(mean(x**2) + eps) over the last axis, times weight; do not subtract the mean")


@check("rms_norm", points=2, pins=["eps-inside"])
def test_rmsnorm_eps_inside_sqrt():
    norm = _make(ta.RMSNorm, 12, 1e-3).double()
    x = torch.randn(4, 12, generator=torch.Generator().manual_seed(2), dtype=torch.float64) * 1e-2
    want = F.rms_norm(x, (12,), torch.ones(12, dtype=torch.float64), eps=1e-3)
    assert_close(norm.forward(x).detach(), want, **F64, name="RMSNorm of small inputs",
                 hint="eps belongs inside the square root: x / sqrt(mean(x**2) + eps), and use the eps you were given")


@check("rms_norm", points=1, pins=["one-weight", "zero-row", "dtype-follows"])
def test_rmsnorm_parameters_and_zero_row():
    norm = _make(ta.RMSNorm, 20)
    params = dict(norm.named_parameters())
    expect(set(params) == {"weight"}, f"RMSNorm should have exactly one parameter named `weight`, found {sorted(params)}")
    assert_close(params["weight"].detach(), torch.ones(20), name="initial weight", hint="initialise weight to ones")
    expect(not isinstance(norm, _TORCH_RMSNORM), "RMSNorm should be written yourself, not subclass torch.nn.RMSNorm")
    y = norm.forward(torch.zeros(2, 20))
    expect(torch.isfinite(y).all(), "RMSNorm of an all-zero row is not finite: eps keeps the denominator positive")
    expect(y.dtype == torch.float32, "RMSNorm should keep the input's dtype (float32 in, float32 out)")


@check("rms_norm", points=1, pins=["default-eps", "any-leading-axes", "float64-compute"])
def test_rmsnorm_huge_values_and_default_eps():
    norm = _make(ta.RMSNorm, 6).double()
    x = torch.tensor([[1000.0, -1000.0, 500.0, 3.0, -7.0, 1000.0]], dtype=torch.float64)
    want = F.rms_norm(x, (6,), torch.ones(6, dtype=torch.float64), eps=1e-6)
    assert_close(norm.forward(x).detach(), want, **F64, name="RMSNorm at |x| ~ 1000",
                 hint="check the default eps (1e-6) and that the result is scale-invariant")
    small = torch.tensor([1e-3, -2e-3, 0.0, 5e-4, 1e-3, -1e-3], dtype=torch.float64)   # 1-D: one row
    y = norm.forward(small)
    assert_shape(y, (6,), name="RMSNorm of a 1-D input", hint="normalise over the last axis, whatever the leading axes")
    assert_close(y.detach(), F.rms_norm(small, (6,), eps=1e-6), **F64, name="RMSNorm of a 1-D input of small values",
                 hint="the default eps is 1e-6, inside the square root")
    vast = x * 1e27                                                     # squares ~1e60: float64 only
    assert_close(norm.forward(vast).detach(), F.rms_norm(vast, (6,), eps=1e-6), **F64, name="RMSNorm at |x| ~ 1e30",
                 hint="normalise a float64 input in float64: in float32 these squares overflow")


# --- layer_norm --------------------------------------------------------------------------------

@check("layer_norm", points=2, pins=["biased-var", "input-unchanged"])
def test_layernorm_matches_torch():
    ln = _make(ta.LayerNorm, 20, 1e-5).double()
    randomize(ln, 3)
    x = torch.randn(4, 6, 20, generator=torch.Generator().manual_seed(4), dtype=torch.float64) * 3 + 1.5
    x0 = x.clone()
    y = ln.forward(x)
    assert_shape(y, (4, 6, 20), name="LayerNorm output")
    expect(torch.equal(x, x0), "LayerNorm modified its input in place")
    want = F.layer_norm(x0, (20,), ln.weight.detach(), ln.bias.detach(), eps=1e-5)
    assert_close(y.detach(), want, **F64, name="LayerNorm output",
                 hint="normalise over the last axis with the biased variance (divide by C, not C - 1)")


@check("layer_norm", points=2, pins=["eps-inside"])
def test_layernorm_eps_inside_sqrt():
    ln = _make(ta.LayerNorm, 10, 1e-2).double()
    x = torch.randn(5, 10, generator=torch.Generator().manual_seed(5), dtype=torch.float64) * 0.05
    want = F.layer_norm(x, (10,), eps=1e-2)
    assert_close(ln.forward(x).detach(), want, **F64, name="LayerNorm of low-variance inputs",
                 hint="eps goes inside the square root: (x - mean) / sqrt(var + eps)")


@check("layer_norm", points=1, pins=["weight-bias", "constant-row", "dtype-follows"])
def test_layernorm_parameters_and_constant_row():
    ln = _make(ta.LayerNorm, 14)
    params = dict(ln.named_parameters())
    expect(set(params) == {"weight", "bias"},
           f"LayerNorm should have parameters `weight` and `bias`, found {sorted(params)}")
    assert_close(params["weight"].detach(), torch.ones(14), name="initial weight", hint="initialise weight to ones")
    assert_close(params["bias"].detach(), torch.zeros(14), name="initial bias", hint="initialise bias to zeros")
    expect(not isinstance(ln, _TORCH_LAYERNORM), "LayerNorm should be written yourself, not subclass torch.nn.LayerNorm")
    with torch.no_grad():
        ln.bias.copy_(torch.arange(14.0))
    y = ln.forward(torch.full((3, 14), 7.0))
    expect(y.dtype == torch.float32, "LayerNorm should keep the input's dtype (float32 in, float32 out)")
    assert_close(y.detach(), torch.arange(14.0).expand(3, 14), rtol=1e-5, atol=1e-5,
                 name="LayerNorm of a constant row", hint="a constant row has zero variance: the output is the bias")


@check("layer_norm", points=1, pins=["two-pass-var", "default-eps", "any-leading-axes", "float64-compute"])
def test_layernorm_stable_far_from_zero():
    ln = _make(ta.LayerNorm, 16).double()
    x = torch.randn(3, 16, generator=torch.Generator().manual_seed(6), dtype=torch.float64) + 1e6
    want = F.layer_norm(x, (16,), eps=1e-5)
    assert_close(ln.forward(x).detach(), want, rtol=1e-6, atol=1e-6, name="LayerNorm of inputs around 1e6",
                 hint="compute var as mean((x - mean)**2); E[x**2] - E[x]**2 cancels catastrophically")
    row = torch.randn(16, generator=torch.Generator().manual_seed(61), dtype=torch.float64) * 3e-3   # 1-D: one row
    y = ln.forward(row)
    assert_shape(y, (16,), name="LayerNorm of a 1-D input", hint="normalise over the last axis, whatever the leading axes")
    assert_close(y.detach(), F.layer_norm(row, (16,), eps=1e-5), **F64, name="LayerNorm of a 1-D low-variance input",
                 hint="the default eps is 1e-5, inside the square root")
    vast = row * 1e28                                                    # deviations ~1e25: float64 only
    assert_close(ln.forward(vast).detach(), F.layer_norm(vast, (16,), eps=1e-5), **F64, name="LayerNorm at |x| ~ 1e25",
                 hint="normalise a float64 input in float64: in float32 these squares overflow")


# --- rope --------------------------------------------------------------------------------------

def ref_rope(x: np.ndarray, positions: np.ndarray, base: float) -> np.ndarray:
    """Closed form: pair (i, i + D/2) rotated by positions * base ** (-2 i / D)."""
    D = x.shape[-1]
    half = D // 2
    out = np.empty_like(x)
    for i in range(half):
        theta = positions * base ** (-2.0 * i / D)      # (T,)
        c, s = np.cos(theta), np.sin(theta)
        a, b = x[..., i], x[..., i + half]
        out[..., i] = a * c - b * s
        out[..., i + half] = a * s + b * c
    return out


@check("rope", points=2, pins=["half-split", "frequencies", "input-unchanged"])
def test_rope_closed_form():
    g = torch.Generator().manual_seed(7)
    x = torch.randn(2, 3, 5, 12, generator=g, dtype=torch.float64)
    pos = torch.tensor([0, 3, 10, 11, 40])
    x0 = x.clone()
    y = ta.rope(x, pos)
    assert_shape(y, (2, 3, 5, 12), name="rope output")
    expect(torch.equal(x, x0), "rope modified its input in place")
    assert_close(y, ref_rope(x0.numpy(), pos.numpy().astype(float), 10000.0), **F64, name="rope output",
                 hint="pair feature i with i + D/2 (rotate_half), angle = position * base ** (-2i / D)")


@check("rope", points=1, pins=["frequencies", "float32-result", "integer-positions"])
def test_rope_custom_base_and_float32():
    x = torch.randn(1, 2, 4, 8, generator=torch.Generator().manual_seed(8))
    for pos in (torch.tensor([5, 1, 2, 9]), torch.tensor([5, 1, 2, 9], dtype=torch.int32)):
        y = ta.rope(x, pos, base=500.0)
        expect(y.dtype == torch.float32, f"rope should keep the input dtype (float32 in, float32 out; positions {pos.dtype})")
        # float32 or float64 arithmetic inside are both accepted: positions < 10 keep the angle error ~1e-6
        assert_close(y, ref_rope(x.double().numpy(), pos.numpy().astype(float), 500.0), rtol=1e-5, atol=1e-5,
                     name="rope with base=500", hint="use the base argument in the frequencies")


@check("rope", points=2, pins=["float64-compute", "integer-positions"])
def test_rope_float64_at_large_positions():
    """Frequencies and angles in float64 for a float64 x: float32 ones are off by ~1e-4 rad at 1e3."""
    x = torch.randn(2, 1, 5, 16, generator=torch.Generator().manual_seed(81), dtype=torch.float64)
    for dtype in (torch.int64, torch.int32):
        pos = torch.tensor([1000, 2047, 4093, 12345, 30001], dtype=dtype)
        y = ta.rope(x, pos, base=10000.0 if dtype == torch.int64 else 2500.0)
        expect(y.dtype == torch.float64, f"rope of a float64 x with {dtype} positions should be float64: "
                                         "convert the positions to x's dtype, never build from their dtype")
        want = ref_rope(x.numpy(), pos.numpy().astype(np.float64), 10000.0 if dtype == torch.int64 else 2500.0)
        assert_close(y, want, **F64, name=f"rope at positions up to 30001 ({dtype} positions)",
                     hint="compute inv_freq and the angles in x's dtype (float64 here), not float32")


@check("rope", points=2, pins=["relative"])
def test_rope_scores_depend_only_on_offset():
    g = torch.Generator().manual_seed(9)
    q = torch.randn(1, 1, 1, 16, generator=g, dtype=torch.float64)
    k = torch.randn(1, 1, 1, 16, generator=g, dtype=torch.float64)
    dots = {}
    for m, n in [(3, 1), (12, 10), (50, 48), (7, 7), (30, 30)]:
        qm = ta.rope(q, torch.tensor([m]))
        kn = ta.rope(k, torch.tensor([n]))
        dots[(m, n)] = float((qm * kn).sum())
    base2 = dots[(3, 1)]
    expect(all(abs(dots[key] - base2) < 1e-9 for key in [(12, 10), (50, 48)]),
           "rope(q, m) . rope(k, n) should depend only on m - n: rotate each pair by the same angle")
    expect(abs(dots[(7, 7)] - float((q * k).sum())) < 1e-9 and abs(dots[(30, 30)] - dots[(7, 7)]) < 1e-9,
           "at equal positions the rotated dot product should equal the plain dot product")
    x = torch.randn(2, 1, 6, 10, generator=g, dtype=torch.float64)
    y = ta.rope(x, torch.arange(6) * 7)
    assert_close(y.norm(dim=-1), x.norm(dim=-1), **F64, name="norms after rope",
                 hint="a rotation keeps the length of every vector")


@check("rope", points=1, pins=["frequencies"])
def test_rope_position_zero_is_identity():
    x = torch.randn(3, 2, 1, 6, generator=torch.Generator().manual_seed(10), dtype=torch.float64)
    assert_close(ta.rope(x, torch.tensor([0])), x, **F64, name="rope at position 0",
                 hint="angle 0 means no rotation")


@check("rope", points=1, pins=["on-input-device"])
def test_rope_on_the_inputs_device():
    # "meta" tensors have a shape, a dtype and a device, no values: every tensor built must be there
    x = torch.empty(2, 3, 5, 8, dtype=torch.float64, device="meta")
    y = ta.rope(x, torch.empty(5, dtype=torch.long, device="meta"))
    _expect_on_meta(y, (2, 3, 5, 8), torch.float64, "rope's result", "make the frequencies with device=x.device")


# --- transformer_block ---------------------------------------------------------------------------

def _block(C=24, H=4, FF=40, seed=11):
    block = _make(ta.TransformerBlock, C, H, FF)
    shapes = {k: tuple(v.shape) for k, v in block.state_dict().items()}
    want = {k: f(C, FF) for k, f in BLOCK_KEYS.items()}
    expect(set(shapes) == set(want),
           f"TransformerBlock parameter names should be {sorted(want)}, found {sorted(shapes)}: keep the pinned submodule names")
    bad = [k for k in want if shapes[k] != want[k]]
    expect(not bad, f"TransformerBlock parameters with unexpected shapes: {bad} (nn.Linear(in, out) stores weight as (out, in))")
    block = block.double()
    randomize(block, seed)
    return block


@check("transformer_block", points=3, pins=["pre-norm", "pinned-names", "scale", "gelu-erf", "new-output"])
def test_block_matches_reference():
    block = _block()
    x = torch.randn(2, 7, 24, generator=torch.Generator().manual_seed(12), dtype=torch.float64)
    x0 = x.clone()
    y = block.forward(x)
    assert_shape(y, (2, 7, 24), name="block output")
    expect(torch.equal(x, x0), "the block modified its input in place: write x = x + ..., never x += ... on the caller's x")
    params = {k: v.detach() for k, v in block.state_dict().items()}
    assert_close(y.detach(), ref_block_forward(params, x0, 4), **F64, name="block output",
                 hint="pre-norm: x + attn(norm1(x)), then x + fc2(gelu(fc1(norm2(x)))); causal mask; scale 1/sqrt(D)")


@check("transformer_block", points=2, pins=["head-slices"])
def test_block_other_shapes():
    block = _block(C=20, H=5, FF=36, seed=13)
    params = {k: v.detach() for k, v in block.state_dict().items()}
    for T in (1, 9):
        x = torch.randn(3, T, 20, generator=torch.Generator().manual_seed(14 + T), dtype=torch.float64)
        assert_close(block(x.clone()).detach(), ref_block_forward(params, x, 5), **F64, name=f"block output (T={T}, 5 heads)",
                     hint="head h uses features h*D:(h+1)*D of q, k and v")
    block1 = _block(C=12, H=1, FF=16, seed=15)
    params1 = {k: v.detach() for k, v in block1.state_dict().items()}
    x = torch.randn(2, 5, 12, generator=torch.Generator().manual_seed(16), dtype=torch.float64)
    assert_close(block1(x.clone()).detach(), ref_block_forward(params1, x, 1), **F64, name="block output (1 head)")


@check("transformer_block", points=2, pins=["causal"])
def test_block_is_causal():
    block = _block(seed=17)
    g = torch.Generator().manual_seed(18)
    x = torch.randn(2, 8, 24, generator=g, dtype=torch.float64)
    x2 = x.clone()
    x2[:, 5:] += torch.randn(2, 3, 24, generator=g, dtype=torch.float64)
    y, y2 = block.forward(x.clone()).detach(), block.forward(x2.clone()).detach()
    expect(torch.allclose(y[:, :5], y2[:, :5], rtol=1e-9, atol=1e-10),
           "changing tokens 5.. changed the outputs at positions 0..4: mask the future (key j > query t) with -inf")
    expect(not torch.allclose(y[:, 5:], y2[:, 5:]), "outputs did not react to their own inputs")


@check("transformer_block", points=2, pins=["cache-protocol"])
def test_block_with_cache_matches_full_pass():
    block = _block(seed=19)
    x = torch.randn(2, 9, 24, generator=torch.Generator().manual_seed(20), dtype=torch.float64)
    full = block.forward(x.clone()).detach()
    cache, parts, start = DictCache(), [], 0
    for size in (3, 1, 4, 1):
        parts.append(block.forward(x[:, start:start + size].clone(), cache=cache, layer=2).detach())
        start += size
    expect(set(cache.k) == {2}, "the block should store its keys with cache.update(layer, k, v) for the layer it is given")
    cache = DictCache()
    block.forward(x[:, :2], cache=cache)
    expect(set(cache.k) == {0}, "with a cache and no layer argument the block should use layer 0 (the default)")
    assert_close(torch.cat(parts, dim=1), full, **F64, name="chunked output with a cache",
                 hint="k, v = cache.update(layer, k, v); with S cached positions, query t may see keys 0..S+t")


@check("transformer_block", points=1, pins=["dtype-follows", "all-bias"])
def test_block_float32_keeps_dtype():
    block = _make(ta.TransformerBlock, 20, 4, 28)            # float32, as built
    biases = [name for name, _ in block.named_parameters() if name.endswith("bias")]
    expect(len(biases) == 6, "every Linear and LayerNorm of the block has a bias (norm1, qkv, out_proj, norm2, fc1, fc2)")
    randomize(block, 51)
    x = torch.randn(2, 6, 20, generator=torch.Generator().manual_seed(52))
    y = block.forward(x.clone())
    expect(y.dtype == torch.float32, "a float32 block fed float32 should return float32: build the mask as a boolean "
                                     "(or in x's dtype), never a float64 tensor that promotes the scores")
    params = {k: v.detach().double() for k, v in block.state_dict().items()}
    assert_close(y.detach().double(), ref_block_forward(params, x.double(), 4), rtol=1e-4, atol=1e-5,
                 name="float32 block output")


@check("transformer_block", points=1, pins=["on-input-device"])
def test_block_on_the_inputs_device():
    block = _make(ta.TransformerBlock, 20, 4, 28).double().to("meta")    # shapes only, no values
    y = block(torch.empty(2, 6, 20, dtype=torch.float64, device="meta"))
    _expect_on_meta(y, (2, 6, 20), torch.float64, "the block's output", "build the causal mask with device=x.device")


# --- tiny_gpt ------------------------------------------------------------------------------------

V, BLOCK, C, H, L = 37, 12, 24, 4, 2


def _gpt(seed: int, vocab=V, block_size=BLOCK, d=C, heads=H, layers=L):
    """The learner's TinyGPT with its own blocks, in float64, every parameter seeded noise."""
    model = _make(ta.TinyGPT, vocab, block_size, d, heads, layers)
    for name in ("wte", "wpe", "ln_f", "lm_head", "blocks"):
        expect(hasattr(model, name), f"TinyGPT has no `{name}`: keep the pinned names wte, wpe, blocks, ln_f, lm_head")
    expect(isinstance(model.blocks, nn.ModuleList) and len(model.blocks) == layers,
           "TinyGPT.blocks should be an nn.ModuleList of n_layers blocks")
    model = model.double()
    randomize(model, seed)
    return model


def ref_gpt(model, idx: torch.Tensor, cache=None, start: int = 0, blocks=None) -> torch.Tensor:
    """The pinned TinyGPT forward written here around the learner's own blocks, called one by one.

    ``cache`` is this file's DictCache (the blocks call its update()); ``start`` = positions
    already in it; ``blocks`` defaults to ``model.blocks``. Whatever the blocks compute, the
    model must compute exactly this around them.
    """
    T = idx.shape[1]
    x = model.wte.weight[idx] + model.wpe.weight[start:start + T]        # (B, T, C)
    for i, block in enumerate(model.blocks if blocks is None else blocks):
        x = block(x, cache=cache, layer=i)
    x = F.layer_norm(x, (x.shape[-1],), model.ln_f.weight, model.ln_f.bias, eps=1e-5)
    return x @ model.wte.weight.T                                          # tied head, (B, T, V)


def ref_gpt_chunks(model, idx: torch.Tensor, sizes) -> torch.Tensor:
    """ref_gpt fed ``idx`` in chunks of ``sizes`` through one DictCache (positions continue)."""
    cache, parts, start = DictCache(), [], 0
    for size in sizes:
        parts.append(ref_gpt(model, idx[:, start:start + size], cache=cache, start=start))
        start += size
    return torch.cat(parts, 1)


def _positionwise_blocks(model, d: int) -> None:
    """Zero the value rows of every block's qkv (output [q | k | v], pinned): attention then only
    adds out_proj.bias, so each block (its mask right or wrong) treats every position on its own."""
    with torch.no_grad():
        for block in model.blocks:
            block.qkv.weight[2 * d:].zero_()
            block.qkv.bias[2 * d:].zero_()


@check("tiny_gpt", points=2, pins=["tied-head", "learned-positions"])
def test_gpt_head_is_tied():
    model = _make(ta.TinyGPT, V, BLOCK, C, H, L)
    expect(hasattr(model, "lm_head") and hasattr(model, "wte"), "TinyGPT needs `wte` and `lm_head`")
    expect(model.lm_head.weight is model.wte.weight
           or model.lm_head.weight.data_ptr() == model.wte.weight.data_ptr(),
           "lm_head.weight should be the same tensor as wte.weight (weight tying: self.lm_head.weight = self.wte.weight)")
    expect(getattr(model.lm_head, "bias", None) is None, "lm_head should have no bias")
    assert_shape(model.wpe.weight, (BLOCK, C), name="wpe.weight", hint="one learned vector per position up to block_size")


@check("tiny_gpt", points=3, pins=["pinned-forward", "idx-unchanged"])
def test_gpt_logits_match_reference():
    model = _gpt(21)
    idx = torch.randint(0, V, (3, 9), generator=torch.Generator().manual_seed(22))
    idx0 = idx.clone()
    logits = model.forward(idx)
    assert_shape(logits, (3, 9, V), name="logits", hint="(B, T, vocab_size)")
    with torch.no_grad():
        want = ref_gpt(model, idx)
        without_blocks = ref_gpt(model, idx, blocks=[])   # if that is the same, the blocks did nothing
    expect(not torch.allclose(want, without_blocks),
           "your TransformerBlock returns its input unchanged, so the checks cannot tell whether TinyGPT runs "
           "its blocks: finish transformer_block first")
    assert_close(logits.detach(), want, **F64, name="logits",
                 hint="wte(idx) + wpe(arange(T)), then x = block(x, cache=cache, layer=i) for each block in order, "
                      "ln_f, then the tied head")
    expect(torch.equal(idx, idx0), "TinyGPT modified idx")


@check("tiny_gpt", points=2, pins=["pinned-forward"])
def test_gpt_full_block_and_single_token():
    model = _gpt(23, vocab=29, block_size=6, d=20, heads=5, layers=3)
    for shape in [(2, 6), (1, 1)]:
        idx = torch.randint(0, 29, shape, generator=torch.Generator().manual_seed(24))
        with torch.no_grad():
            assert_close(model.forward(idx), ref_gpt(model, idx), **F64, name=f"logits for idx of shape {shape}")


@check("tiny_gpt", points=2, pins=["no-mixing", "tied-head"])
def test_gpt_is_causal_and_head_gets_gradient():
    model = _gpt(25)
    _positionwise_blocks(model, C)      # now only code outside the blocks could mix positions
    g = torch.Generator().manual_seed(26)
    idx = torch.randint(0, V, (2, 10), generator=g)
    idx2 = idx.clone()
    idx2[:, 6:] = (idx2[:, 6:] + 1) % V
    idx3 = idx.clone()
    idx3[:, :4] = (idx3[:, :4] + 2) % V
    with torch.no_grad():
        a, b, c = model.forward(idx), model.forward(idx2), model.forward(idx3)
    expect(torch.allclose(a[:, :6], b[:, :6], rtol=1e-9, atol=1e-10),
           "logits at positions 0..5 changed when only tokens 6.. changed: nothing outside the blocks may mix positions")
    expect(torch.allclose(a[:, 4:], c[:, 4:], rtol=1e-9, atol=1e-10),
           "with blocks that treat every position on its own, changing tokens 0..3 changed the logits at positions "
           "4..: nothing outside the blocks may mix positions")
    expect(not torch.allclose(a[:, 6:], b[:, 6:]), "the logits did not react to the tokens at their own positions")
    model.zero_grad()
    used = set(idx.flatten().tolist())
    unused = [t for t in range(V) if t not in used]
    model(idx)[:, -1].sum().backward()
    grad = model.wte.weight.grad
    expect(grad is not None and grad[unused].abs().sum() > 0,
           "rows of wte for tokens absent from idx got no gradient: the head must reuse wte.weight (tying)")


def _block_param_count(d: int, d_ff: int) -> int:
    return sum(math.prod(f(d, d_ff)) for f in BLOCK_KEYS.values())


@check("tiny_gpt", points=2, pins=["own-blocks", "parameter-count"])
def test_gpt_builds_its_own_blocks_to_size():
    vocab, block_size, d, heads, layers = 29, 7, 20, 5, 3
    model = _make(ta.TinyGPT, vocab, block_size, d, heads, layers)
    expect(isinstance(model.blocks, nn.ModuleList) and len(model.blocks) == layers,
           "TinyGPT.blocks should be an nn.ModuleList of n_layers blocks")
    want = {k: f(d, 4 * d) for k, f in BLOCK_KEYS.items()}
    for i, block in enumerate(model.blocks):
        shapes = {k: tuple(v.shape) for k, v in block.state_dict().items()}
        expect(shapes == want, f"blocks[{i}] does not have the parameters of TransformerBlock(d_model, n_heads, "
                               "4 * d_model): check d_ff = 4 * d_model and the pinned names")
    unique = {id(p): p.numel() for p in model.parameters()}
    expected = vocab * d + block_size * d + layers * _block_param_count(d, 4 * d) + 2 * d
    expect(sum(unique.values()) == expected,
           "TinyGPT should have exactly the parameters of wte, wpe, the blocks and ln_f (the tied head adds none)")
    model = model.double()
    randomize(model, 54)
    x = torch.randn(2, 6, d, generator=torch.Generator().manual_seed(55), dtype=torch.float64)
    for i, block in enumerate(model.blocks):
        twin = _make(ta.TransformerBlock, d, heads, 4 * d).double()
        twin.load_state_dict({k: v.detach().clone() for k, v in block.state_dict().items()})
        with torch.no_grad():
            assert_close(block(x.clone()), twin(x.clone()), **F64, name=f"blocks[{i}] output",
                         hint="build each block as TransformerBlock(d_model, n_heads, 4 * d_model), with the n_heads "
                              "TinyGPT was given")


@check("tiny_gpt", points=1, pins=["on-input-device"])
def test_gpt_on_the_inputs_device():
    # no blocks (n_layers = 0), so that only TinyGPT's own tensors are judged here
    model = _make(ta.TinyGPT, 23, 9, 12, 3, 0).double().to("meta")
    seen = []   # an embedding on meta looks up CPU indices without complaint (a GPU one raises): watch them
    model.wpe.register_forward_pre_hook(lambda module, args: seen.extend(a.device.type for a in args))
    logits = model(torch.empty(2, 7, dtype=torch.long, device="meta"))
    hint = "make the position ids with device=idx.device"
    expect(all(d == "meta" for d in seen), f"the positions looked up in wpe should be on idx's device (here 'meta'): {hint}")
    _expect_on_meta(logits, (2, 7, 23), torch.float64, "the logits", hint)


# --- kv_cache ------------------------------------------------------------------------------------

@check("kv_cache", points=2, pins=["append-dim2", "seq-len-layer0"])
def test_kvcache_update_concatenates_per_layer():
    cache = ta.KVCache()
    expect(cache.seq_len == 0, "an empty KVCache should have seq_len 0")
    g = torch.Generator().manual_seed(27)
    k1, v1 = torch.randn(2, 3, 4, 5, generator=g), torch.randn(2, 3, 4, 5, generator=g)
    k2, v2 = torch.randn(2, 3, 1, 5, generator=g), torch.randn(2, 3, 1, 5, generator=g)
    kk, vv = cache.update(0, k1, v1)
    assert_close(kk, k1, name="keys after the first update")
    assert_close(vv, v1, name="values after the first update")
    cache.update(1, k1 * 2, v1 * 2)
    expect(cache.seq_len == 4, "seq_len should count the positions stored in layer 0")
    kk, vv = cache.update(0, k2, v2)
    assert_shape(kk, (2, 3, 5, 5), name="keys after a second update", hint="concatenate along the time axis (dim 2)")
    assert_close(kk, torch.cat([k1, k2], 2), name="keys after a second update", hint="old keys first, then new")
    assert_close(vv, torch.cat([v1, v2], 2), name="values after a second update")
    expect(cache.seq_len == 5, "seq_len should grow by the number of new positions")
    kk, _ = cache.update(1, k2, v2)
    assert_close(kk, torch.cat([k1 * 2, k2], 2), name="layer 1 keys", hint="each layer has its own keys and values")


@check("kv_cache", points=2, pins=["any-layer-order", "seq-len-layer0"])
def test_kvcache_layers_first_seen_in_any_order():
    g = torch.Generator().manual_seed(56)
    ks = {layer: torch.randn(1, 2, 3, 4, generator=g, dtype=torch.float64) for layer in (2, 0, 1)}
    new = torch.randn(1, 2, 2, 4, generator=g, dtype=torch.float64)
    cache = ta.KVCache()
    kk, vv = cache.update(2, ks[2], -ks[2])
    assert_close(kk, ks[2], **F64, name="keys after a first update of layer 2",
                 hint="a fresh cache must accept any layer first: keep a dict keyed by layer")
    expect(cache.seq_len == 0, "seq_len counts the positions of layer 0, which nothing has stored yet")
    cache.update(0, ks[0], -ks[0])
    expect(cache.seq_len == 3, "seq_len should count the positions stored in layer 0")
    cache.update(1, ks[1], -ks[1])
    for layer in (1, 2, 0):
        kk, vv = cache.update(layer, new + layer, -new - layer)
        assert_close(kk, torch.cat([ks[layer], new + layer], 2), **F64, name=f"layer {layer} keys",
                     hint="each layer keeps its own keys, whatever order the layers were first seen in")
        assert_close(vv, torch.cat([-ks[layer], -new - layer], 2), **F64, name=f"layer {layer} values")
    expect(cache.seq_len == 5, "seq_len should grow with layer 0's positions")


@check("kv_cache", points=3, pins=["positions-continue"])
def test_cached_forward_matches_full_forward():
    model = _gpt(28)
    idx = torch.randint(0, V, (2, 11), generator=torch.Generator().manual_seed(29))
    with torch.no_grad():
        cache = ta.KVCache()
        parts = [model.forward(idx[:, :5], cache=cache)]
        for t in range(5, 11):
            parts.append(model.forward(idx[:, t:t + 1], cache=cache))
        want = ref_gpt_chunks(model, idx, (5, 1, 1, 1, 1, 1, 1))
    expect(cache.seq_len == 11, "after feeding 11 tokens the cache should hold 11 positions")
    assert_close(torch.cat(parts, 1), want, **F64, name="logits with a cache (prefill 5, then one at a time)",
                 hint="with a cache, positions start at cache.seq_len (read it before the blocks update it); "
                      "call block(x, cache=cache, layer=i); update() appends along dim 2 and returns all keys/values")


@check("kv_cache", points=2, pins=["positions-continue"])
def test_cached_forward_uneven_chunks():
    model = _gpt(30, vocab=31, block_size=10, d=16, heads=2, layers=3)
    idx = torch.randint(0, 31, (3, 10), generator=torch.Generator().manual_seed(31))
    with torch.no_grad():
        cache, parts, start = ta.KVCache(), [], 0
        for size in (1, 4, 2, 3):
            parts.append(model.forward(idx[:, start:start + size], cache=cache))
            start += size
        want = ref_gpt_chunks(model, idx, (1, 4, 2, 3))
    expect(cache.seq_len == 10, "after feeding 10 tokens the cache should hold 10 positions")
    assert_close(torch.cat(parts, 1), want, **F64, name="logits fed in chunks 1, 4, 2, 3",
                 hint="each chunk's positions continue at cache.seq_len; every layer keeps its own keys and values")


@check("kv_cache", points=2, pins=["positions-continue"])
def test_greedy_decoding_with_cache_matches_recomputation():
    model = _gpt(32)
    prompt = torch.randint(0, V, (2, 3), generator=torch.Generator().manual_seed(33))
    with torch.no_grad():
        # the reference decodes with this file's cache around the learner's blocks; with a correct
        # block that is the same as recomputing the whole sequence each step (transformer_block checks it)
        want, ref_cache = prompt, DictCache()
        logits = ref_gpt(model, prompt, cache=ref_cache)[:, -1]
        for _ in range(8):
            nxt = logits.argmax(-1, keepdim=True)
            logits = ref_gpt(model, nxt, cache=ref_cache, start=want.shape[1])[:, -1]
            want = torch.cat([want, nxt], 1)
        cache = ta.KVCache()
        fast = prompt
        logits = model.forward(prompt, cache=cache)[:, -1]
        for _ in range(8):
            nxt = logits.argmax(-1, keepdim=True)
            fast = torch.cat([fast, nxt], 1)
            logits = model.forward(nxt, cache=cache)[:, -1]
    expect(torch.equal(fast, want), "greedy decoding with the KV cache chose different tokens than the reference "
                                    "decoding: check the position offset and that keys are appended")


# --- sampling ------------------------------------------------------------------------------------

@check("sampling", points=2, pins=["top-k-ge-kth", "k-covers-vocab", "new-filtered"])
def test_top_k_filter():
    g = torch.Generator().manual_seed(34)
    logits = torch.randn(3, 5, 29, generator=g, dtype=torch.float64)
    logits0 = logits.clone()
    for k in (1, 6, 29, 100):
        out = ta.top_k_filter(logits, k)
        assert_shape(out, (3, 5, 29), name=f"top_k_filter(k={k})")
        want = ref_top_k(logits.numpy(), k)
        got = out.numpy()
        expect(np.array_equal(np.isneginf(got), np.isneginf(want)),
               f"top_k_filter(k={k}) kept the wrong tokens: keep the k largest of the last axis; k >= vocab keeps all")
        assert_close(np.where(np.isneginf(want), 0, got), np.where(np.isneginf(want), 0, want), **F64,
                     name=f"kept logits (k={k})", hint="leave kept logits unchanged")
        expect(out is not logits and out.data_ptr() != logits.data_ptr(),
               f"top_k_filter(k={k}) returned the caller's logits tensor: return a new tensor even when nothing is removed")
    expect(torch.equal(logits, logits0), "top_k_filter modified its input in place")


@check("sampling", points=1, pins=["top-k-ties", "dtype-follows"])
def test_top_k_keeps_ties():
    logits = torch.tensor([[1.0, 3.0, 2.0, 3.0, 2.0, 0.5], [2.0, 5.0, 0.0, 5.0, 5.0, 1.0]])
    out = ta.top_k_filter(logits, 3)
    expect(out.dtype == torch.float32, "top_k_filter should keep the dtype of logits (float32 in, float32 out)")
    expect(torch.equal(torch.isinf(out), torch.tensor([[True, False, False, False, False, True],
                                                       [True, False, True, False, False, True]])),
           "ties with the k-th largest logit should all be kept (keep logits >= the k-th value)")
    out = ta.top_k_filter(logits, 1)
    expect(torch.equal(torch.isinf(out), torch.tensor([[True, False, True, False, True, True],
                                                       [True, False, True, False, False, True]])),
           "top_k_filter(k=1) should keep every logit equal to the row's maximum")


@check("sampling", points=2, pins=["top-p-prefix", "new-filtered"])
def test_top_p_filter():
    g = torch.Generator().manual_seed(35)
    logits = torch.randn(4, 23, generator=g, dtype=torch.float64) * 2
    logits0 = logits.clone()
    for p in (0.3, 0.75, 0.95):
        out = ta.top_p_filter(logits, p)
        assert_shape(out, (4, 23), name=f"top_p_filter(p={p})")
        want = ref_top_p(logits.numpy(), p)
        expect(np.array_equal(np.isneginf(out.numpy()), np.isneginf(want)),
               f"top_p_filter(p={p}) kept the wrong tokens: keep the most probable tokens until their total "
               "reaches p, including the token that crosses p")
        kept = ~np.isneginf(want)
        assert_close(out.numpy()[kept], logits.numpy()[kept], **F64, name="kept logits", hint="leave kept logits unchanged")
        expect(out is not logits and out.data_ptr() != logits.data_ptr(),
               f"top_p_filter(p={p}) returned the caller's logits tensor: return a new tensor")
    expect(torch.equal(logits, logits0), "top_p_filter modified its input in place")


@check("sampling", points=2, pins=["top-p-crossing-kept", "top-p-after-top-k"])
def test_top_p_keeps_crossing_token_and_at_least_one():
    logits = torch.log(torch.tensor([[0.2, 0.5, 0.3], [0.6, 0.25, 0.15]], dtype=torch.float64))
    out = ta.top_p_filter(logits, 0.6)
    expect(torch.equal(torch.isinf(out), torch.tensor([[True, False, False], [False, True, True]])),
           "with probabilities (0.5, 0.3, 0.2) and p = 0.6 keep 0.5 and the crossing 0.3; with 0.6 first keep it alone")
    one = ta.top_p_filter(torch.randn(3, 17, generator=torch.Generator().manual_seed(36)), 1e-9)
    expect(torch.equal((~torch.isinf(one)).sum(-1), torch.ones(3, dtype=torch.long)),
           "a tiny p should keep exactly the most probable token (never remove every token)")
    masked = torch.tensor([[2.0, -torch.inf, 1.0, -torch.inf, 0.0]])
    out = ta.top_p_filter(masked, 0.9)
    expect(torch.isfinite(out[0, [0, 2]]).all() and torch.isinf(out[0, [1, 3]]).all(),
           "top_p_filter after top_k (-inf entries) should keep working")


@check("sampling", points=2, pins=["top-p-tie-order", "top-p-exact", "top-p-one", "dtype-follows"])
def test_top_p_exact_ties():
    """Equal logits give exactly equal probabilities (1/4, 1/8, 1/16): the cut falls inside a tie group
    (48 logits: long enough for an unstable sort to reorder ties)."""
    inf = float("-inf")
    four = torch.tensor([[0.0, inf, 0.0, 0.0, inf, 0.0]])                      # four tokens of 1/4
    eight = torch.zeros(1, 8, dtype=torch.float64)                            # eight tokens of 1/8
    sparse = torch.full((1, 48), inf)
    sparse[0, ::3] = 0.0                                                      # sixteen tokens of 1/16, spread out
    cases = [(four, 0.5, [0, 2]), (four, 0.75, [0, 2, 3]), (four, 0.3, [0, 2]), (four, 1.0, [0, 2, 3, 5]),
             (eight, 0.375, [0, 1, 2]), (eight, 0.4, [0, 1, 2, 3]), (eight, 0.125, [0]), (sparse, 0.25, [0, 3, 6, 9])]
    for logits, p, keep in cases:
        out = ta.top_p_filter(logits, p)
        expect(out.dtype == logits.dtype, "top_p_filter should keep the dtype of logits")
        kept = torch.nonzero(~torch.isinf(out[0])).flatten().tolist()
        expect(kept == keep, f"top_p_filter(p={p}) on {logits.shape[-1]} logits with equal values kept the wrong "
                             "tokens: equal logits sort lower id first, and a token is kept only while the "
                             "probability before it is < p")


class CheckLM(nn.Module):
    """logits_t = A[x_t] + Bm[x_{t-1}] + c[t]: depends on the previous token and the position.

    With a cache object it remembers what it has seen (keyed by the object), like a real model."""

    def __init__(self, vocab: int, seed: int):
        super().__init__()
        g = torch.Generator().manual_seed(seed)
        self.A = torch.randn(vocab, vocab, generator=g, dtype=torch.float64) * 1.5
        self.Bm = torch.randn(vocab, vocab, generator=g, dtype=torch.float64)
        self.c = torch.randn(64, vocab, generator=g, dtype=torch.float64) * 0.5
        self.seen: dict[int, tuple[object, torch.Tensor]] = {}

    def full(self, idx):
        T = idx.shape[1]
        prev = torch.cat([torch.zeros_like(idx[:, :1]), idx[:, :-1]], 1)
        return self.A[idx] + self.Bm[prev] + self.c[:T]

    def forward(self, idx, cache=None):
        if cache is None:
            return self.full(idx)
        past = self.seen.get(id(cache), (cache, idx[:, :0]))[1]
        hist = torch.cat([past, idx], 1)
        expect(hist.shape[1] <= self.c.shape[0], "the model was fed far more positions than generate produced: "
               "with a cache, feed the prompt once and then only the newest token")
        self.seen[id(cache)] = (cache, hist)
        return self.full(hist)[:, -idx.shape[1]:]


class RecordingLM(CheckLM):
    """CheckLM that records how it is called: (idx, whether a cache was given, which cache)."""

    def __init__(self, vocab: int, seed: int):
        super().__init__(vocab, seed)
        self.calls: list[tuple[torch.Tensor, bool, int]] = []

    def forward(self, idx, cache=None):
        self.calls.append((idx.clone(), cache is not None, id(cache)))
        return super().forward(idx, cache=cache)


def _expect_pinned_calls(model: RecordingLM, prompt: torch.Tensor, out: torch.Tensor, n: int, what: str) -> None:
    """One prefill call with the whole prompt and a cache, then each new token alone, (B, 1), same cache."""
    calls = model.calls
    expect(n <= len(calls) <= n + 1,
           f"{what}: the model was called {len(calls)} times for {n} new tokens: prefill once, then one call per "
           "new token (feeding the last one is optional)")
    if not calls:
        return
    expect(all(has for _, has, _ in calls), f"{what}: the model was called without a cache: pass cache=cache every call")
    expect(len({c for _, _, c in calls}) == 1, f"{what}: the model got different cache objects: one KVCache for the "
                                               "whole generation")
    expect(calls[0][0].shape == prompt.shape and torch.equal(calls[0][0], prompt),
           f"{what}: the first call should prefill the whole prompt, (B, T0), in one call")
    for step, (idx, _, _) in enumerate(calls[1:]):
        expect(idx.shape == (prompt.shape[0], 1), f"{what}: after the prefill feed only the newest token, (B, 1)")
        expect(torch.equal(idx[:, 0], out[:, prompt.shape[1] + step]),
               f"{what}: call {step + 2} of the model did not feed the token just generated")


@check("sampling", points=2, pins=["prefill-then-one", "max-new-zero"])
def test_generate_calls_the_model_as_pinned():
    prompt = torch.randint(0, 17, (2, 5), generator=torch.Generator().manual_seed(57))
    for n, kwargs in [(6, dict(temperature=0.0)), (5, dict(temperature=0.9, top_k=6, top_p=0.9)), (1, {}),
                      (0, dict(temperature=0.7))]:
        model = RecordingLM(17, 58)
        out = ta.generate(model, prompt, n, generator=torch.Generator().manual_seed(59), **kwargs)
        what = f"generate(max_new_tokens={n}, {', '.join(f'{k}={v}' for k, v in kwargs.items())})"
        assert_shape(out, (2, 5 + n), name=f"{what} output")
        expect(torch.equal(out[:, :5], prompt), f"{what}: the output should start with the prompt")
        _expect_pinned_calls(model, prompt, out, n, what)


def ref_generate(model, idx, n, temperature=1.0, top_k=None, top_p=None, generator=None):
    out = idx
    for _ in range(n):
        logits = model(out)[:, -1]
        if temperature == 0:
            nxt = logits.argmax(-1, keepdim=True)
        else:
            z = (logits / temperature).numpy()
            if top_k is not None:
                z = ref_top_k(z, top_k)
            if top_p is not None:
                z = ref_top_p(z, top_p)
            nxt = torch.multinomial(torch.softmax(torch.from_numpy(z), -1), 1, generator=generator)
        out = torch.cat([out, nxt], 1)
    return out


@check("sampling", points=2, pins=["greedy-at-zero", "max-new-zero", "prompt-prefix"])
def test_generate_greedy_at_temperature_zero():
    model = CheckLM(19, 37)
    prompt = torch.randint(0, 19, (3, 4), generator=torch.Generator().manual_seed(38))
    p0 = prompt.clone()
    out = ta.generate(model, prompt, 9, temperature=0.0, top_k=3, top_p=0.5)
    assert_shape(out, (3, 13), name="generate output", hint="(B, T0 + max_new_tokens)")
    expect(out.dtype == torch.long, "generate should return token ids (torch.long)")
    expect(torch.equal(out[:, :4], prompt) and torch.equal(prompt, p0), "the prompt should be the unchanged prefix of the output")
    expect(torch.equal(out, ref_generate(model, prompt, 9, 0.0)),
           "temperature 0 should pick argmax every step (no division by zero); with a cache feed only the new token")
    same = ta.generate(model, prompt, 0, temperature=0.0)
    expect(torch.equal(same, prompt), "max_new_tokens=0 should return the prompt")


@check("sampling", points=3, pins=["sampling-order", "one-multinomial"])
def test_generate_seeded_matches_reference_sampler():
    model = CheckLM(23, 39)
    prompt = torch.randint(0, 23, (4, 2), generator=torch.Generator().manual_seed(40))
    for kwargs in [dict(temperature=0.8, top_k=7, top_p=0.85), dict(temperature=1.3), dict(temperature=0.6, top_k=40),
                   dict(temperature=1.0, top_p=0.5), dict(top_k=4)]:
        out = ta.generate(model, prompt, 7, generator=torch.Generator().manual_seed(41), **kwargs)
        want = ref_generate(model, prompt, 7, generator=torch.Generator().manual_seed(41), **kwargs)
        expect(torch.equal(out, want), f"generate({', '.join(f'{k}={v}' for k, v in kwargs.items())}) drew other tokens "
               "than the reference: divide by temperature, then top-k, then top-p, softmax, and one "
               "torch.multinomial(probs, 1, generator=generator) call per step")


@check("sampling", points=2, pins=["sampling-order"])
def test_generate_frequencies():
    model = CheckLM(11, 42)
    prompt = torch.full((4000, 1), 3, dtype=torch.long)
    out = ta.generate(model, prompt, 1, temperature=1.7, top_k=5, generator=torch.Generator().manual_seed(43))
    assert_shape(out, (4000, 2), name="generate output")
    logits = model(prompt[:1])[0, -1] / 1.7
    probs = torch.softmax(torch.from_numpy(ref_top_k(logits.numpy(), 5)), -1).numpy()
    freq = np.bincount(out[:, 1].numpy(), minlength=11) / 4000
    expect(np.all(freq[probs == 0] == 0), "generate drew tokens that top-k should have removed")
    sd = np.sqrt(probs * (1 - probs) / 4000) + 1e-12
    expect(np.all(np.abs(freq - probs) < 5 * sd + 1e-3),
           "sampled token frequencies do not match softmax(top_k(logits / temperature)): check the temperature")


# --- bpe_tokenizer -------------------------------------------------------------------------------

def ref_bpe_train(text: str, vocab_size: int) -> list[tuple[tuple[int, int], int]]:
    """Most frequent pair (overlapping counts), ties to the pair seen first; merge left to right."""
    ids = list(text.encode("utf-8"))
    merges = []
    for new in range(256, vocab_size):
        counts, first = {}, {}
        for i in range(len(ids) - 1):
            pair = (ids[i], ids[i + 1])
            counts[pair] = counts.get(pair, 0) + 1
            first.setdefault(pair, i)
        if not counts:
            break
        best = min(counts, key=lambda p: (-counts[p], first[p]))
        merges.append((best, new))
        out, i = [], 0
        while i < len(ids):
            if i < len(ids) - 1 and (ids[i], ids[i + 1]) == best:
                out.append(new)
                i += 2
            else:
                out.append(ids[i])
                i += 1
        ids = out
    return merges


def ref_bpe_encode(text: str, merges: list[tuple[tuple[int, int], int]]) -> list[int]:
    """Apply the merges in the order they were learned, each over the whole sequence."""
    ids = list(text.encode("utf-8"))
    for (a, b), new in merges:
        out, i = [], 0
        while i < len(ids):
            if i < len(ids) - 1 and ids[i] == a and ids[i + 1] == b:
                out.append(new)
                i += 2
            else:
                out.append(ids[i])
                i += 1
        ids = out
    return ids


def _merges_of(tok) -> list[tuple[tuple[int, int], int]]:
    merges = getattr(tok, "merges", None)
    expect(isinstance(merges, dict), "BPETokenizer.merges should be a dict {(id, id): new_id}")
    return sorted(((tuple(int(x) for x in pair), int(new)) for pair, new in merges.items()), key=lambda m: m[1])


UNICODE_TEXT = ("naïve café — 東京 and 東京タワー; emoji 🙂🙂 and a family 👩‍👩‍👧 plus ümlauts ü ü ü. "
                "the the the thé 🙂 end")


@check("bpe_tokenizer", points=2, pins=["minbpe", "new-ids-in-order"])
def test_bpe_known_example():
    tok = ta.BPETokenizer()
    tok.train("aaabdaaabac", 259)
    expect(_merges_of(tok) == [((97, 97), 256), ((256, 97), 257), ((257, 98), 258)],
           "the three merges of 'aaabdaaabac' should be (a,a)->256, (256,a)->257, (257,b)->258")
    expect(tok.encode("aaabdaaabac") == [258, 100, 258, 97, 99], "encode('aaabdaaabac') is not the minbpe answer")
    expect(tok.decode([258, 100, 258, 97, 99]) == "aaabdaaabac", "decode does not invert encode")


@check("bpe_tokenizer", points=2, pins=["tie-first-occurrence", "overlap-counts", "merge-no-overlap"])
def test_bpe_ties_go_to_first_occurrence():
    tok = ta.BPETokenizer()
    tok.train("cdabcdab", 257)
    expect(_merges_of(tok) == [((99, 100), 256)],
           "three pairs tie in 'cdabcdab': the first one seen in the sequence, (c, d), should be merged")
    rng = np.random.default_rng(44)
    text = "".join(rng.choice(list("abc d"), size=300))
    tok = ta.BPETokenizer()
    tok.train(text, 290)
    expect(_merges_of(tok) == ref_bpe_train(text, 290),
           "merges differ on a random text: count overlapping pairs, take the max count, break ties by first "
           "occurrence in the current sequence, and replace left to right without overlap")


@check("bpe_tokenizer", points=2, pins=["utf8-bytes", "encode-empty", "encode-merge-order"])
def test_bpe_unicode_round_trip_and_encode():
    tok = ta.BPETokenizer()
    tok.train(UNICODE_TEXT, 300)
    merges = ref_bpe_train(UNICODE_TEXT, 300)
    expect(_merges_of(tok) == merges, "merges differ on UTF-8 text: train on text.encode('utf-8') bytes")
    other = "東京の café 🙂👩‍👩‍👧 the end — ümlaut? ab\n\tz"
    ids = tok.encode(other)
    expect(ids == ref_bpe_encode(other, merges), "encode does not apply the merges in the order they were learned")
    expect(tok.decode(ids) == other, "decode(encode(text)) != text on UTF-8 text with emoji")
    expect(tok.encode("") == [] and tok.decode([]) == "", "the empty string should encode to [] and back")


@check("bpe_tokenizer", points=1, pins=["decode-replace", "untrained-bytes"])
def test_bpe_decode_invalid_bytes_with_replacement():
    raw = [0xFF, 0x61, 0xF0, 0x9F, 0x62, 0x80]
    tok = ta.BPETokenizer()
    expect(tok.decode(raw) == bytes(raw).decode("utf-8", errors="replace"),
           "an untrained tokenizer should decode byte ids, with invalid UTF-8 replaced by U+FFFD (errors='replace')")
    tok.train("🙂🙂🙂 ok", 262)
    emoji = list("🙂".encode("utf-8"))
    expect(tok.decode(emoji[:2] + [0x6F]) == "\ufffdo",
           "decoding part of a multi-byte character should give U+FFFD, not raise")


@check("bpe_tokenizer", points=1, pins=["stop-early"])
def test_bpe_stops_when_nothing_is_left_to_merge():
    tok = ta.BPETokenizer()
    tok.train("ab", 300)
    expect(_merges_of(tok) == [((97, 98), 256)], "training on 'ab' leaves one token after one merge: stop there")
    expect(tok.encode("abab") == [256, 256], "encode('abab') should use the merge twice")
    expect(tok.encode("ab") == [256], "encode('ab') should merge its last two ids too (merge while two or more are left)")
    tok = ta.BPETokenizer()
    tok.train("hello", 256)
    expect(_merges_of(tok) == [] and tok.encode("hi") == [104, 105], "vocab_size 256 means no merges: raw bytes")


@check("bpe_tokenizer", points=1, pins=["encode-merge-order"])
def test_bpe_encode_follows_merge_order():
    tok = ta.BPETokenizer()
    tok.train("bcbcbc ab ab", 260)
    merges = _merges_of(tok)
    expect(merges == ref_bpe_train("bcbcbc ab ab", 260), "merges differ on 'bcbcbc ab ab'")
    expect(tok.encode("abc abcab") == ref_bpe_encode("abc abcab", merges),
           "encode should apply the earliest-learned merge first (lowest new id), not the leftmost known pair")


@check("bpe_tokenizer", points=1, pins=["train-resets"])
def test_bpe_training_again_starts_afresh():
    tok = ta.BPETokenizer()
    tok.train("aaabdaaabac", 259)
    tok.train("xyzxyz xy", 259)
    merges = ref_bpe_train("xyzxyz xy", 259)
    expect(_merges_of(tok) == merges,
           "after a second train() the merges should be those of the new text alone: training resets earlier merges")
    expect(tok.encode("aaab xyz") == ref_bpe_encode("aaab xyz", merges),
           "after a second train() encode still uses merges from the first training")
    tok.train("ab", 300)
    expect(sorted(tok.vocab) == list(range(257)),
           "after training again with fewer merges, vocab should hold only the 256 bytes and the new merges: "
           "training resets the vocabulary too")
