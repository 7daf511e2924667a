"""Hidden checks for the architectures topic: torch in float64 is the reference (weights copied),
distinct sizes on every axis, several strides / paddings / dilations, ties, edge cases."""
import numpy as np
import pytest
import torch
import torch._dynamo  # noqa: F401  a meta tensor's ops (torch._refs) import it on first use (~3 s): preload it once
import torch.nn.functional as F

from grader.check import assert_close, assert_shape, check, expect, expect_raises, learner

ar = learner("architectures")


def t64(a):
    return torch.as_tensor(np.asarray(a), dtype=torch.float64)


def randn(rng, *shape):
    return torch.from_numpy(rng.normal(size=shape))  # float64


def expect_float64(got, name):
    expect(isinstance(got, np.ndarray) and got.dtype == np.float64,
           f"{name} should be a float64 numpy array whatever the input dtype: convert the inputs with "
           "np.asarray(a, dtype=float) and never allocate a buffer with an input's dtype")


def expect_dtype(got, dtype, name):
    expect(isinstance(got, torch.Tensor) and got.dtype == dtype,
           f"{name} should have the dtype of the inputs ({str(dtype).replace('torch.', '')}): build new tensors "
           "from an input (x.new_zeros, zeros_like), never with torch's default dtype or a hard-coded one")


def expect_on_meta(got, shape, dtype, name):
    """got came back from inputs on the "meta" device (a shape, a dtype and a device, no values)."""
    expect(isinstance(got, torch.Tensor) and got.device.type == "meta",
           f"{name} should be on the inputs' device (here 'meta'), not on torch's default device: build new tensors "
           "from an input (x.new_zeros, zeros_like, device=x.device)")
    expect(got.dtype == dtype, f"{name} on another device should have the dtype of the inputs")
    assert_shape(got, shape, name=f"{name} on another device")


def meta(*shape):
    return torch.empty(*shape, dtype=torch.float64, device="meta")


# float64 torch katas: the same float64 operations in another order agree to ~1e-14, a float32 step does not
TIGHT = dict(rtol=1e-10, atol=1e-12)


# --- conv2d -------------------------------------------------------------------------------------

# (N, C, H, W, O, kH, kW, stride, padding, dilation, bias)
CONV_CASES = {
    "plain": (2, 3, 9, 11, 4, 3, 3, 1, 0, 1, True),
    "stride2_pad1": (3, 2, 10, 13, 5, 3, 3, 2, 1, 1, True),
    "rect_kernel_pair_args": (2, 3, 12, 9, 4, 2, 5, (2, 1), (1, 2), 1, True),
    "dilated_padded": (1, 2, 14, 15, 3, 3, 3, 1, 2, 2, True),
    "dilated_rect_no_bias": (2, 4, 11, 16, 3, 3, 2, (1, 3), (2, 0), (3, 1), False),
    "one_by_one_stride3": (3, 5, 7, 10, 6, 1, 1, 3, 0, 1, True),
    "kernel_covers_input": (2, 3, 5, 6, 4, 5, 6, 1, 0, 1, True),
    "stride_leaves_remainder": (2, 2, 13, 12, 3, 4, 3, (3, 2), 1, (1, 2), True),
    "padding_wider_than_kernel": (1, 3, 4, 6, 2, 2, 3, (2, 3), (3, 2), 1, True),
}


@check("conv2d", points=1, pins=["no-flip", "pad-both-sides", "dilated-span", "int-or-pair", "bias-none",
                                 "ban-any-path"])
@pytest.mark.parametrize("case", list(CONV_CASES.values()), ids=list(CONV_CASES))
def test_conv2d_matches_torch(case):
    N, C, H, W, O, kh, kw, stride, padding, dilation, bias = case
    rng = np.random.default_rng(100 + H * W)
    x, w = rng.normal(size=(N, C, H, W)), rng.normal(size=(O, C, kh, kw))
    b = rng.normal(size=O) if bias else None
    want = F.conv2d(t64(x), t64(w), None if b is None else t64(b), stride, padding, dilation)
    got = ar.conv2d(x.copy(), w.copy(), None if b is None else b.copy(), stride, padding, dilation)
    assert_shape(got, tuple(want.shape), name="conv2d output",
                 hint="pad both sides, a dilated kernel spans d*(k-1)+1 pixels, floor then +1")
    expect_float64(got, "conv2d output")
    assert_close(got, want, name="conv2d output", **TIGHT,
                 hint="no kernel flip (cross-correlation); check stride, padding and dilation per axis")


SHAPE_CASES = {
    "plain": (9, 11, 3, 1, 0, 1),
    "stride_floor": (10, 13, 3, 2, 1, 1),
    "pairs": (12, 9, (2, 5), (2, 1), (1, 2), 1),
    "dilation": (14, 15, 3, 1, 2, 2),
    "dilation_pairs_floor": (17, 16, (3, 2), (2, 3), (2, 0), (3, 1)),
    "big_stride_floor": (20, 7, 3, 4, 0, 1),
    "output_one": (5, 6, (5, 6), 1, 0, 1),
    "ceil_would_differ": (11, 10, (2, 3), (3, 4), (1, 0), (2, 1)),
}


@check("conv2d", points=1, pins=["floor-size", "shape-ints", "int-or-pair"])
@pytest.mark.parametrize("case", list(SHAPE_CASES.values()), ids=list(SHAPE_CASES))
def test_conv_output_shape_matches_torch(case):
    h, w, kernel, stride, padding, dilation = case
    kh, kw = (kernel, kernel) if isinstance(kernel, int) else kernel
    want = tuple(F.conv2d(torch.zeros(1, 1, h, w), torch.zeros(1, 1, kh, kw), None,
                          stride, padding, dilation).shape[2:])
    got = ar.conv_output_shape(h, w, kernel, stride, padding, dilation)
    expect(got is not None and len(tuple(got)) == 2, "conv_output_shape should return a pair (H_out, W_out)")
    expect(all(int(v) == v for v in got), "conv_output_shape should return whole numbers: use floor division //")
    expect(tuple(int(v) for v in got) == want,
           "conv_output_shape is wrong for this kernel/stride/padding/dilation: "
           "floor((n + 2p - d*(k-1) - 1) / s) + 1 on each axis")


