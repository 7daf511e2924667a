"""Public checks for `neural_networks`: the basics of each kata. The hidden checks go further
(random expressions, ±1000 inputs, many steps against PyTorch, edge cases, inputs not modified)."""
import math

import numpy as np

from grader.check import assert_close, assert_shape, check, expect, learner

nn = learner("neural_networks")


@check("value", points=1)
def test_value_simple_expression():
    a, b, c = nn.Value(2.0), nn.Value(-3.0), nn.Value(10.0)
    d = a * b + c            # -6 + 10 = 4
    e = d.tanh()
    e.backward()
    expect(abs(e.data - math.tanh(4.0)) < 1e-12, "forward value of tanh(a * b + c) is wrong")
    g = 1 - math.tanh(4.0) ** 2
    assert_close([a.grad, b.grad, c.grad], [g * -3.0, g * 2.0, g], name="[a.grad, b.grad, c.grad]")


@check("value", points=1)
def test_value_reused_node_accumulates():
    a = nn.Value(3.0)
    y = a * a + a            # dy/da = 2a + 1 = 7
    y.backward()
    expect(abs(a.grad - 7.0) < 1e-12, "a is used three times: its grad should be the SUM of every "
                                      "contribution (use += in _backward)")


@check("value", points=1)
def test_value_reflected_ops():
    x = nn.Value(2.0)
    y = 1 + 3 * x - 2 / x + (1 - x) ** 2   # 1 + 6 - 1 + 1 = 7
    y.backward()                          # 3 + 2/x^2 - 2(1 - x) = 3 + 0.5 + 2 = 5.5
    expect(abs(y.data - 7.0) < 1e-12, "1 + 3*x - 2/x + (1 - x)**2 at x = 2 should be 7: check __radd__, __rmul__, __rtruediv__, __rsub__")
    expect(abs(x.grad - 5.5) < 1e-12, "the derivative at x = 2 should be 5.5")


@check("activations", points=1)
def test_activations_basic_values():
    x = np.array([-2.0, 0.0, 3.0])
    assert_close(nn.sigmoid(x), 1 / (1 + np.exp(-x)), name="sigmoid")
    assert_close(nn.relu(x), [0.0, 0.0, 3.0], name="relu")
    assert_close(nn.relu_grad(x), [0.0, 0.0, 1.0], name="relu_grad", hint="relu'(0) is pinned to 0")
    assert_close(nn.tanh_grad(x), 1 - np.tanh(x) ** 2, name="tanh_grad")


@check("activations", points=1)
def test_gelu_known_values():
    from scipy.stats import norm

    x = np.array([-1.0, 0.0, 0.5, 2.0])
    assert_close(nn.gelu(x), x * norm.cdf(x), name="gelu", hint="exact GELU: x * Phi(x), not the tanh approximation")


@check("softmax", points=1)
def test_softmax_rows():
    x = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
    s = nn.softmax(x)
    assert_shape(s, (2, 3), name="softmax(x)")
    e = np.exp([1.0, 2.0, 3.0])
    assert_close(s, [e / e.sum(), [1 / 3] * 3], name="softmax(x)", hint="normalise over the last axis")
    assert_close(nn.log_softmax(x), np.log([e / e.sum(), [1 / 3] * 3]), name="log_softmax(x)")


@check("softmax", points=1)
def test_softmax_huge_logits():
    s = np.asarray(nn.softmax(np.array([1000.0, 1000.0])), dtype=float)
    expect(np.all(np.isfinite(s)), "softmax([1000, 1000]) is not finite: subtract the max first")
    assert_close(s, [0.5, 0.5], name="softmax([1000, 1000])")


@check("perceptron", points=1)
def test_perceptron_and_gate():
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([-1, -1, -1, 1])
    w, b, n_epochs, n_mistakes = nn.perceptron_train(X, y, 100)
    expect(np.all(y * (X @ w + b) > 0), "the AND gate is separable: the result should classify every row")
    expect(n_epochs < 100, "stop after the first epoch without a mistake")


@check("mlp_forward_backward", points=1)
def test_mlp_shapes_and_uniform_loss():
    rng = np.random.default_rng(0)
    D, H, C, N = 3, 5, 4, 6
    params = {"W1": rng.normal(size=(D, H)), "b1": np.zeros(H), "W2": np.zeros((H, C)), "b2": np.zeros(C)}
    X, y = rng.normal(size=(N, D)), rng.integers(0, C, size=N)
    loss, grads = nn.mlp_forward_backward(params, X, y)
    expect(abs(loss - math.log(C)) < 1e-12, "with W2 = 0 and b2 = 0 every class has probability 1/C: loss = log(C)")
    for k, v in params.items():
        assert_shape(grads[k], v.shape, name=f"grads[{k!r}]")


