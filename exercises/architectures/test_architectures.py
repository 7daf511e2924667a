"""Public checks for the architectures topic: the basics. `make check TOPIC=architectures`.
The hidden checks (`make grade PHASE=3`) go further: more shapes, strides, paddings and dilations,
ties, gradients through time, saturation, train and eval mode, inputs not mutated."""
import numpy as np
import torch
import torch.nn.functional as F

from grader.check import assert_close, assert_shape, check, expect, learner

ar = learner("architectures")


def t64(a):
    return torch.as_tensor(np.asarray(a), dtype=torch.float64)


@check("conv2d", points=1)
def test_conv_output_shape_example():
    got = ar.conv_output_shape(32, 20, kernel=3, stride=2, padding=1)
    want = tuple(F.conv2d(torch.zeros(1, 1, 32, 20), torch.zeros(1, 1, 3, 3), stride=2, padding=1).shape[2:])
    expect(tuple(int(v) for v in got) == want, f"conv_output_shape(32, 20, 3, 2, 1) gave {tuple(got)}, expected {want}")


@check("conv2d", points=1)
def test_conv2d_matches_torch():
    rng = np.random.default_rng(0)
    x, w, b = rng.normal(size=(2, 3, 7, 9)), rng.normal(size=(4, 3, 3, 2)), rng.normal(size=4)
    got = ar.conv2d(x, w, b, stride=1, padding=1, dilation=1)
    want = F.conv2d(t64(x), t64(w), t64(b), stride=1, padding=1)
    assert_shape(got, tuple(want.shape), name="conv2d output")
    assert_close(got, want, name="conv2d output", hint="cross-correlation: do not flip the kernel")


@check("pooling", points=1)
def test_max_and_avg_pool_match_torch():
    x = np.random.default_rng(1).normal(size=(2, 3, 6, 8))
    assert_close(ar.max_pool2d(x, 2), F.max_pool2d(t64(x), 2), name="max_pool2d(x, 2)")
    assert_close(ar.avg_pool2d(x, 3, 2, 1), F.avg_pool2d(t64(x), 3, 2, 1, count_include_pad=False),
                 name="avg_pool2d(x, 3, 2, 1)", hint="padding does not count in the average")


@check("pooling", points=1)
def test_max_pool2d_backward_matches_autograd():
    rng = np.random.default_rng(2)
    x = rng.normal(size=(2, 3, 6, 8))
    g = rng.normal(size=(2, 3, 3, 4))
    xt = t64(x).requires_grad_(True)
    (want,) = torch.autograd.grad(F.max_pool2d(xt, 2), xt, t64(g))
    assert_close(ar.max_pool2d_backward(x, g, 2), want, name="max_pool2d_backward(x, g, 2)")


def rnn_inputs(T=5, B=3, D=4, H=6, seed=3):
    rng = np.random.default_rng(seed)
    return (rng.normal(size=(T, B, D)), rng.normal(size=(B, H)),
            rng.normal(size=(H, D)) / 2, rng.normal(size=(H, H)) / 2, rng.normal(size=H))


def torch_hs(x, h0, W_xh, W_hh, b, track=False):
    leaves = [t64(a).requires_grad_(track) for a in (x, h0, W_xh, W_hh, b)]
    xt, h, Wx, Wh, bt = leaves
    hs = []
    for t in range(xt.shape[0]):
        h = torch.tanh(xt[t] @ Wx.T + h @ Wh.T + bt)
        hs.append(h)
    return torch.stack(hs), leaves


@check("rnn_forward", points=1)
def test_rnn_forward_matches_torch_loop():
    args = rnn_inputs()
    got = ar.rnn_forward(*args)
    want, _ = torch_hs(*args)
    assert_shape(got, (5, 3, 6), name="hs")
    assert_close(got, want, name="hs")


@check("rnn_backward", points=1)
def test_rnn_backward_matches_autograd():
    args = rnn_inputs(seed=4)
    G = np.random.default_rng(5).normal(size=(5, 3, 6))
    hs, leaves = torch_hs(*args, track=True)
    want = torch.autograd.grad((hs * t64(G)).sum(), leaves)
    x, h0, W_xh, W_hh, _ = args
    got = ar.rnn_backward(x, h0, W_xh, W_hh, hs.detach().numpy(), G)
    for name, g, w in zip(("dx", "dh0", "dW_xh", "dW_hh", "db"), got, want):
        assert_close(g, w, name=name)


@check("lstm_cell", points=1)
def test_lstm_cell_matches_torch():
    torch.manual_seed(6)
    cell = torch.nn.LSTMCell(5, 4).double()
    x, h, c = torch.randn(3, 5, dtype=torch.float64), torch.randn(3, 4, dtype=torch.float64), torch.randn(3, 4, dtype=torch.float64)
    want_h, want_c = cell(x, (h, c))
    got_h, got_c = ar.lstm_cell(x, h, c, cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh)
    assert_close(got_c.detach(), want_c.detach(), name="c_next", hint="gate order (i, f, g, o)")
    assert_close(got_h.detach(), want_h.detach(), name="h_next")


@check("gru_cell", points=1)
def test_gru_cell_matches_torch():
    torch.manual_seed(7)
    cell = torch.nn.GRUCell(5, 4).double()
    x, h = torch.randn(3, 5, dtype=torch.float64), torch.randn(3, 4, dtype=torch.float64)
    got = ar.gru_cell(x, h, cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh)
    assert_close(got.detach(), cell(x, h).detach(), name="h_next", hint="gate order (r, z, n)")


@check("patch_embedding", points=1)
def test_patch_embedding_shapes_and_class_token():
    torch.manual_seed(8)
    module = ar.PatchEmbedding((8, 12), 4, 3, 10).double()
    expect(module.num_patches == 6, "num_patches should be (8 // 4) * (12 // 4) = 6")
    out = module(torch.randn(2, 3, 8, 12, dtype=torch.float64))
    assert_shape(out, (2, 7, 10), name="output", hint="(B, 1 + N, D)")
    assert_close(out[:, 0].detach(), (module.cls_token + module.pos_embed[:, 0]).expand(2, 1, 10)[:, 0].detach(),
                 name="output[:, 0]", hint="token 0 is cls_token + pos_embed[:, 0]")


@check("residual_block", points=1)
def test_residual_block_shapes_and_names():
    block = ar.ResidualBlock(3, 5, stride=2)
    out = block(torch.randn(4, 3, 9, 11))
    assert_shape(out, (4, 5, 5, 6), name="ResidualBlock(3, 5, 2) output")
    expect(bool((out >= 0).all()), "the output should go through a final ReLU")
    names = set(block.state_dict())
    for key in ("conv1.weight", "bn1.weight", "conv2.weight", "bn2.running_mean", "shortcut.0.weight", "shortcut.1.weight"):
        expect(key in names, f"{key} missing from state_dict(): see the pinned attribute names in the brief")


def measured_rf(layers):
    x = torch.zeros(1, 1, 200, dtype=torch.float64, requires_grad=True)
    out = x
    for k, s, d in layers:
        out = F.conv1d(out, torch.ones(1, 1, k, dtype=torch.float64), stride=s, dilation=d)
    (grad,) = torch.autograd.grad(out[0, 0, 0], x)
    return int(torch.nonzero(grad[0, 0]).max()) + 1


@check("receptive_field", points=1)
def test_receptive_field_examples():
    for layers in ([(3, 1, 1), (3, 1, 1)], [(3, 2, 1), (3, 1, 2)]):
        got = ar.receptive_field(layers)
        expect(got == measured_rf(layers), f"receptive_field({layers}) gave {got}, expected {measured_rf(layers)}")