@check("conv2d", points=1, pins=["inputs-unchanged"])
def test_conv2d_does_not_mutate_and_handles_large_values():
    rng = np.random.default_rng(7)
    x, w, b = 1000 * rng.normal(size=(2, 3, 8, 10)), rng.normal(size=(4, 3, 3, 2)), rng.normal(size=4)
    saved = x.copy(), w.copy(), b.copy()
    got = ar.conv2d(x, w, b, 1, 1, 1)
    for name, before, after in zip(("x", "w", "b"), saved, (x, w, b)):
        expect(np.array_equal(before, after), f"conv2d changed its input {name}: work on a padded copy")
    want = F.conv2d(t64(x), t64(w), t64(b), 1, 1, 1)
    assert_close(got, want, rtol=1e-9, atol=1e-8, name="conv2d output (inputs of size ~1000)")


@check("conv2d", points=1, pins=["bias-none"])
def test_conv2d_defaults_are_stride_1_no_padding_no_dilation_no_bias():
    rng = np.random.default_rng(9)
    x, w = rng.normal(size=(2, 3, 8, 7)), rng.normal(size=(4, 3, 3, 2))
    got = ar.conv2d(x.copy(), w.copy())
    assert_close(got, F.conv2d(t64(x), t64(w)), **TIGHT, name="conv2d(x, w) with the default arguments",
                 hint="defaults: b=None (no bias), stride 1, padding 0, dilation 1")
    expect(tuple(int(v) for v in ar.conv_output_shape(8, 7, (3, 2))) == (6, 6),
           "conv_output_shape(h, w, kernel) with the default stride 1, padding 0, dilation 1 is wrong")


@check("conv2d", points=1, pins=["float64-out", "conv-float64"])
@pytest.mark.parametrize("kind", ["int64", "float32"])
def test_conv2d_integer_and_float32_inputs_give_float64(kind):
    rng = np.random.default_rng(8)
    x, w, b = rng.integers(-4, 5, size=(2, 3, 7, 8)), rng.integers(-3, 4, size=(4, 3, 3, 2)), rng.integers(-2, 3, size=4)
    if kind == "float32":
        x, w, b = (a.astype(np.float32) + np.float32(0.3) for a in (x, w, b))
    want = F.conv2d(t64(x), t64(w), t64(b), (2, 1), (1, 2), (1, 2))
    got = ar.conv2d(x.copy(), w.copy(), b.copy(), (2, 1), (1, 2), (1, 2))
    expect_float64(got, f"conv2d output for {kind} inputs")
    assert_close(got, want, **TIGHT, name=f"conv2d output for {kind} inputs",
                 hint="compute in float64: an accumulator with the input's dtype truncates or rounds")


# --- pooling ------------------------------------------------------------------------------------

# (N, C, H, W, kernel, stride)
MAX_CASES = {
    "k2_default_stride": (2, 3, 8, 10, 2, None),
    "rect_kernel_stride": (3, 2, 9, 11, (2, 3), (2, 1)),
    "k3_s2_leftover": (2, 4, 11, 12, 3, 2),
    "rect_default_stride": (1, 3, 10, 9, (3, 2), None),
}


@check("pooling", points=1, pins=["stride-default", "pool-floor", "ban-any-path"])
@pytest.mark.parametrize("case", list(MAX_CASES.values()), ids=list(MAX_CASES))
def test_max_pool2d_matches_torch(case):
    N, C, H, W, kernel, stride = case
    x = np.random.default_rng(200 + H * W).normal(size=(N, C, H, W))
    want = F.max_pool2d(t64(x), kernel, stride)
    got = ar.max_pool2d(x.copy(), kernel, stride)
    assert_shape(got, tuple(want.shape), name="max_pool2d output",
                 hint="stride defaults to the kernel; no padding; floor((n - k) / s) + 1")
    assert_close(got, want, name="max_pool2d output")


# (N, C, H, W, kernel, stride, padding)
AVG_CASES = {
    "k2_no_padding": (2, 3, 8, 10, 2, None, 0),
    "k3_s2_pad1": (2, 2, 9, 12, 3, 2, 1),
    "rect_pad_pairs": (3, 2, 10, 9, (2, 3), (1, 2), (1, 1)),
    "k3_s1_pad_w_only": (1, 4, 7, 11, 3, 1, (0, 1)),
}


@check("pooling", points=1, pins=["exclude-pad", "stride-default", "int-or-pair"])
@pytest.mark.parametrize("case", list(AVG_CASES.values()), ids=list(AVG_CASES))
def test_avg_pool2d_matches_torch_without_counting_padding(case):
    N, C, H, W, kernel, stride, padding = case
    x = np.random.default_rng(300 + H * W).normal(size=(N, C, H, W))
    want = F.avg_pool2d(t64(x), kernel, stride, padding, count_include_pad=False)
    got = ar.avg_pool2d(x.copy(), kernel, stride, padding)
    assert_shape(got, tuple(want.shape), name="avg_pool2d output",
                 hint="stride defaults to the kernel; pad both sides; floor((n + 2p - k) / s) + 1")
    assert_close(got, want, name="avg_pool2d output",
                 hint="divide by the number of real pixels in the window: padding does not count")


@check("pooling", points=1, pins=["overlaps-add", "no-window-zero"])
@pytest.mark.parametrize("case", list(MAX_CASES.values()), ids=list(MAX_CASES))
def test_max_pool2d_backward_matches_autograd(case):
    N, C, H, W, kernel, stride = case
    rng = np.random.default_rng(400 + H * W)
    x = rng.normal(size=(N, C, H, W))
    xt = t64(x).requires_grad_(True)
    out = F.max_pool2d(xt, kernel, stride)
    g = rng.normal(size=tuple(out.shape))
    (want,) = torch.autograd.grad(out, xt, t64(g))
    got = ar.max_pool2d_backward(x.copy(), g.copy(), kernel, stride)
    assert_shape(got, (N, C, H, W), name="max_pool2d_backward output", hint="the gradient has the shape of x")
    assert_close(got, want, name="max_pool2d_backward output",
                 hint="only each window's max gets its gradient; add up where windows overlap; pixels in no window get 0")


@check("pooling", points=2, pins=["first-max"])
def test_max_pool2d_backward_ties_go_to_first_max():
    rng = np.random.default_rng(17)
    x = rng.integers(0, 3, size=(2, 3, 7, 9)).astype(float)  # many ties
    for kernel, stride in ((2, 1), ((3, 2), (2, 1)), (3, None)):
        xt = t64(x).requires_grad_(True)
        out = F.max_pool2d(xt, kernel, stride)
        g = rng.normal(size=tuple(out.shape))
        (want,) = torch.autograd.grad(out, xt, t64(g))
        got = ar.max_pool2d_backward(x.copy(), g.copy(), kernel, stride)
        assert_close(got, want, name=f"max_pool2d_backward with ties (kernel={kernel}, stride={stride})",
                     hint="on ties the first maximum in row-major order of the window takes all the gradient")