@check("gradient_check", points=1)
def test_gradient_check_on_a_quadratic():
    params = {"w": np.array([1.0, -2.0, 0.5])}
    f = lambda p: float(np.sum(p["w"] ** 2))
    good = nn.gradient_check(f, params, {"w": 2 * params["w"]})
    bad = nn.gradient_check(f, params, {"w": -2 * params["w"]})
    expect(good["w"] < 1e-8, "a correct gradient should give a relative error below 1e-8")
    expect(abs(bad["w"] - 1.0) < 1e-6, "the opposite gradient should give relative error 1: ||a - (-a)|| / (||a|| + ||a||)")


@check("sgd_momentum", points=1)
def test_sgd_momentum_two_steps():
    p, g = np.array([1.0, 2.0]), np.array([0.5, -1.0])
    p1, s1 = nn.sgd_momentum_step(p, g, None, lr=0.1, momentum=0.9)
    p2, s2 = nn.sgd_momentum_step(p1, g, s1, lr=0.1, momentum=0.9)
    assert_close(p1, p - 0.1 * g, name="param after step 1", hint="v starts at 0, so v1 = grad")
    assert_close(p2, p1 - 0.1 * (0.9 * g + g), name="param after step 2", hint="v2 = momentum * v1 + grad")


@check("adam", points=1)
def test_adam_first_step_is_about_lr():
    p, g = np.array([1.0, -1.0, 0.0]), np.array([0.3, -5.0, 1e-3])
    p1, state = nn.adam_step(p, g, None, lr=0.1)
    expect(state["t"] == 1, "state['t'] should be 1 after the first step")
    assert_close(p1, p - 0.1 * g / (np.abs(g) + 1e-8), name="param after one Adam step",
                 hint="with bias correction m_hat = g and v_hat = g^2 on step 1")


@check("batchnorm", points=1)
def test_batchnorm_training_normalises_columns():
    x = np.random.default_rng(1).normal(loc=5.0, scale=2.0, size=(8, 3))
    out, rm, rv = nn.batchnorm_forward(x, np.ones(3), np.zeros(3), np.zeros(3), np.ones(3), 0.1, 0.0, True)
    assert_close(np.asarray(out).mean(axis=0), np.zeros(3), atol=1e-10, name="column means of out")
    assert_close(np.asarray(out).var(axis=0), np.ones(3), name="column variances of out",
                 hint="normalise with the biased batch variance")
    assert_close(rm, 0.1 * x.mean(axis=0), name="new running_mean")


@check("layernorm", points=1)
def test_layernorm_rows():
    x = np.array([[1.0, 2.0, 3.0, 4.0], [-1.0, 0.0, 0.0, 1.0]])
    y = nn.layernorm_forward(x, np.ones(4), np.zeros(4), 1e-5)
    m = x.mean(1, keepdims=True)
    assert_close(y, (x - m) / np.sqrt(x.var(1, keepdims=True) + 1e-5), name="layernorm(x)")


@check("dropout", points=1)
def test_dropout_pinned_mask():
    x = np.arange(1.0, 11.0)
    out = nn.dropout(x, 0.5, True, np.random.default_rng(0))
    keep = np.random.default_rng(0).random(10) >= 0.5
    assert_close(out, x * keep / 0.5, name="dropout(x)", hint="keep = rng.random(x.shape) >= p, scale by 1/(1-p)")
    assert_close(nn.dropout(x, 0.5, False, np.random.default_rng(0)), x, name="dropout in eval mode")


@check("init", points=1)
def test_init_shapes_and_bound():
    w = np.asarray(nn.xavier_uniform((30, 50), np.random.default_rng(0)))
    assert_shape(w, (30, 50), name="xavier_uniform((30, 50))")
    expect(np.abs(w).max() <= math.sqrt(6 / 80), "Xavier weights must lie within ±sqrt(6 / (fan_in + fan_out))")
    k = np.asarray(nn.kaiming_normal((20, 40, 3), np.random.default_rng(0)))
    assert_shape(k, (20, 40, 3), name="kaiming_normal((20, 40, 3))")


@check("lr_schedule", points=1)
def test_schedule_small_example():
    lrs = [nn.cosine_schedule_with_warmup(s, 4, 10, 1.0, 0.0) for s in range(11)]
    assert_close(lrs[:5], [0.25, 0.5, 0.75, 1.0, 1.0], name="lr at steps 0..4",
                 hint="warmup is pinned to base_lr * (step + 1) / warmup_steps")
    assert_close(lrs[7], 0.5, name="lr at step 7 (halfway through the decay)")
    assert_close(lrs[10], 0.0, name="lr at total_steps")


@check("clip_grad_norm", points=1)
def test_clip_two_vectors():
    grads = [np.array([3.0, 0.0]), np.array([0.0, 4.0])]      # global norm 5
    clipped, total = nn.clip_grad_norm(grads, 1.0)
    expect(abs(total - 5.0) < 1e-12, "total_norm should be the global norm of all gradients, 5 here")
    coef = 1.0 / (5.0 + 1e-6)
    assert_close(clipped[0], [3.0 * coef, 0.0], name="clipped[0]")
    assert_close(clipped[1], [0.0, 4.0 * coef], name="clipped[1]")