@check("pooling", points=1, pins=["exclude-pad"])
def test_avg_pool2d_counts_real_zero_pixels():
    # ReLU-like input: many real pixels are exactly 0 and must still be counted
    x = np.maximum(np.random.default_rng(18).normal(size=(2, 3, 7, 10)), 0.0)
    for kernel, stride, padding in ((3, 2, 1), ((2, 3), 1, (1, 1))):
        want = F.avg_pool2d(t64(x), kernel, stride, padding, count_include_pad=False)
        got = ar.avg_pool2d(x.copy(), kernel, stride, padding)
        assert_close(got, want, name=f"avg_pool2d of an input with zeros (kernel={kernel}, padding={padding})",
                     hint="divide by the number of real pixels in the window, zeros included: only padding is left out")


@check("pooling", points=1, pins=["inputs-unchanged"])
def test_pooling_does_not_mutate_inputs():
    rng = np.random.default_rng(19)
    x = rng.normal(size=(2, 3, 6, 8))
    g = rng.normal(size=(2, 3, 5, 7))
    x0, g0 = x.copy(), g.copy()
    ar.max_pool2d(x, 2, 1)
    ar.avg_pool2d(x, 3, 1, 1)
    ar.max_pool2d_backward(x, g, 2, 1)
    expect(np.array_equal(x, x0) and np.array_equal(g, g0),
           "a pooling function changed its input array: pad or accumulate into new arrays")


@check("pooling", points=1, pins=["stride-default"])
def test_pooling_defaults():
    rng = np.random.default_rng(21)
    x = rng.normal(size=(2, 3, 9, 8))
    xt = t64(x).requires_grad_(True)
    out = F.max_pool2d(xt, (3, 2))
    g = rng.normal(size=tuple(out.shape))
    (want_grad,) = torch.autograd.grad(out, xt, t64(g))
    assert_close(ar.max_pool2d(x.copy(), (3, 2)), out.detach(), name="max_pool2d(x, kernel)",
                 hint="stride defaults to the kernel")
    assert_close(ar.avg_pool2d(x.copy(), (3, 2)), F.avg_pool2d(t64(x), (3, 2)), name="avg_pool2d(x, kernel)",
                 hint="stride defaults to the kernel, padding to 0")
    assert_close(ar.max_pool2d_backward(x.copy(), g.copy(), (3, 2)), want_grad, name="max_pool2d_backward(x, g, kernel)",
                 hint="stride defaults to the kernel")


@check("pooling", points=1, pins=["float64-out", "pool-float64", "first-max"])
@pytest.mark.parametrize("kind", ["int64", "float32"])
def test_pooling_integer_and_float32_input_give_float64(kind):
    rng = np.random.default_rng(20)
    x = rng.integers(0, 3, size=(2, 3, 7, 9))  # an integer image: many ties
    if kind == "float32":
        x = x.astype(np.float32) / np.float32(3.0)  # still tied, and thirds round differently in float32
    xt = t64(x).requires_grad_(True)
    out = F.max_pool2d(xt, (3, 2), (2, 1))
    g = rng.normal(size=tuple(out.shape))
    (want_grad,) = torch.autograd.grad(out, xt, t64(g))
    results = {
        "max_pool2d": (ar.max_pool2d(x.copy(), (3, 2), (2, 1)), out.detach()),
        "avg_pool2d": (ar.avg_pool2d(x.copy(), 3, 2, 1), F.avg_pool2d(t64(x), 3, 2, 1, count_include_pad=False)),
        "max_pool2d_backward": (ar.max_pool2d_backward(x.copy(), g.copy(), (3, 2), (2, 1)), want_grad),
    }
    for name, (got, want) in results.items():
        expect_float64(got, f"{name} of a {kind} image")
        assert_close(got, want, name=f"{name} of a {kind} image", **TIGHT,
                     hint="work in float64: a buffer made with the input's dtype truncates or rounds")


# --- rnn_forward --------------------------------------------------------------------------------

def torch_rnn(x, h0, W_xh, W_hh, b):
    T, B, D = x.shape
    H = h0.shape[1]
    rnn = torch.nn.RNN(D, H, nonlinearity="tanh").double()
    with torch.no_grad():
        rnn.weight_ih_l0.copy_(t64(W_xh))
        rnn.weight_hh_l0.copy_(t64(W_hh))
        rnn.bias_ih_l0.copy_(t64(b))
        rnn.bias_hh_l0.zero_()
        out, _ = rnn(t64(x), t64(h0)[None])
    return out  # (T, B, H)


def rnn_inputs(seed, T, B, D, H, scale=1.0):
    rng = np.random.default_rng(seed)
    return (scale * rng.normal(size=(T, B, D)), rng.normal(size=(B, H)),
            rng.normal(size=(H, D)) / np.sqrt(D), rng.normal(size=(H, H)) / np.sqrt(H), rng.normal(size=H))


RNN_CASES = {"T6_B3_D4_H5": (6, 3, 4, 5), "single_step": (1, 4, 3, 6), "batch_of_one": (7, 1, 5, 2)}


@check("rnn_forward", points=2, pins=["time-major", "hs-not-h0", "t-one", "ban-any-path"])
@pytest.mark.parametrize("sizes", list(RNN_CASES.values()), ids=list(RNN_CASES))
def test_rnn_forward_matches_torch(sizes):
    T, B, D, H = sizes
    args = rnn_inputs(500 + T, T, B, D, H)
    got = ar.rnn_forward(*(a.copy() for a in args))
    assert_shape(got, (T, B, H), name="hs", hint="one hidden state per step, h_1..h_T (not h0), time-major")
    # float64 throughout: |h| <= 1 and a few steps, so any float64 order of operations agrees to ~1e-15
    assert_close(got, torch_rnn(*args), name="hs", rtol=1e-10, atol=1e-12,
                 hint="h_t = tanh(x_t @ W_xh.T + h_{t-1} @ W_hh.T + b), feeding each h into the next step; "
                      "keep every array float64")


@check("rnn_forward", points=1)
def test_rnn_forward_saturates_without_nan():
    args = rnn_inputs(51, 5, 3, 4, 6, scale=1000.0)
    got = ar.rnn_forward(*args)
    assert_close(got, torch_rnn(*args), name="hs for inputs of size ~1000",
                 hint="tanh saturates at +-1; it must not overflow")


@check("rnn_forward", points=1, pins=["inputs-unchanged"])
def test_rnn_forward_does_not_mutate_inputs():
    args = rnn_inputs(52, 4, 2, 3, 5)
    saved = [a.copy() for a in args]
    ar.rnn_forward(*args)
    names = ("x", "h0", "W_xh", "W_hh", "b")
    for name, before, after in zip(names, saved, args):
        expect(np.array_equal(before, after), f"rnn_forward changed its input {name}")


@check("rnn_forward", points=1, pins=["float64-out", "rnn-float64"])
@pytest.mark.parametrize("kind", ["int64", "float32"])
def test_rnn_forward_integer_and_float32_inputs_give_float64(kind):
    x, h0, W_xh, W_hh, b = rnn_inputs(53, 5, 3, 4, 6)
    rng = np.random.default_rng(54)
    if kind == "int64":
        x, h0 = rng.integers(-2, 3, size=x.shape), rng.integers(-1, 2, size=h0.shape)
        W_xh, W_hh, b = (rng.integers(-1, 2, size=a.shape) for a in (W_xh, W_hh, b))
    else:
        x, h0, W_xh, W_hh, b = (a.astype(np.float32) for a in (x, h0, W_xh, W_hh, b))
    got = ar.rnn_forward(x.copy(), h0.copy(), W_xh.copy(), W_hh.copy(), b.copy())
    expect_float64(got, f"hs for {kind} inputs")
    assert_close(got, torch_rnn(x, h0, W_xh, W_hh, b), name=f"hs for {kind} inputs", rtol=1e-10,
                 atol=1e-12, hint="compute in float64: a buffer with an input's dtype truncates or rounds every state")


# --- rnn_backward -------------------------------------------------------------------------------

def autograd_bptt(x, h0, W_xh, W_hh, b, G):
    """Reference gradients of L = sum(hs * G), hs from a torch loop written independently."""
    leaves = [t64(a).requires_grad_(True) for a in (x, h0, W_xh, W_hh, b)]
    xt, h, Wx, Wh, bt = leaves
    hs = []
    for t in range(xt.shape[0]):
        h = torch.tanh(F.linear(xt[t], Wx, bt) + F.linear(h, Wh))
        hs.append(h)
    hs = torch.stack(hs)
    grads = torch.autograd.grad((hs * t64(G)).sum(), leaves)
    return hs.detach().numpy(), grads


BPTT_NAMES = ("dx", "dh0", "dW_xh", "dW_hh", "db")


def check_bptt(seed, T, B, D, H, last_step_only=False, inputs=None, G=None):
    x, h0, W_xh, W_hh, b = inputs if inputs is not None else rnn_inputs(seed, T, B, D, H)
    if G is None:
        G = np.random.default_rng(seed + 1).normal(size=(T, B, H))
    if last_step_only:
        G[:-1] = 0.0
    hs, want = autograd_bptt(x, h0, W_xh, W_hh, b, G)
    got = ar.rnn_backward(x.copy(), h0.copy(), W_xh.copy(), W_hh.copy(), hs.copy(), G.copy())
    expect(got is not None and len(got) == 5, "rnn_backward should return (dx, dh0, dW_xh, dW_hh, db)")
    shapes = ((T, B, D), (B, H), (H, D), (H, H), (H,))
    for name, g, w, shape in zip(BPTT_NAMES, got, want, shapes):
        assert_shape(g, shape, name=name)
        expect_float64(g, name)
        assert_close(g, w, name=name, rtol=1e-9, atol=1e-11,
                     hint="weights are shared across steps: sum their gradients over t; "
                     "dL/dh_t also gets what flows back from step t+1")


@check("rnn_backward", points=2, pins=["direct-grads", "return-order", "ban-any-path"])
@pytest.mark.parametrize("sizes", list(RNN_CASES.values()), ids=list(RNN_CASES))
def test_rnn_backward_matches_autograd(sizes):
    check_bptt(600 + sizes[0], *sizes)


@check("rnn_backward", points=2, pins=["direct-grads", "full-bptt"])
def test_rnn_backward_loss_on_last_step_only_reaches_the_start():
    check_bptt(61, 6, 3, 4, 5, last_step_only=True)


@check("rnn_backward", points=2, pins=["full-bptt"])
@pytest.mark.parametrize("last_step_only", [True, False], ids=["loss_at_the_end", "loss_everywhere"])
def test_rnn_backward_long_sequence_no_truncation(last_step_only):
    # 40 steps near the linear regime with an orthogonal W_hh: the gradient from the end reaches h0
    # with a sizeable fraction of its norm, so any truncation of the backward pass shows
    T, B, D, H = 40, 2, 3, 4
    rng = np.random.default_rng(64)
    W_hh = np.linalg.qr(rng.normal(size=(H, H)))[0]
    inputs = (0.1 * rng.normal(size=(T, B, D)), 0.3 * rng.normal(size=(B, H)), 0.3 * rng.normal(size=(H, D)),
              W_hh, 0.05 * rng.normal(size=H))
    check_bptt(65, T, B, D, H, last_step_only=last_step_only, inputs=inputs)


@check("rnn_backward", points=1, pins=["float64-out", "bptt-float64"])
def test_rnn_backward_integer_inputs_give_float64():
    T, B, D, H = 5, 3, 4, 2
    x, h0, W_xh, W_hh, b = rnn_inputs(66, T, B, D, H)
    rng = np.random.default_rng(67)
    x, G = rng.integers(-1, 2, size=x.shape), rng.integers(-3, 4, size=(T, B, H))
    h0, W_xh, W_hh = rng.integers(-1, 2, size=h0.shape), rng.integers(-1, 2, size=W_xh.shape), rng.integers(-1, 2, size=W_hh.shape)
    check_bptt(66, T, B, D, H, inputs=(x, h0, W_xh, W_hh, b), G=G)


@check("rnn_backward", points=1, pins=["inputs-unchanged"])
def test_rnn_backward_does_not_mutate_inputs():
    x, h0, W_xh, W_hh, b = rnn_inputs(62, 4, 2, 3, 5)
    G = np.random.default_rng(63).normal(size=(4, 2, 5))
    hs, _ = autograd_bptt(x, h0, W_xh, W_hh, b, G)
    args = [x, h0, W_xh, W_hh, hs, G]
    saved = [a.copy() for a in args]
    ar.rnn_backward(*args)
    for name, before, after in zip(("x", "h0", "W_xh", "W_hh", "hs", "grad_hs"), saved, args):
        expect(np.array_equal(before, after), f"rnn_backward changed its input {name}")


# --- lstm_cell / gru_cell -------------------------------------------------------------------------

def cell_params(rng, gates, D, H, scale=1.0):
    return (scale * randn(rng, gates * H, D), scale * randn(rng, gates * H, H),
            scale * randn(rng, gates * H), scale * randn(rng, gates * H))


def torch_cell(kind, D, H, params):
    cell = (torch.nn.LSTMCell if kind == "lstm" else torch.nn.GRUCell)(D, H).double()
    with torch.no_grad():
        for p, v in zip((cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh), params):
            p.copy_(v)
    return cell


CELL_SIZES = {"B3_D5_H4": (3, 5, 4), "B1_D2_H7": (1, 2, 7), "B6_D8_H3": (6, 8, 3)}


@check("lstm_cell", points=2, pins=["gate-order", "both-biases", "ban-any-path"])
@pytest.mark.parametrize("sizes", list(CELL_SIZES.values()), ids=list(CELL_SIZES))
def test_lstm_cell_matches_torch(sizes):
    B, D, H = sizes
    rng = np.random.default_rng(700 + B * D * H)
    params = cell_params(rng, 4, D, H)
    x, h, c = randn(rng, B, D), randn(rng, B, H), randn(rng, B, H)
    want_h, want_c = torch_cell("lstm", D, H, params)(x, (h, c))
    got = ar.lstm_cell(x.clone(), h.clone(), c.clone(), *(p.clone() for p in params))
    expect(got is not None and len(got) == 2, "lstm_cell should return (h_next, c_next)")
    expect_dtype(got[0], torch.float64, "h_next")
    expect_dtype(got[1], torch.float64, "c_next")
    assert_close(got[1], want_c, name="c_next", **TIGHT, hint="gate order (i, f, g, o); both biases; c' = f*c + i*g")
    assert_close(got[0], want_h, name="h_next", **TIGHT, hint="h' = o * tanh(c')")


@check("lstm_cell", points=1, pins=["differentiable"])
def test_lstm_cell_over_a_sequence_and_gradients():
    B, D, H, T = 3, 5, 4, 6
    rng = np.random.default_rng(71)
    params = [p.requires_grad_(True) for p in cell_params(rng, 4, D, H)]
    xs = randn(rng, T, B, D)
    ref = torch_cell("lstm", D, H, [p.detach() for p in params])
    h = c = torch.zeros(B, H, dtype=torch.float64)
    rh = rc = h
    for t in range(T):
        h, c = ar.lstm_cell(xs[t], h, c, *params)
        rh, rc = ref(xs[t], (rh, rc))
    assert_close(h.detach(), rh.detach(), name="h after 6 steps", **TIGHT)
    expect(h.requires_grad, "h_next does not require grad: keep the computation in torch (no .numpy(), no .detach())")
    grads = torch.autograd.grad(h.sum() + c.sum(), params)
    ref_grads = torch.autograd.grad(rh.sum() + rc.sum(), (ref.weight_ih, ref.weight_hh, ref.bias_ih, ref.bias_hh))
    for name, g, w in zip(("W_ih", "W_hh", "b_ih", "b_hh"), grads, ref_grads):
        assert_close(g, w, name=f"gradient of {name} through 6 steps")


@check("lstm_cell", points=1, pins=["no-inplace-inputs"])
def test_lstm_cell_saturated_gates_no_nan_and_inputs_kept():
    B, D, H = 2, 3, 5
    rng = np.random.default_rng(72)
    params = cell_params(rng, 4, D, H, scale=300.0)
    x, h, c = randn(rng, B, D), randn(rng, B, H), randn(rng, B, H)
    saved = [t.clone() for t in (x, h, c, *params)]
    want_h, want_c = torch_cell("lstm", D, H, params)(x, (h, c))
    got_h, got_c = ar.lstm_cell(x, h, c, *params)
    assert_close(got_c, want_c, name="c_next with saturated gates")
    assert_close(got_h, want_h, name="h_next with saturated gates")
    for name, before, after in zip(("x", "h", "c", "W_ih", "W_hh", "b_ih", "b_hh"), saved, (x, h, c, *params)):
        expect(torch.equal(before, after), f"lstm_cell changed its input {name}: avoid in-place ops on inputs")


@check("lstm_cell", points=1, pins=["dtype-follows", "lstm-dtype"])
def test_lstm_cell_float32_inputs_give_float32():
    B, D, H = 3, 4, 5
    rng = np.random.default_rng(73)
    params = [p.float() for p in cell_params(rng, 4, D, H)]
    x, h, c = randn(rng, B, D).float(), randn(rng, B, H).float(), randn(rng, B, H).float()
    cell = torch_cell("lstm", D, H, [p.double() for p in params]).float()
    want_h, want_c = cell(x, (h, c))
    got_h, got_c = ar.lstm_cell(x, h, c, *params)
    expect_dtype(got_h, torch.float32, "h_next for float32 inputs")
    expect_dtype(got_c, torch.float32, "c_next for float32 inputs")
    assert_close(got_c, want_c.detach(), rtol=1e-5, atol=1e-6, name="c_next for float32 inputs")
    assert_close(got_h, want_h.detach(), rtol=1e-5, atol=1e-6, name="h_next for float32 inputs")


@check("lstm_cell", points=1, pins=["lstm-dtype", "dtype-follows"])
def test_lstm_cell_on_the_inputs_device():
    B, D, H = 3, 4, 5
    got = ar.lstm_cell(meta(B, D), meta(B, H), meta(B, H), meta(4 * H, D), meta(4 * H, H), meta(4 * H), meta(4 * H))
    expect(isinstance(got, (tuple, list)) and len(got) == 2, "lstm_cell should return the pair (h_next, c_next)")
    expect_on_meta(got[0], (B, H), torch.float64, "h_next")
    expect_on_meta(got[1], (B, H), torch.float64, "c_next")


@check("gru_cell", points=2, pins=["gate-order", "reset-after-matmul", "ban-any-path"])
@pytest.mark.parametrize("sizes", list(CELL_SIZES.values()), ids=list(CELL_SIZES))
def test_gru_cell_matches_torch(sizes):
    B, D, H = sizes
    rng = np.random.default_rng(800 + B * D * H)
    params = cell_params(rng, 3, D, H)
    x, h = randn(rng, B, D), randn(rng, B, H)
    want = torch_cell("gru", D, H, params)(x, h)
    got = ar.gru_cell(x.clone(), h.clone(), *(p.clone() for p in params))
    assert_shape(got, (B, H), name="h_next")
    expect_dtype(got, torch.float64, "h_next")
    assert_close(got, want, name="h_next", **TIGHT,
                 hint="gate order (r, z, n); n = tanh(W_in x + b_in + r * (W_hn h + b_hn)); h' = (1-z)*n + z*h")


@check("gru_cell", points=1, pins=["differentiable"])
def test_gru_cell_over_a_sequence_and_gradients():
    B, D, H, T = 3, 5, 4, 6
    rng = np.random.default_rng(81)
    params = [p.requires_grad_(True) for p in cell_params(rng, 3, D, H)]
    xs = randn(rng, T, B, D)
    ref = torch_cell("gru", D, H, [p.detach() for p in params])
    h = rh = randn(rng, B, H)
    for t in range(T):
        h = ar.gru_cell(xs[t], h, *params)
        rh = ref(xs[t], rh)
    assert_close(h.detach(), rh.detach(), name="h after 6 steps", **TIGHT)
    expect(h.requires_grad, "h_next does not require grad: keep the computation in torch (no .numpy(), no .detach())")
    grads = torch.autograd.grad(h.sum(), params)
    ref_grads = torch.autograd.grad(rh.sum(), (ref.weight_ih, ref.weight_hh, ref.bias_ih, ref.bias_hh))
    for name, g, w in zip(("W_ih", "W_hh", "b_ih", "b_hh"), grads, ref_grads):
        assert_close(g, w, name=f"gradient of {name} through 6 steps")


@check("gru_cell", points=1, pins=["no-inplace-inputs"])
def test_gru_cell_saturated_gates_no_nan_and_inputs_kept():
    B, D, H = 2, 3, 5
    rng = np.random.default_rng(82)
    params = cell_params(rng, 3, D, H, scale=300.0)
    x, h = randn(rng, B, D), randn(rng, B, H)
    saved = [t.clone() for t in (x, h, *params)]
    want = torch_cell("gru", D, H, params)(x, h)
    got = ar.gru_cell(x, h, *params)
    assert_close(got, want, name="h_next with saturated gates")
    for name, before, after in zip(("x", "h", "W_ih", "W_hh", "b_ih", "b_hh"), saved, (x, h, *params)):
        expect(torch.equal(before, after), f"gru_cell changed its input {name}: avoid in-place ops on inputs")


@check("gru_cell", points=1, pins=["dtype-follows", "gru-dtype"])
def test_gru_cell_float32_inputs_give_float32():
    B, D, H = 4, 3, 5
    rng = np.random.default_rng(83)
    params = [p.float() for p in cell_params(rng, 3, D, H)]
    x, h = randn(rng, B, D).float(), randn(rng, B, H).float()
    want = torch_cell("gru", D, H, [p.double() for p in params]).float()(x, h)
    got = ar.gru_cell(x, h, *params)
    expect_dtype(got, torch.float32, "h_next for float32 inputs")
    assert_close(got, want.detach(), rtol=1e-5, atol=1e-6, name="h_next for float32 inputs")


@check("gru_cell", points=1, pins=["gru-dtype", "dtype-follows"])
def test_gru_cell_on_the_inputs_device():
    B, D, H = 4, 3, 5
    got = ar.gru_cell(meta(B, D), meta(B, H), meta(3 * H, D), meta(3 * H, H), meta(3 * H), meta(3 * H))
    expect_on_meta(got, (B, H), torch.float64, "h_next")


# --- patch_embedding ------------------------------------------------------------------------------

PATCH_CASES = {"rect_image": ((12, 20), 4, 3, 10, 2), "square_int_size": (16, 8, 2, 6, 3),
               "one_channel": ((15, 10), 5, 1, 7, 4)}


def make_patch_embedding(img_size, p, C, D, seed, dtype=torch.float64):
    torch.manual_seed(seed)
    module = ar.PatchEmbedding(img_size, p, C, D)
    if dtype == torch.float64:
        module = module.double()
    H, W = (img_size, img_size) if isinstance(img_size, int) else img_size
    N = (H // p) * (W // p)
    expect(int(module.num_patches) == N, "num_patches should be (H // p) * (W // p)")
    assert_shape(module.cls_token, (1, 1, D), name="cls_token")
    assert_shape(module.pos_embed, (1, 1 + N, D), name="pos_embed", hint="one position per patch plus one for the class token")
    expect(tuple(module.proj.weight.shape) == (D, C * p * p), "proj should be nn.Linear(in_chans * p * p, embed_dim)")
    names = dict(module.named_parameters())
    for name in ("cls_token", "pos_embed", "proj.weight", "proj.bias"):
        expect(name in names, f"{name} is not a registered parameter: use nn.Parameter / nn.Linear attributes")
    rng = np.random.default_rng(seed)
    with torch.no_grad():  # random values everywhere, so nothing can hide behind a zero init
        module.cls_token.copy_(randn(rng, 1, 1, D).to(dtype))
        module.pos_embed.copy_(randn(rng, 1, 1 + N, D).to(dtype))
    return module, (H, W), N


def conv_formulation(module, x, p, D):
    """The reference: a Conv2d with kernel = stride = p, its weights the proj weights seen as (D, C, p, p)."""
    B, C = x.shape[:2]
    weight = module.proj.weight.detach().reshape(D, C, p, p)
    tokens = F.conv2d(x, weight, module.proj.bias.detach(), stride=p).flatten(2).transpose(1, 2)  # (B, N, D)
    cls = module.cls_token.detach().expand(B, 1, D)
    return torch.cat([cls, tokens], dim=1) + module.pos_embed.detach()


@check("patch_embedding", points=2, pins=["grid-row-major", "flatten-c-p-p", "cls-first", "attributes"])
@pytest.mark.parametrize("case", list(PATCH_CASES.values()), ids=list(PATCH_CASES))
def test_patch_embedding_equals_conv_formulation(case):
    img_size, p, C, D, B = case
    module, (H, W), N = make_patch_embedding(img_size, p, C, D, seed=900 + p)
    x = randn(np.random.default_rng(901 + p), B, C, H, W)
    got = module.forward(x.clone())  # forward by name: its contract is watched
    want = conv_formulation(module, x, p, D)
    assert_shape(got, (B, 1 + N, D), name="PatchEmbedding output", hint="(B, 1 + N, D): class token first")
    expect_dtype(got, torch.float64, "PatchEmbedding output of a .double() module")
    assert_close(got[:, 0].detach(), want[:, 0], name="class-token row of the output", **TIGHT,
                 hint="token 0 is cls_token + pos_embed[:, 0]: concatenate first, then add pos_embed")
    assert_close(got.detach(), want, name="PatchEmbedding output", **TIGHT,
                 hint="flatten each patch in (C, p, p) order and list patches row by row of the patch grid")


@check("patch_embedding", points=1, pins=["patch-dtype", "dtype-follows"])
def test_patch_embedding_float32_module_gives_float32():
    module, (H, W), N = make_patch_embedding((8, 12), 4, 2, 6, seed=93, dtype=torch.float32)
    x = randn(np.random.default_rng(94), 3, 2, H, W).float()
    got = module.forward(x.clone())
    expect_dtype(got, torch.float32, "PatchEmbedding output of a float32 module and image")
    assert_close(got.detach(), conv_formulation(module, x, 4, 6), rtol=1e-5, atol=1e-6,
                 name="PatchEmbedding output in float32")


@check("patch_embedding", points=1, pins=["dtype-follows"])
def test_patch_embedding_on_the_inputs_device():
    module, (H, W), N = make_patch_embedding((8, 12), 4, 2, 6, seed=95)
    got = module.to("meta").forward(meta(3, 2, H, W))       # the module and the image on another device
    expect_on_meta(got, (3, 1 + N, 6), torch.float64, "PatchEmbedding output")


@check("patch_embedding", points=1, pins=["attributes"])
def test_patch_embedding_default_channels_and_width():
    torch.manual_seed(95)
    module = ar.PatchEmbedding(8, 4)
    expect(tuple(module.proj.weight.shape) == (768, 3 * 4 * 4) and tuple(module.pos_embed.shape) == (1, 5, 768),
           "PatchEmbedding(img_size, patch_size) should default to in_chans=3 and embed_dim=768")
    out = module(torch.zeros(1, 3, 8, 8))
    assert_shape(out, (1, 5, 768), name="PatchEmbedding(8, 4) output")


@check("patch_embedding", points=1, pins=["non-multiple-raises"])
@pytest.mark.parametrize("img_size", [(12, 18), (14, 16), 10], ids=["width", "height", "square_int"])
def test_patch_embedding_rejects_a_size_that_is_not_a_multiple(img_size):
    expect_raises(ValueError, lambda: ar.PatchEmbedding(img_size, 4, 3, 8),
                  f"PatchEmbedding(img_size={img_size}, patch_size=4) should raise ValueError: "
                  "the image size must be a multiple of the patch size")


@check("patch_embedding", points=1, pins=["attributes"])
def test_patch_embedding_gradients_reach_every_parameter():
    module, (H, W), N = make_patch_embedding((12, 20), 4, 3, 10, seed=91)
    out = module(randn(np.random.default_rng(92), 2, 3, H, W))
    out.pow(2).sum().backward()
    for name, param in module.named_parameters():
        expect(param.grad is not None and bool(param.grad.abs().sum() > 0),
               f"{name} gets no gradient: it must take part in forward")


# --- residual_block -------------------------------------------------------------------------------

def block_state(in_ch, out_ch, projection, seed):
    """A random state_dict with the pinned names, running stats included."""
    g = np.random.default_rng(seed)
    sd = {"conv1.weight": randn(g, out_ch, in_ch, 3, 3) / 3, "conv2.weight": randn(g, out_ch, out_ch, 3, 3) / 3}
    bns = ["bn1", "bn2"]
    if projection:
        sd["shortcut.0.weight"] = randn(g, out_ch, in_ch, 1, 1)
        bns.append("shortcut.1")
    for bn in bns:
        sd[f"{bn}.weight"] = 1 + 0.3 * randn(g, out_ch)
        sd[f"{bn}.bias"] = 0.3 * randn(g, out_ch)
        sd[f"{bn}.running_mean"] = 0.5 * randn(g, out_ch)
        sd[f"{bn}.running_var"] = torch.from_numpy(g.uniform(0.5, 2.0, size=out_ch))
        sd[f"{bn}.num_batches_tracked"] = torch.tensor(3)
    return sd


def reference_block(x, sd, stride, projection, training):
    """The block written with torch.nn.functional; running stats in `stats` are updated in place."""
    stats = {k: v.clone() for k, v in sd.items() if "running" in k}

    def bn(t, name):
        return F.batch_norm(t, stats[f"{name}.running_mean"], stats[f"{name}.running_var"],
                            sd[f"{name}.weight"], sd[f"{name}.bias"], training, 0.1, 1e-5)

    out = F.relu(bn(F.conv2d(x, sd["conv1.weight"], stride=stride, padding=1), "bn1"))
    out = bn(F.conv2d(out, sd["conv2.weight"], padding=1), "bn2")
    short = bn(F.conv2d(x, sd["shortcut.0.weight"], stride=stride), "shortcut.1") if projection else x
    return F.relu(out + short), stats


BLOCK_CASES = {"channels_and_stride": (3, 5, 2), "identity": (4, 4, 1),
               "stride_only": (4, 4, 2), "channels_only": (3, 6, 1)}


def loaded_block(in_ch, out_ch, stride, seed, dtype=torch.float64):
    projection = stride != 1 or in_ch != out_ch
    block = ar.ResidualBlock(in_ch, out_ch, stride)
    if dtype == torch.float64:
        block = block.double()
    sd = {k: (v.to(dtype) if v.is_floating_point() else v) for k, v in block_state(in_ch, out_ch, projection, seed).items()}
    keys = set(block.state_dict())
    missing, unexpected = sorted(set(sd) - keys), sorted(keys - set(sd))
    expect(not missing and not unexpected,
           f"ResidualBlock({in_ch}, {out_ch}, stride={stride}) parameter names differ from the brief: "
           f"missing {missing}, unexpected {unexpected} (conv1, bn1, conv2, bn2, shortcut; convs without bias)")
    block.load_state_dict({k: v.clone() for k, v in sd.items()})
    return block, sd, projection


@check("residual_block", points=1, pins=["relu-after-add", "attributes", "projection-either", "bn-defaults"])
@pytest.mark.parametrize("case", list(BLOCK_CASES.values()), ids=list(BLOCK_CASES))
def test_residual_block_train_mode_matches_reference(case):
    in_ch, out_ch, stride = case
    block, sd, projection = loaded_block(in_ch, out_ch, stride, seed=1000 + in_ch * out_ch * stride)
    x = randn(np.random.default_rng(1001 + stride), 4, in_ch, 9, 11)
    want, stats = reference_block(x, sd, stride, projection, training=True)
    got = block.train().forward(x.clone())  # forward by name: its contract is watched
    assert_shape(got, tuple(want.shape), name="ResidualBlock output",
                 hint="stride on conv1 and on the shortcut; padding 1 on the 3x3 convs")
    expect_dtype(got, torch.float64, "ResidualBlock output of a .double() block")
    assert_close(got.detach(), want, name="ResidualBlock output (train mode)", **TIGHT,
                 hint="relu(bn1(conv1 x)) -> bn2(conv2 .) + shortcut(x) -> relu; projection = 1x1 conv + BN")
    state = block.state_dict()
    for key, value in stats.items():
        assert_close(state[key], value, name=f"{key} after one training step", **TIGHT,
                     hint="each BatchNorm must see the tensor the brief says it normalises")


@check("residual_block", points=1, pins=["relu-after-add", "attributes", "projection-either", "bn-defaults"])
@pytest.mark.parametrize("case", list(BLOCK_CASES.values()), ids=list(BLOCK_CASES))
def test_residual_block_eval_mode_matches_reference(case):
    in_ch, out_ch, stride = case
    block, sd, projection = loaded_block(in_ch, out_ch, stride, seed=1100 + in_ch * out_ch * stride)
    x = randn(np.random.default_rng(1101 + stride), 3, in_ch, 10, 7)
    want, _ = reference_block(x, sd, stride, projection, training=False)
    with torch.no_grad():
        got = block.eval().forward(x.clone())
    assert_close(got, want, name="ResidualBlock output (eval mode)", **TIGHT,
                 hint="relu(bn1(conv1 x)) -> bn2(conv2 .) + shortcut(x) -> relu; projection = 1x1 conv + BN")
    expect(bool((got >= 0).all()), "the block's output has negative entries: the last ReLU goes after the add")


@check("residual_block", points=1, pins=["x-unchanged"])
@pytest.mark.parametrize("case", [(4, 4, 1), (3, 5, 2)], ids=["identity", "projection"])
def test_residual_block_leaves_its_input_unchanged(case):
    in_ch, out_ch, stride = case
    block, _, _ = loaded_block(in_ch, out_ch, stride, seed=1200 + in_ch * out_ch)
    x = randn(np.random.default_rng(1201), 2, in_ch, 6, 5)
    saved = x.clone()
    block.train().forward(x)
    expect(torch.equal(x, saved), "ResidualBlock.forward changed its input x in train mode: with the identity "
           "shortcut self.shortcut(x) is x itself, so do not add into it in place")
    with torch.no_grad():
        block.eval().forward(x)
    expect(torch.equal(x, saved), "ResidualBlock.forward changed its input x in eval mode: with the identity "
           "shortcut self.shortcut(x) is x itself, so do not add into it in place")


@check("residual_block", points=1, pins=["projection-either"])
def test_residual_block_default_stride_is_one():
    block = ar.ResidualBlock(4, 4)
    keys = set(block.state_dict())
    expect(not any(k.startswith("shortcut.") for k in keys),
           "ResidualBlock(4, 4) (default stride 1, same channels) should use the identity shortcut")
    expect(tuple(block.conv1.stride) == (1, 1), "ResidualBlock(in_ch, out_ch) should default to stride 1")
    out = block.eval()(torch.zeros(1, 4, 6, 5))
    assert_shape(out, (1, 4, 6, 5), name="ResidualBlock(4, 4) output", hint="stride 1 keeps the spatial size")


@check("residual_block", points=1, pins=["block-dtype", "dtype-follows"])
def test_residual_block_float32_gives_float32():
    block, sd, projection = loaded_block(3, 4, 2, seed=1300, dtype=torch.float32)
    x = randn(np.random.default_rng(1301), 3, 3, 8, 7).float()
    want, _ = reference_block(x, sd, 2, projection, training=True)
    got = block.train().forward(x.clone())
    expect_dtype(got, torch.float32, "ResidualBlock output of a float32 block and input")
    assert_close(got.detach(), want, rtol=1e-4, atol=1e-5, name="ResidualBlock output in float32")


@check("residual_block", points=1, pins=["dtype-follows"])
def test_residual_block_on_the_inputs_device():
    block, _, _ = loaded_block(3, 4, 2, seed=1302)
    got = block.train().to("meta").forward(meta(3, 3, 8, 7))   # the block and the image on another device
    expect_on_meta(got, (3, 4, 4, 4), torch.float64, "ResidualBlock output")


# --- receptive_field ------------------------------------------------------------------------------

def measured_receptive_field(layers):
    """Independent reference: stack 1-D convs of ones and see which inputs reach output 0."""
    x = torch.zeros(1, 1, 600, dtype=torch.float64, requires_grad=True)
    out = x
    for k, s, d in layers:
        out = F.conv1d(out, torch.ones(1, 1, k, dtype=torch.float64), stride=s, dilation=d)
    (grad,) = torch.autograd.grad(out[0, 0, 0], x)
    return int(torch.nonzero(grad[0, 0]).max()) + 1


RF_CASES = {
    "empty": [],
    "three_3x3": [(3, 1, 1)] * 3,
    "resnet_stem": [(7, 2, 1), (3, 2, 1), (3, 1, 1), (3, 1, 1)],
    "dilated_stack": [(3, 1, 1), (3, 1, 2), (3, 1, 4), (3, 1, 8)],
    "mixed": [(5, 2, 1), (3, 1, 2), (2, 2, 1), (3, 3, 3)],
    "stride_in_the_middle": [(3, 1, 1), (1, 4, 1), (3, 1, 1)],
    "dilated_after_stride": [(2, 2, 1), (3, 2, 2), (2, 1, 3)],
    "dilation_then_stride": [(3, 1, 2), (2, 3, 1), (3, 1, 3), (1, 2, 5), (2, 1, 1)],
    "pooling_layers": [(3, 1, 1), (2, 2, 1), (3, 1, 1), (2, 2, 1), (3, 1, 1)],
}


@check("receptive_field", points=1, pins=["first-nearest-input", "empty-is-one", "rf-int", "dilation-own-layer",
                                           "padding-irrelevant", "pool-as-layer"])
@pytest.mark.parametrize("layers", list(RF_CASES.values()), ids=list(RF_CASES))
def test_receptive_field_matches_measurement(layers):
    got = ar.receptive_field([tuple(layer) for layer in layers])
    expect(got is not None and float(got) == int(got), "receptive_field should return a whole number")
    expect(int(got) == measured_receptive_field(layers),
           "receptive field is wrong for this stack: each layer adds d*(k-1) times the product of the strides before it")
