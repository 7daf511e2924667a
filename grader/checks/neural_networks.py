"""Hidden checks for `neural_networks`: every kata against PyTorch in float64 (weights copied where
there are parameters), scikit-learn, or a property. Sizes differ on every axis."""
from __future__ import annotations

import math

import numpy as np
import pytest
import torch
import torch._dynamo  # noqa: F401  the first torch.optim constructor imports it (~5 s): preload it once
import torch.nn.functional as F
from scipy import stats

from grader.check import assert_close, assert_shape, check, expect, learner

nn = learner("neural_networks")
T64 = torch.float64


def t(a, grad=False):
    return torch.tensor(np.asarray(a, dtype=float), dtype=T64, requires_grad=grad)


# =============================================================================================
# value
# =============================================================================================

UNARY = [
    lambda a: 1.5 + a,                  # __radd__
    lambda a: -0.7 * a,                 # __rmul__
    lambda a: 2.0 - a,                  # __rsub__
    lambda a: 1.0 / (a * a + 0.5),      # __rtruediv__
    lambda a: -a,                       # __neg__
    lambda a: a ** 3,
    lambda a: (a * a + 1.0) ** 0.5,
    lambda a: (a * a + 1.0) ** -1.5,
    lambda a: a.tanh().exp(),
    lambda a: (a * a + 0.5).log(),
    lambda a: a.tanh(),
    lambda a: a.relu(),
    lambda a: a / 3.0,
    lambda a: a - 0.25,
]
BINARY = [
    lambda a, b: a + b,
    lambda a, b: a * b,
    lambda a, b: a - b,
    lambda a, b: a / (b * b + 1.0),
    lambda a, b: (a * b).tanh(),
]


def build(seed, leaves, n_ops=28):
    """The same random expression over `leaves` (Values or tensors); nodes are reused often."""
    rng = np.random.default_rng(seed)
    pool = list(leaves)
    for _ in range(n_ops):
        if rng.random() < 0.5:
            op = BINARY[rng.integers(len(BINARY))]
            i, j = rng.integers(len(pool), size=2)
            node = op(pool[i], pool[j])
        else:
            op = UNARY[rng.integers(len(UNARY))]
            node = op(pool[rng.integers(len(pool))])
        pool.append(node.tanh() if rng.random() < 0.2 else node)
    out = pool[-1]
    for k in rng.integers(len(pool), size=3):   # a few more uses of earlier nodes
        out = out + pool[k]
    return out


def value_grads(expr_seed, xs):
    leaves = [nn.Value(x) for x in xs]
    out = build(expr_seed, leaves)
    out.backward()
    return out.data, [v.grad for v in leaves]


def torch_grads(expr_seed, xs):
    leaves = [t(x, grad=True) for x in xs]
    out = build(expr_seed, leaves)
    out.backward()
    return out.item(), [0.0 if v.grad is None else v.grad.item() for v in leaves]  # None: leaf unused


@pytest.mark.parametrize("seed", [1, 2, 3, 4], ids=["expr1", "expr2", "expr3", "expr4"])
@check("value", points=1, pins=["new-node", "accumulate", "reverse-topo", "constants-either-side"])
def test_value_random_expression_matches_torch(seed):
    xs = list(np.random.default_rng(100 + seed).uniform(-1.5, 1.5, size=4))
    want_out, want_grads = torch_grads(seed, xs)
    got_out, got_grads = value_grads(seed, xs)
    assert_close(got_out, want_out, name="forward value", rtol=1e-9,
                 hint="check each operation's forward formula")
    assert_close(got_grads, want_grads, name="leaf gradients", rtol=1e-8, atol=1e-10,
                 hint="nodes are reused in this expression: gradients must be accumulated (+=), "
                      "and each node's _backward must run only after all its users' have (reverse topological order)")


@check("value", points=1, pins=["accumulate"])
def test_value_micrograd_sanity_expression():
    def expr(x):
        z = 2 * x + 2 + x
        q = z.relu() + z * x
        h = (z * z).relu()
        return h + q + q * x

    x = nn.Value(-4.0)
    y = expr(x)
    y.backward()
    xt = t(-4.0, grad=True)
    yt = expr(xt)
    yt.backward()
    assert_close(y.data, yt.item(), name="y.data")
    assert_close(x.grad, xt.grad.item(), name="x.grad",
                 hint="x feeds several nodes: every path's contribution must be added")


@check("value", points=1, pins=["reverse-topo"])
def test_value_shared_subexpression():
    # b is used by three nodes; each must be finished before b pushes its gradient down
    def expr(a, c):
        b = a * c + 1.0
        d = b * b
        e = d + b
        return e * b - (d / (c * c + 2.0))

    a, c = nn.Value(0.7), nn.Value(-1.3)
    out = expr(a, c)
    out.backward()
    at, ct = t(0.7, True), t(-1.3, True)
    expr(at, ct).backward()
    assert_close([a.grad, c.grad], [at.grad.item(), ct.grad.item()], name="[a.grad, c.grad]",
                 hint="a node's gradient is complete only after every node that uses it ran _backward: "
                      "build a topological order and walk it from the output backwards")


@check("value", points=1, pins=["relu-zero"])
def test_value_relu_at_zero_and_negative():
    for x0, want in [(0.0, 0.0), (-2.5, 0.0), (1.5, 1.0)]:
        x = nn.Value(x0)
        y = x.relu() * 3.0
        y.backward()
        expect(float(y.data) == max(x0, 0.0) * 3.0, f"relu({x0}) has the wrong value")
        expect(float(x.grad) == 3.0 * want,
               f"d relu(x)/dx at x = {x0} should be {want}" + (" (the brief pins relu'(0) = 0)" if x0 == 0 else ""))


@check("value", points=1, pins=["tanh-finite"])
def test_value_tanh_is_finite_at_large_inputs():
    for x0 in (1000.0, -1000.0, 50.0):
        x = nn.Value(x0)
        y = x.tanh()
        y.backward()
        expect(math.isfinite(y.data) and abs(y.data - math.tanh(x0)) < 1e-12,
               f"tanh({x0}) should be {math.tanh(x0):+.0f}: exp(2x) overflows, use math.tanh or a stable form")
        expect(math.isfinite(x.grad) and abs(x.grad) < 1e-12, f"d tanh/dx at {x0} should be 0")


@check("value", points=1, pins=["constants-either-side"])
def test_value_constants_on_either_side():
    # each binary operation with a plain number on the left and on the right, against d/dx by hand
    cases = [
        (lambda v: v + 2.5, lambda x: x + 2.5, lambda x: 1.0),
        (lambda v: 2.5 + v, lambda x: 2.5 + x, lambda x: 1.0),
        (lambda v: v - 2.5, lambda x: x - 2.5, lambda x: 1.0),
        (lambda v: 2.5 - v, lambda x: 2.5 - x, lambda x: -1.0),
        (lambda v: v * 3, lambda x: x * 3, lambda x: 3.0),
        (lambda v: 3 * v, lambda x: 3 * x, lambda x: 3.0),
        (lambda v: v / 4, lambda x: x / 4, lambda x: 0.25),
        (lambda v: 4 / v, lambda x: 4 / x, lambda x: -4 / x ** 2),
        (lambda v: v ** 3, lambda x: x ** 3, lambda x: 3 * x ** 2),
        (lambda v: v ** -0.5, lambda x: x ** -0.5, lambda x: -0.5 * x ** -1.5),
    ]
    names = ["v + c", "c + v", "v - c", "c - v", "v * c", "c * v", "v / c", "c / v", "v ** 3", "v ** -0.5"]
    for x0 in (1.7, 0.6):
        for name, (op, f, df) in zip(names, cases):
            v = nn.Value(x0)
            out = op(v)
            out.backward()
            expect(abs(float(out.data) - f(x0)) <= 1e-12 * max(1.0, abs(f(x0))),
                   f"{name} with a plain number c has the wrong value: the constant may stand on either side")
            expect(abs(float(v.grad) - df(x0)) <= 1e-12 * max(1.0, abs(df(x0))),
                   f"d({name})/dv is wrong: a plain number is a constant (check the reflected __r*__ forms)")


@check("value", points=1, pins=["accumulate", "reverse-topo"])
def test_value_unary_ops_on_a_reused_node():
    # 3 op(v) + 2 v: v's gradient has two contributions, one through op's _backward (out.grad = 3 there), one
    # through the product
    cases = {"exp": (math.exp, math.exp), "log": (math.log, lambda x: 1 / x), "tanh": (math.tanh, lambda x: 1 - math.tanh(x) ** 2),
             "relu": (lambda x: max(x, 0.0), lambda x: float(x > 0))}
    for x0 in (0.8, 1.9):
        for name, (f, df) in cases.items():
            v = nn.Value(x0)
            out = getattr(v, name)() * 3.0 + v * 2.0
            out.backward()
            expect(abs(float(out.data) - (3 * f(x0) + 2 * x0)) < 1e-12, f"{name}(v) has the wrong value")
            expect(abs(float(v.grad) - (3 * df(x0) + 2.0)) < 1e-12,
                   f"d(3 {name}(v) + 2 v)/dv is wrong: {name}'s _backward must ADD its local derivative times out.grad "
                   "into v.grad (+=), never overwrite what other uses of v put there")


@check("value", points=1, pins=["data-float", "manual-node"])
def test_value_made_by_hand():
    leaf = nn.Value(2.0)
    node = nn.Value(5, (leaf,), "custom")
    expect(isinstance(node.data, float) and float(node.data) == 5.0, "Value(5).data should be the float 5.0")
    expect(float(node.grad) == 0.0 and float(leaf.grad) == 0.0, "a new Value starts with grad = 0.0")
    out = node * 2.0 + leaf
    out.backward()
    expect(float(node.grad) == 2.0, "d(node * 2 + leaf)/d node should be 2")
    expect(float(leaf.grad) == 1.0, "a node made by hand (children but no _backward of its own) must push nothing "
                                    "back to its children: only the + path reaches leaf here")


# =============================================================================================
# activations
# =============================================================================================

EXTREMES = np.array([0.0, 50.0, -50.0, 1000.0, -1000.0, 1e-12, -1e-12, 3.0, -3.0])
ACTS = {
    "sigmoid": torch.sigmoid,
    "relu": torch.relu,
    "tanh": torch.tanh,
    "gelu": lambda z: F.gelu(z, approximate="none"),
}


def act_inputs(seed):
    x = np.random.default_rng(seed).normal(scale=3.0, size=(3, 5, 7))
    x[0, 0, :] = EXTREMES[:7]
    x[1, 0, :2] = EXTREMES[7:]
    return x


@pytest.mark.parametrize("name", list(ACTS), ids=list(ACTS))
@check("activations", points=1, pins=["finite-extremes", "exact-gelu", "float64-result", "ban-any-path"])
def test_activation_forward_matches_torch(name):
    x = act_inputs(7)
    x0 = x.copy()
    got = getattr(nn, name)(x)
    assert_close(got, ACTS[name](t(x)), name=f"{name}(x)", rtol=1e-9, atol=1e-12,
                 hint="the input holds 0, ±50 and ±1000: use a form that never overflows"
                      + (" and the exact erf GELU, not the tanh approximation" if name == "gelu" else ""))
    expect(np.array_equal(x, x0), f"{name} modified its input array: return a new array")


@pytest.mark.parametrize("name", list(ACTS), ids=list(ACTS))
@check("activations", points=1, pins=["finite-extremes", "relu-grad-zero"])
def test_activation_derivative_matches_autograd(name):
    x = act_inputs(8)
    xt = t(x, grad=True)
    (want,) = torch.autograd.grad(ACTS[name](xt).sum(), xt)
    got = getattr(nn, f"{name}_grad")(x)
    assert_close(got, want, name=f"{name}_grad(x)", rtol=1e-9, atol=1e-12,
                 hint={"sigmoid": "sigma'(x) = sigma(x) (1 - sigma(x)), with a stable sigma",
                       "relu": "1 where x > 0, else 0 (relu'(0) = 0 is pinned)",
                       "tanh": "1 - tanh(x)^2",
                       "gelu": "d/dx x Phi(x) = Phi(x) + x phi(x), phi the standard normal density"}[name])


@check("activations", points=1, pins=["relu-grad-zero"])
def test_relu_grad_at_exactly_zero_is_zero():
    got = np.asarray(nn.relu_grad(np.array([0.0, -0.0, 2.0, -2.0])), dtype=float)
    expect(got[0] == 0 and got[1] == 0, "relu_grad(0) should be 0: the brief pins relu'(0) = 0 (use x > 0)")
    expect(got[2] == 1 and got[3] == 0, "relu_grad should be 1 for x > 0 and 0 for x < 0")


@check("activations", points=1, pins=["finite-extremes"])
def test_sigmoid_stays_in_unit_interval_at_extremes():
    x = np.array([-1000.0, -745.0, -50.0, 0.0, 50.0, 745.0, 1000.0])
    s = np.asarray(nn.sigmoid(x), dtype=float)
    expect(np.all(np.isfinite(s)), "sigmoid returns inf/NaN at ±1000: exp(x) overflowed; "
                                   "only exponentiate non-positive numbers")
    expect(np.all((s >= 0) & (s <= 1)), "sigmoid must stay within [0, 1]")
    expect(s[3] == 0.5, "sigmoid(0) should be exactly 0.5")
    assert_close(s + np.asarray(nn.sigmoid(-x), dtype=float), np.ones_like(x),
                 name="sigmoid(x) + sigmoid(-x)", hint="these should add up to 1")


@check("activations", points=1, pins=["new-array", "float64-result"])
def test_activations_return_new_float64_arrays():
    x = np.abs(np.random.default_rng(9).normal(size=(4, 6))) + 0.5    # all positive: relu(x) == x
    x0 = x.copy()
    for name in ["sigmoid", "sigmoid_grad", "relu", "relu_grad", "tanh", "tanh_grad", "gelu", "gelu_grad"]:
        out = getattr(nn, name)(x)
        expect(isinstance(out, np.ndarray) and out.dtype == np.float64 and out.shape == x.shape,
               f"{name} should return a float64 array of x's shape")
        expect(not np.shares_memory(out, x), f"{name} returned the input array (or a view of it): return a new array")
        expect(np.array_equal(x, x0), f"{name} modified its input array")
    v = np.array([-2.0, 0.0, 0.5, 1000.0, -1000.0])          # 1-D
    assert_close(nn.relu(v), np.maximum(v, 0.0), name="relu of a 1-D array")
    assert_close(nn.relu_grad(v), (v > 0).astype(float), name="relu_grad of a 1-D array",
                 hint="1 where x > 0, else 0")


# =============================================================================================
# softmax
# =============================================================================================

@pytest.mark.parametrize("fn", ["softmax", "log_softmax"], ids=["softmax", "log_softmax"])
@check("softmax", points=1, pins=["last-axis", "no-mutation", "ban-any-path"])
def test_softmax_matches_torch_on_last_axis(fn):
    x = np.random.default_rng(21).normal(scale=4.0, size=(4, 6, 9))
    x0 = x.copy()
    got = getattr(nn, fn)(x)
    assert_close(got, getattr(torch, fn)(t(x), dim=-1), name=f"{fn}(x)", rtol=1e-9, atol=1e-12,
                 hint="normalise over the LAST axis (axis=-1)")
    expect(np.array_equal(x, x0), f"{fn} modified its input: subtract the max into a new array, not x -= ...")


@pytest.mark.parametrize("fn", ["softmax", "log_softmax"], ids=["softmax", "log_softmax"])
@check("softmax", points=1, pins=["stable", "log-finite"])
def test_softmax_is_stable_at_huge_logits(fn):
    x = np.array([[1000.0, 999.0, -1000.0, 0.0, 998.5],
                  [-1000.0, -1000.0, -1000.0, -1000.0, -1000.0],
                  [0.0, -1000.0, 3.0, 2.0, 1.0],
                  [50.0, -50.0, 0.0, 1000.0, -1000.0]])
    got = np.asarray(getattr(nn, fn)(x), dtype=float)
    expect(np.all(np.isfinite(got)),
           f"{fn} returns inf/NaN for logits of ±1000: subtract the row max first"
           + ("; and compute log-softmax as z - log(sum(exp(z))), not log(softmax) (which is log(0) = -inf)"
              if fn == "log_softmax" else ""))
    assert_close(got, getattr(torch, fn)(t(x), dim=-1), name=f"{fn}(huge logits)", rtol=1e-9, atol=1e-12)


@check("softmax", points=1, pins=["one-d"])
def test_softmax_rows_sum_to_one_for_1d_and_2d():
    v = np.random.default_rng(22).normal(size=11)
    expect(abs(float(np.sum(nn.softmax(v))) - 1.0) < 1e-12, "softmax of a 1-D vector should sum to 1")
    M = np.random.default_rng(23).normal(size=(7, 3))
    s = np.asarray(nn.softmax(M), dtype=float)
    assert_shape(s, (7, 3), name="softmax(M)")
    assert_close(s.sum(axis=-1), np.ones(7), name="row sums", hint="each row (last axis) should sum to 1")
    assert_close(np.exp(np.asarray(nn.log_softmax(M), dtype=float)), s, name="exp(log_softmax(M))",
                 hint="log_softmax should be the log of softmax")


@check("softmax", points=1, pins=["one-d", "stable", "log-finite"])
def test_softmax_1d_at_huge_logits():
    v = np.array([1000.0, -1000.0, 999.0, 0.0, 1000.0, -3.5])
    v0 = v.copy()
    for fn in ("softmax", "log_softmax"):
        got = np.asarray(getattr(nn, fn)(v), dtype=float)
        assert_shape(got, (6,), name=f"{fn} of a 1-D vector")
        assert_close(got, getattr(torch, fn)(t(v), dim=-1), name=f"{fn} of a 1-D vector at ±1000",
                     rtol=1e-9, atol=1e-12, hint="subtract the max of the vector first; log_softmax = z - log(sum(exp(z)))")
    expect(np.array_equal(v, v0), "softmax modified its input")


# =============================================================================================
# perceptron
# =============================================================================================

def reference_perceptron(X, y, epochs):
    """Independent loop: returns (w, b, passes, updates)."""
    w, b, updates, passes = np.zeros(X.shape[1]), 0.0, 0, 0
    while passes < epochs:
        passes += 1
        wrong = 0
        for i in range(len(y)):
            if y[i] * (np.dot(w, X[i]) + b) <= 0:
                w, b = w + y[i] * X[i], b + y[i]
                wrong += 1
        updates += wrong
        if not wrong:
            break
    return w, b, passes, updates


def separable(seed, n, d, margin=0.3):
    rng = np.random.default_rng(seed)
    w = rng.normal(size=d)
    X = rng.normal(size=(4 * n, d))
    s = (X @ w + 0.4) / np.linalg.norm(w)
    keep = np.abs(s) > margin
    X, s = X[keep][:n], s[keep][:n]
    return X, np.where(s > 0, 1, -1)


def unpack_perceptron(out, d):
    expect(isinstance(out, tuple) and len(out) == 4, "perceptron_train should return (w, b, n_epochs, n_mistakes)")
    w, b, ne, nm = out
    assert_shape(w, (d,), name="w")
    return np.asarray(w, dtype=float), float(b), int(ne), int(nm)


@pytest.mark.parametrize("seed", [31, 32], ids=["data1", "data2"])
@check("perceptron", points=1, pins=["zero-init", "rows-in-order", "mistake-le", "ban-any-path"])
def test_perceptron_matches_sklearn_on_separable_data(seed):
    from sklearn.linear_model import Perceptron

    X, y = separable(seed, 45, 4)
    w, b, ne, _ = unpack_perceptron(nn.perceptron_train(X.copy(), y.copy(), 500), 4)
    _, _, ref_ne, _ = reference_perceptron(X, y, 500)
    sk = Perceptron(shuffle=False, eta0=1.0, tol=None, max_iter=ref_ne, alpha=0.0).fit(X, y)
    assert_close(w, sk.coef_[0], name="w", hint="update w += y_i x_i when y_i (w.x_i + b) <= 0, rows in order")
    assert_close(b, sk.intercept_[0], name="b", hint="update b += y_i on every mistake")
    expect(np.all(y * (X @ w + b) > 0), "the returned (w, b) do not separate this separable data")


@check("perceptron", points=1, pins=["stop-clean", "counts"])
def test_perceptron_stops_after_a_clean_epoch():
    X, y = separable(33, 60, 3, margin=0.2)
    _, _, want_ne, want_nm = reference_perceptron(X, y, 1000)
    _, _, ne, nm = unpack_perceptron(nn.perceptron_train(X, y, 1000), 3)
    expect(ne < 1000, "perceptron_train ran every epoch on separable data: stop after an epoch with no mistake")
    expect(ne == want_ne, f"n_epochs is {ne}, which does not match the pinned counting: count every pass, "
                          "including the final mistake-free one")
    expect(nm == want_nm, "n_mistakes should be the total number of updates over all epochs")


@check("perceptron", points=1, pins=["stop-clean", "counts"])
def test_perceptron_non_separable_runs_all_epochs():
    rng = np.random.default_rng(34)
    X = rng.normal(size=(30, 2))
    y = np.where(X[:, 0] * X[:, 1] > 0, 1, -1)          # XOR-like: not linearly separable
    w_ref, b_ref, _, nm_ref = reference_perceptron(X, y, 13)
    w, b, ne, nm = unpack_perceptron(nn.perceptron_train(X, y, 13), 2)
    expect(ne == 13, "on data that is not separable every one of the `epochs` passes runs: n_epochs == epochs")
    assert_close(w, w_ref, name="w")
    assert_close(b, b_ref, name="b")
    expect(nm == nm_ref, "n_mistakes should be the total number of updates over all epochs")


@check("perceptron", points=1, pins=["mistake-le"])
def test_perceptron_separates_and_does_not_mutate():
    X, y = separable(35, 50, 5, margin=0.25)
    X0, y0 = X.copy(), y.copy()
    w, b, ne, nm = unpack_perceptron(nn.perceptron_train(X, y, 2000), 5)
    expect(np.array_equal(X, X0) and np.array_equal(y, y0), "perceptron_train modified X or y")
    Xa = np.hstack([X, np.ones((len(X), 1))])
    _, _, _, nm_ref = reference_perceptron(X, y, 2000)
    expect(nm == nm_ref, "the number of mistakes differs from the pinned rule (mistake when y(w.x + b) <= 0)")
    expect(np.all(y * (Xa @ np.append(w, b)) > 0), "the returned (w, b) do not separate the data")


@check("perceptron", points=1, pins=["stop-clean", "counts", "zero-init"])
def test_perceptron_zero_epochs_and_one_row():
    X = np.array([[0.5, -1.5, 2.0]])
    w, b, ne, nm = unpack_perceptron(nn.perceptron_train(X, np.array([1]), 0), 3)
    expect(ne == 0 and nm == 0, "with epochs = 0 no pass is made: n_epochs = 0 and n_mistakes = 0")
    expect(np.all(w == 0) and b == 0.0, "with epochs = 0 the weights stay at their start, w = 0 and b = 0")
    w, b, ne, nm = unpack_perceptron(nn.perceptron_train(X, np.array([-1]), 5), 3)
    expect(ne == 2 and nm == 1, "one row: the first pass makes one mistake (y (w.x + b) = 0 counts), the second is "
                                "clean, so n_epochs = 2 and n_mistakes = 1")
    assert_close(w, -X[0], name="w after one update")
    assert_close(b, -1.0, name="b after one update")


# =============================================================================================
# mlp_forward_backward
# =============================================================================================

def mlp_case(seed, N=12, D=7, H=16, C=5, scale=1.0):
    rng = np.random.default_rng(seed)
    params = {"W1": rng.normal(size=(D, H)) / np.sqrt(D), "b1": rng.normal(size=H) * 0.1,
              "W2": rng.normal(size=(H, C)) / np.sqrt(H) * scale, "b2": rng.normal(size=C) * 0.1}
    return params, rng.normal(size=(N, D)), rng.integers(0, C, size=N)


def torch_mlp(params, X, y):
    p = {k: t(v, grad=True) for k, v in params.items()}
    logits = torch.relu(t(X) @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]
    loss = F.cross_entropy(logits, torch.as_tensor(y), reduction="mean")
    loss.backward()
    return loss.item(), {k: v.grad.numpy() for k, v in p.items()}


@check("mlp_forward_backward", points=1, pins=["x-at-w", "mean-loss", "ban-any-path"])
def test_mlp_loss_matches_torch():
    params, X, y = mlp_case(41)
    loss, _ = nn.mlp_forward_backward(params, X, y)
    want, _ = torch_mlp(params, X, y)
    assert_close(loss, want, name="loss", hint="mean over the batch of -log softmax(logits)[i, y_i]")


@pytest.mark.parametrize("key", ["W1", "b1", "W2", "b2"], ids=["W1", "b1", "W2", "b2"])
@check("mlp_forward_backward", points=1, pins=["grads-dict", "mean-loss"])
def test_mlp_gradients_match_autograd(key):
    params, X, y = mlp_case(42)
    _, grads = nn.mlp_forward_backward(params, X, y)
    _, want = torch_mlp(params, X, y)
    expect(isinstance(grads, dict) and key in grads, f"grads should be a dict with key {key!r}")
    assert_close(grads[key], want[key], name=f"grads[{key!r}]",
                 hint="d loss/d logits = (softmax - onehot) / N for a MEAN loss; ReLU passes gradient only where X W1 + b1 > 0")


@check("mlp_forward_backward", points=1, pins=["stable"])
def test_mlp_is_stable_with_huge_logits():
    params, X, y = mlp_case(43, scale=2000.0)     # logits in the thousands
    loss, grads = nn.mlp_forward_backward(params, X, y)
    want, want_g = torch_mlp(params, X, y)
    expect(np.isfinite(loss), "loss is inf/NaN with logits in the thousands: use a stable log-softmax")
    assert_close(loss, want, name="loss (huge logits)")
    assert_close(grads["W2"], want_g["W2"], name="grads['W2'] (huge logits)")


@check("mlp_forward_backward", points=1, pins=["relu-zero"])
def test_mlp_relu_gradient_is_zero_at_exactly_zero():
    params, X, y = mlp_case(45)
    params["W1"][:, [2, 9]] = 0.0             # hidden units 2 and 9: pre-activation exactly 0 for every row
    params["b1"][[2, 9]] = 0.0
    _, grads = nn.mlp_forward_backward(params, X, y)
    _, want = torch_mlp(params, X, y)
    for key in ("W1", "b1"):
        assert_close(grads[key], want[key], name=f"grads[{key!r}] with pre-activations exactly 0",
                     hint="relu'(0) = 0 is pinned: pass gradient only where X @ W1 + b1 > 0 (strictly)")


@check("mlp_forward_backward", points=1, pins=["params-unchanged"])
def test_mlp_single_example_and_no_mutation():
    params, X, y = mlp_case(44, N=1, D=3, H=6, C=4)
    before = {k: v.copy() for k, v in params.items()}
    loss, grads = nn.mlp_forward_backward(params, X, y)
    want, want_g = torch_mlp(params, X, y)
    for k in params:
        expect(np.array_equal(params[k], before[k]), f"mlp_forward_backward modified params[{k!r}]")
        assert_close(grads[k], want_g[k], name=f"grads[{k!r}] (N = 1)")
    assert_close(loss, want, name="loss (N = 1)")


# =============================================================================================
# gradient_check
# =============================================================================================

def quad_problem(seed):
    rng = np.random.default_rng(seed)
    A = rng.normal(size=(5, 5))
    A = A @ A.T + np.eye(5)
    B = rng.normal(size=(3, 4))
    params = {"u": rng.normal(size=5), "M": rng.normal(size=(3, 4))}

    def f(p):
        return float(0.5 * p["u"] @ A @ p["u"] + np.sum(B * p["M"]) + 0.5 * np.sum(p["M"] ** 2))

    true = {"u": A @ params["u"], "M": B + params["M"]}
    return f, params, true


def rel(num, ana):
    d = np.linalg.norm(num) + np.linalg.norm(ana)
    return 0.0 if d == 0 else np.linalg.norm(num - ana) / d


@check("gradient_check", points=1, pins=["float-dict"])
def test_gradient_check_small_for_correct_gradient():
    f, params, true = quad_problem(51)
    errs = nn.gradient_check(f, params, true)
    expect(isinstance(errs, dict) and set(errs) == {"u", "M"}, "return a dict with one relative error per parameter name")
    for k, e in errs.items():
        expect(np.isfinite(e) and 0 <= e < 1e-8, f"relative error for a correct gradient of {k!r} should be below 1e-8 "
                                                 "(central differences are exact on a quadratic up to rounding)")


@check("gradient_check", points=1, pins=["rel-formula"])
def test_gradient_check_value_for_a_wrong_gradient():
    f, params, true = quad_problem(52)
    rng = np.random.default_rng(53)
    bad = {"u": true["u"] * 1.3, "M": true["M"] + rng.normal(size=(3, 4)) * 0.5}
    errs = nn.gradient_check(f, params, bad)
    for k in bad:
        assert_close(errs[k], rel(true[k], bad[k]), name=f"relative error of {k!r}", rtol=1e-5,
                     hint="rel = ||numeric - analytic|| / (||numeric|| + ||analytic||), numeric by central differences (f(p+eps) - f(p-eps)) / (2 eps)")


@check("gradient_check", points=1, pins=["central"])
def test_gradient_check_uses_central_differences():
    # strong curvature: a one-sided difference is off by ~eps * f'' / 2, far above 1e-8
    rng = np.random.default_rng(54)
    params = {"w": rng.normal(size=(2, 3))}

    def f(p):
        return float(np.sum(np.cosh(3.0 * p["w"])) + np.sum(p["w"] ** 2) ** 2)

    w = params["w"]
    true = {"w": 3.0 * np.sinh(3.0 * w) + 4.0 * np.sum(w ** 2) * w}
    errs = nn.gradient_check(f, params, true)
    expect(errs["w"] < 1e-8, "a correct gradient scored a relative error above 1e-8: use central differences "
                             "(f(p + eps) - f(p - eps)) / (2 eps), not the one-sided (f(p + eps) - f(p)) / eps")


@check("gradient_check", points=1, pins=["in-place-restore", "zero-zero"])
def test_gradient_check_restores_params_and_handles_zero():
    f, params, true = quad_problem(55)
    params["z"] = np.zeros((2, 3))          # f ignores z: numeric and analytic gradients are both 0
    true["z"] = np.zeros((2, 3))
    before = {k: v.copy() for k, v in params.items()}
    errs = nn.gradient_check(f, params, true)
    for k in params:
        assert_close(params[k], before[k], rtol=0, atol=1e-13, name=f"params[{k!r}] after the check",
                     hint="restore every entry you perturb (save the old value and put it back)")
    expect(errs["z"] == 0.0, "when both gradients are all zeros the relative error is pinned to 0.0 (not NaN)")


@check("gradient_check", points=1, pins=["in-place-restore"])
def test_gradient_check_non_contiguous_parameter():
    # W is Fortran-ordered and V a transposed view: p.reshape(-1) / p.ravel() are COPIES of them,
    # so perturbing those never reaches f
    rng = np.random.default_rng(56)
    A, B = rng.normal(size=(4, 3)), rng.normal(size=(5, 2))
    params = {"W": np.asfortranarray(rng.normal(size=(4, 3))), "V": rng.normal(size=(2, 5)).T}
    before = {k: v.copy() for k, v in params.items()}

    def f(p):
        return float(np.sum(A * p["W"] ** 2) + np.sum(B * np.sin(p["V"])))

    true = {"W": 2 * A * params["W"], "V": B * np.cos(params["V"])}
    errs = nn.gradient_check(f, params, true)
    for k in params:
        expect(errs[k] < 1e-8, f"a correct gradient of {k!r} (a non-contiguous array) scored a large relative error: "
                               "perturb the entry of the array in params itself (p[idx] = ...); p.reshape(-1) and "
                               "p.ravel() return a copy, not a view, for such an array, so f never sees the change")
        assert_close(params[k], before[k], rtol=0, atol=1e-13, name=f"params[{k!r}] after the check",
                     hint="restore every entry you perturb")


def _cubic(seed):
    rng = np.random.default_rng(seed)
    params = {"w": rng.normal(size=(2, 3)), "c": rng.normal(size=4)}
    k = rng.uniform(0.5, 2.0, size=4)

    def f(p):
        return float(np.sum(p["w"] ** 3) + np.sum(k * p["c"] ** 3))

    analytic = {"w": 3 * params["w"] ** 2, "c": 3 * k * params["c"] ** 2}
    return f, params, analytic, k


@pytest.mark.parametrize("eps", [1e-2, 3e-3], ids=["eps1e-2", "eps3e-3"])
@check("gradient_check", points=1, pins=["eps-given", "central", "rel-formula"])
def test_gradient_check_uses_the_given_eps(eps):
    # for a cubic, the central difference is exactly 3 x^2 + eps^2 (times k): the relative error
    # against the true gradient depends on eps, so a hard-coded step gives another number
    f, params, analytic, k = _cubic(57)
    errs = nn.gradient_check(f, params, analytic, eps=eps)
    numeric = {"w": analytic["w"] + eps ** 2, "c": analytic["c"] + k * eps ** 2}
    for name in ("w", "c"):
        assert_close(errs[name], rel(numeric[name], analytic[name]), rtol=1e-5, atol=0,
                     name=f"relative error of {name!r} with eps = {eps}",
                     hint="perturb by the eps argument and divide by 2 * eps (not a fixed step)")


@check("gradient_check", points=1, pins=["in-place-restore", "float-dict"])
def test_gradient_check_restores_entries_exactly():
    # old + eps - 2 eps + eps is not old in floating point: the saved value must be put back
    rng = np.random.default_rng(58)
    params = {"w": rng.normal(size=(3, 4)) * 7.3, "b": rng.uniform(0.1, 0.9, size=5) / 3.0}
    before = {k: v.copy() for k, v in params.items()}
    f = lambda p: float(np.sum(np.sin(p["w"])) + np.sum(p["b"] ** 2))
    errs = nn.gradient_check(f, params, {"w": np.cos(params["w"]), "b": 2 * params["b"]}, eps=1e-3)
    for k in params:
        expect(np.array_equal(params[k], before[k]), f"params[{k!r}] differs from before the check in the last bits: "
                                                     "save each entry and put the saved value back (restore exactly)")
        expect(isinstance(errs[k], float), "each relative error should be a Python float")


# =============================================================================================
# sgd_momentum
# =============================================================================================

def quad_grad(seed, shape):
    rng = np.random.default_rng(seed)
    target = rng.normal(size=shape)
    scale = rng.uniform(0.5, 2.0, size=shape)
    return lambda p: scale * (p - target) + 0.1 * np.sin(3 * p)


def run_learner_opt(step, p0, grad_fn, n, **kw):
    p, state = p0.copy(), None
    for _ in range(n):
        out = step(p, grad_fn(p), state, **kw)
        expect(isinstance(out, tuple) and len(out) == 2, "a step returns (new_param, new_state)")
        p, state = out
    return np.asarray(p, dtype=float), state


def run_torch_opt(make_opt, p0, grad_fn, n):
    p = t(p0, grad=True)
    opt = make_opt([p])
    for _ in range(n):
        p.grad = t(grad_fn(p.detach().numpy()))
        opt.step()
    return p.detach().numpy()


@pytest.mark.parametrize("momentum", [0.9, 0.0], ids=["momentum0.9", "momentum0"])
@check("sgd_momentum", points=1, pins=["torch-sgd", "ban-any-path"])
def test_sgd_momentum_matches_torch(momentum):
    p0 = np.random.default_rng(61).normal(size=(3, 5))
    g = quad_grad(62, (3, 5))
    got, _ = run_learner_opt(nn.sgd_momentum_step, p0, g, 8, lr=0.05, momentum=momentum)
    want = run_torch_opt(lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=momentum, dampening=0,
                                                     nesterov=False), p0, g, 8)
    assert_close(got, want, rtol=1e-10, atol=1e-12, name="param after 8 steps",
                 hint="v = momentum * v + grad (no (1 - momentum) factor), param -= lr * v")


@check("sgd_momentum", points=1, pins=["state-layout", "pure"])
def test_sgd_momentum_state_and_purity():
    rng = np.random.default_rng(63)
    p, g = rng.normal(size=(4, 2)), rng.normal(size=(4, 2))
    p0, g0 = p.copy(), g.copy()
    new, state = nn.sgd_momentum_step(p, g, None, lr=0.1, momentum=0.8)
    expect(isinstance(state, dict) and "velocity" in state, "the state should be a dict with key 'velocity'")
    assert_close(state["velocity"], g0, name="velocity after the first step", hint="v starts at 0, so v1 = grad")
    v_copy = np.array(state["velocity"], dtype=float)
    new2, state2 = nn.sgd_momentum_step(new, g, state, lr=0.1, momentum=0.8)
    expect(np.array_equal(p, p0) and np.array_equal(g, g0), "sgd_momentum_step modified param or grad in place")
    expect(np.array_equal(state["velocity"], v_copy), "sgd_momentum_step modified the state it was given: return a new one")
    assert_close(state2["velocity"], 0.8 * g0 + g0, name="velocity after the second step")


@check("sgd_momentum", points=1, pins=["velocity-not-grad", "pure"])
def test_sgd_first_velocity_is_a_new_array():
    rng = np.random.default_rng(64)
    p, g = rng.normal(size=(3, 4)), rng.normal(size=(3, 4))
    g0 = g.copy()
    new, state = nn.sgd_momentum_step(p, g, None, lr=0.1, momentum=0.9)
    v = state["velocity"]
    expect(not np.shares_memory(np.asarray(v), g), "the first velocity is the grad array itself: a caller that zeroes "
                                                   "its gradient in place (g[:] = 0) would wipe your state; make a new array")
    expect(not np.shares_memory(np.asarray(new), p), "new_param shares memory with param: return a new array")
    g[:] = 0.0                                     # the caller's zero_grad
    new2, _ = nn.sgd_momentum_step(new, np.zeros((3, 4)), state, lr=0.1, momentum=0.9)
    assert_close(np.asarray(new) - np.asarray(new2), 0.1 * 0.9 * g0, name="step 2 with a zero gradient",
                 hint="the velocity from step 1 (= grad of step 1) carries over: v2 = 0.9 * v1")


# =============================================================================================
# adam
# =============================================================================================

@pytest.mark.parametrize("wd", [0.0, 0.1], ids=["plain", "l2"])
@check("adam", points=1, pins=["bias-correction", "l2-coupled", "t-first", "ban-any-path"])
def test_adam_matches_torch(wd):
    p0 = np.random.default_rng(71).normal(size=(4, 3))
    g = quad_grad(72, (4, 3))
    kw = dict(lr=0.03, betas=(0.8, 0.95), eps=1e-8, weight_decay=wd)
    got, state = run_learner_opt(nn.adam_step, p0, g, 7, **kw)
    want = run_torch_opt(lambda ps: torch.optim.Adam(ps, **kw), p0, g, 7)
    assert_close(got, want, rtol=1e-10, atol=1e-12, name="param after 7 Adam steps",
                 hint="bias-correct m and v by 1 - beta^t with t = 1 on the first step"
                      + ("; Adam's weight_decay is added to the gradient (grad + wd * param)" if wd else ""))
    expect(int(state["t"]) == 7, "state['t'] should count the steps taken: 1 after the first step, 7 after seven")


@check("adam", points=1, pins=["decoupled"])
def test_adamw_matches_torch():
    p0 = np.random.default_rng(73).normal(size=(2, 6))
    g = quad_grad(74, (2, 6))
    kw = dict(lr=0.05, betas=(0.9, 0.99), eps=1e-8, weight_decay=0.2)
    got, _ = run_learner_opt(nn.adamw_step, p0, g, 6, **kw)
    want = run_torch_opt(lambda ps: torch.optim.AdamW(ps, **kw), p0, g, 6)
    assert_close(got, want, rtol=1e-10, atol=1e-12, name="param after 6 AdamW steps",
                 hint="decoupled decay: param *= (1 - lr * weight_decay), and the decay never enters m or v")


@check("adam", points=1, pins=["eps-outside"])
def test_adam_tiny_gradients_eps_placement():
    p0 = np.random.default_rng(75).normal(size=(5, 2))
    g = lambda p: 1e-6 * np.cos(p)            # sqrt(v_hat) ~ 1e-6: eps matters here
    got, _ = run_learner_opt(nn.adam_step, p0, g, 5, lr=0.01, betas=(0.9, 0.999), eps=1e-6)
    want = run_torch_opt(lambda ps: torch.optim.Adam(ps, lr=0.01, eps=1e-6), p0, g, 5)
    assert_close(got, want, rtol=1e-10, atol=1e-12, name="param after Adam steps with tiny gradients",
                 hint="eps is added AFTER the square root: m_hat / (sqrt(v_hat) + eps)")


@check("adam", points=1, pins=["t-first", "bias-correction", "pure-new"])
def test_adam_first_step_and_purity():
    rng = np.random.default_rng(76)
    p, g = rng.normal(size=(3, 7)), rng.normal(size=(3, 7))
    p0, g0 = p.copy(), g.copy()
    new, state = nn.adam_step(p, g, None, lr=0.01)
    expect(np.array_equal(p, p0) and np.array_equal(g, g0), "adam_step modified param or grad in place")
    expect(isinstance(state, dict) and {"t", "m", "v"} <= set(state), "state should be a dict with keys 't', 'm', 'v'")
    expect(int(state["t"]) == 1, "state['t'] should be 1 after the first step")
    # with bias correction the first step is lr * g / (|g| + eps): about lr in every coordinate
    assert_close(np.abs(p0 - np.asarray(new, dtype=float)), np.full((3, 7), 0.01), rtol=1e-5,
                 name="|first step|", hint="with bias correction Adam's first step has size ~lr in every coordinate")
    m_copy = np.array(state["m"], dtype=float)
    nn.adamw_step(new, g, state, lr=0.01)
    expect(np.array_equal(state["m"], m_copy), "adamw_step modified the state it was given: return a new one")


@check("adam", points=1, pins=["torch-defaults", "decoupled", "l2-coupled"])
def test_adam_and_adamw_defaults_match_torch():
    p0 = np.random.default_rng(77).normal(size=(3, 5))
    g = quad_grad(78, (3, 5))
    got, _ = run_learner_opt(nn.adam_step, p0, g, 6)
    want = run_torch_opt(lambda ps: torch.optim.Adam(ps), p0, g, 6)
    assert_close(got, want, rtol=1e-11, atol=1e-13, name="param after 6 adam_step calls with the defaults",
                 hint="adam_step's defaults: lr=1e-3, betas=(0.9, 0.999), eps=1e-8, no weight decay")
    got, _ = run_learner_opt(nn.adamw_step, p0, g, 6)
    want = run_torch_opt(lambda ps: torch.optim.AdamW(ps), p0, g, 6)
    assert_close(got, want, rtol=1e-11, atol=1e-13, name="param after 6 adamw_step calls with the defaults",
                 hint="adamw_step decays by weight_decay=1e-2 by default: param *= 1 - lr * weight_decay each step")


@check("adam", points=1, pins=["eps-outside", "decoupled"])
def test_adamw_tiny_gradients_and_eps():
    p0 = np.random.default_rng(79).normal(size=(4, 2))
    g = lambda p: 1e-6 * np.sin(p)
    kw = dict(lr=0.02, betas=(0.85, 0.99), eps=1e-6, weight_decay=0.05)
    got, state = run_learner_opt(nn.adamw_step, p0, g, 5, **kw)
    want = run_torch_opt(lambda ps: torch.optim.AdamW(ps, **kw), p0, g, 5)
    assert_close(got, want, rtol=1e-10, atol=1e-12, name="param after AdamW steps with tiny gradients",
                 hint="eps is added after the square root, and the decay multiplies param by (1 - lr * weight_decay)")
    expect(isinstance(state["t"], (int, np.integer)) and state["t"] == 5, "state['t'] should be the int number of steps taken")


# =============================================================================================
# batchnorm
# =============================================================================================

def torch_bn(C, gamma, beta, rm, rv, momentum, eps):
    bn = torch.nn.BatchNorm1d(C, eps=eps, momentum=momentum).to(T64)
    with torch.no_grad():
        bn.weight.copy_(t(gamma))
        bn.bias.copy_(t(beta))
        bn.running_mean.copy_(t(rm))
        bn.running_var.copy_(t(rv))
    return bn


def bn_case(seed, N=12, C=5):
    rng = np.random.default_rng(seed)
    return (rng.normal(loc=2.0, scale=3.0, size=(N, C)), rng.normal(size=C), rng.normal(size=C),
            rng.normal(size=C) * 0.1, rng.uniform(0.5, 2.0, size=C))


@check("batchnorm", points=1, pins=["biased-forward", "ban-any-path"])
def test_batchnorm_training_output_matches_torch():
    x, g, b, rm, rv = bn_case(81)
    out, _, _ = nn.batchnorm_forward(x, g, b, rm, rv, 0.1, 1e-5, True)
    bn = torch_bn(5, g, b, rm, rv, 0.1, 1e-5).train()
    assert_close(out, bn(t(x)).detach(), name="out (training)",
                 hint="normalise with the batch mean and the BIASED batch variance (divide by N), over axis 0")


@check("batchnorm", points=1, pins=["unbiased-running", "momentum-new"])
def test_batchnorm_running_stats_over_three_steps():
    _, g, b, rm, rv = bn_case(82, C=6)
    bn = torch_bn(6, g, b, rm, rv, 0.2, 1e-3).train()
    rng = np.random.default_rng(83)
    for step in range(3):
        x = rng.normal(loc=step, scale=1 + step, size=(9, 6))
        out, rm, rv = nn.batchnorm_forward(x, g, b, rm, rv, 0.2, 1e-3, True)
        want = bn(t(x)).detach()
        assert_close(rm, bn.running_mean, name=f"running_mean after step {step + 1}",
                     hint="running = (1 - momentum) * running + momentum * batch_mean")
        assert_close(rv, bn.running_var, name=f"running_var after step {step + 1}",
                     hint="the running variance uses the UNBIASED batch variance (divide by N - 1), as PyTorch")
        assert_close(out, want, name=f"out at step {step + 1}")


@check("batchnorm", points=1, pins=["eval-running"])
def test_batchnorm_eval_uses_running_stats():
    x, g, b, rm, rv = bn_case(84, N=7, C=4)
    out, nm, nv = nn.batchnorm_forward(x, g, b, rm, rv, 0.1, 1e-5, False)
    bn = torch_bn(4, g, b, rm, rv, 0.1, 1e-5).eval()
    assert_close(out, bn(t(x)).detach(), name="out (eval)",
                 hint="in eval mode normalise with running_mean and running_var, not the batch")
    assert_close(nm, rm, name="running_mean (eval)", hint="eval mode leaves the running stats unchanged")
    assert_close(nv, rv, name="running_var (eval)", hint="eval mode leaves the running stats unchanged")


@check("batchnorm", points=1, pins=["new-running"])
def test_batchnorm_does_not_mutate_inputs():
    args = bn_case(85, N=10, C=3)
    copies = [a.copy() for a in args]
    nn.batchnorm_forward(*args, 0.1, 1e-5, True)
    for name, a, c in zip(["x", "gamma", "beta", "running_mean", "running_var"], args, copies):
        expect(np.array_equal(a, c), f"batchnorm_forward modified {name} in place: return new running stats instead")


@check("batchnorm", points=1, pins=["new-running", "eval-running"])
def test_batchnorm_eval_returns_copies_of_the_running_stats():
    x, g, b, rm, rv = bn_case(86, N=6, C=7)
    rm0, rv0 = rm.copy(), rv.copy()
    _, nm, nv = nn.batchnorm_forward(x, g, b, rm, rv, 0.3, 1e-4, False)
    expect(not np.shares_memory(np.asarray(nm), rm) and not np.shares_memory(np.asarray(nv), rv),
           "in eval mode the returned running stats are the caller's arrays themselves: return copies, so that "
           "updating what you return cannot change what you were given")
    assert_close(nm, rm0, name="running_mean (eval)", hint="eval mode returns the running stats' values unchanged")
    assert_close(nv, rv0, name="running_var (eval)", hint="eval mode returns the running stats' values unchanged")


@check("batchnorm", points=1, pins=["momentum-new", "unbiased-running"])
def test_batchnorm_momentum_weighs_the_batch():
    # momentum 0.9: PyTorch's convention puts 0.9 on the NEW batch statistic (Keras puts it on the old one)
    x, g, b, rm, rv = bn_case(87, N=5, C=4)
    _, nm, nv = nn.batchnorm_forward(x, g, b, rm, rv, 0.9, 1e-5, True)
    bn = torch_bn(4, g, b, rm, rv, 0.9, 1e-5).train()
    bn(t(x))
    assert_close(nm, bn.running_mean, name="running_mean with momentum 0.9",
                 hint="new_running = (1 - momentum) * running + momentum * batch_stat (PyTorch's convention)")
    assert_close(nv, bn.running_var, name="running_var with momentum 0.9",
                 hint="the running variance takes the unbiased batch variance var * N / (N - 1)")


# =============================================================================================
# layernorm
# =============================================================================================

@check("layernorm", points=1, pins=["last-axis", "ban-any-path"])
def test_layernorm_matches_torch_3d():
    rng = np.random.default_rng(91)
    x = rng.normal(loc=1.0, scale=2.0, size=(4, 6, 10))
    g, b = rng.normal(size=10), rng.normal(size=10)
    x0 = x.copy()
    got = nn.layernorm_forward(x, g, b, 1e-5)
    assert_close(got, F.layer_norm(t(x), (10,), t(g), t(b), 1e-5), name="layernorm(x)",
                 hint="normalise each vector over the LAST axis, biased variance, eps inside the sqrt")
    expect(np.array_equal(x, x0), "layernorm_forward modified its input")


@check("layernorm", points=1, pins=["eps-inside"])
def test_layernorm_small_variance_eps_inside_sqrt():
    rng = np.random.default_rng(92)
    x = rng.normal(scale=1e-3, size=(5, 8))           # var ~ 1e-6, comparable to eps
    g, b = rng.uniform(0.5, 1.5, size=8), rng.normal(size=8)
    got = nn.layernorm_forward(x, g, b, 1e-5)
    assert_close(got, F.layer_norm(t(x), (8,), t(g), t(b), 1e-5), name="layernorm(x) for tiny variance",
                 hint="(x - mean) / sqrt(var + eps): eps goes inside the square root")


@check("layernorm", points=1, pins=["last-axis"])
def test_layernorm_rows_are_normalised():
    x = np.random.default_rng(93).normal(loc=-3.0, scale=5.0, size=(7, 12))
    y = np.asarray(nn.layernorm_forward(x, np.ones(12), np.zeros(12), 0.0), dtype=float)
    assert_shape(y, (7, 12), name="layernorm(x)")
    assert_close(y.mean(axis=-1), np.zeros(7), atol=1e-10, name="row means", hint="each row should have mean 0")
    assert_close(y.var(axis=-1), np.ones(7), name="row variances (ddof=0)",
                 hint="each row should have biased variance 1 when eps = 0")


@pytest.mark.parametrize("shape,eps", [((9,), 0.5), ((3, 2, 4, 7), 0.05)], ids=["1d_eps0.5", "4d_eps0.05"])
@check("layernorm", points=1, pins=["any-rank", "eps-inside", "last-axis"])
def test_layernorm_any_rank_and_given_eps(shape, eps):
    rng = np.random.default_rng(94)
    x = rng.normal(loc=0.5, scale=0.4, size=shape)      # var ~ 0.16: the given eps changes the result
    D = shape[-1]
    g, b = rng.normal(size=D), rng.normal(size=D)
    got = nn.layernorm_forward(x, g, b, eps)
    assert_shape(got, shape, name="layernorm(x)")
    assert_close(got, F.layer_norm(t(x), (D,), t(g), t(b), eps), name=f"layernorm(x) of shape {shape}, eps = {eps}",
                 hint="normalise over the last axis whatever the number of dimensions, with the eps you are given "
                      "inside the square root")


# =============================================================================================
# dropout
# =============================================================================================

@pytest.mark.parametrize("p", [0.3, 0.75], ids=["p0.3", "p0.75"])
@check("dropout", points=1, pins=["pinned-mask", "scaling"])
def test_dropout_uses_pinned_mask_and_scaling(p):
    x = np.random.default_rng(101).normal(size=(6, 11))
    x0 = x.copy()
    got = np.asarray(nn.dropout(x, p, True, np.random.default_rng(5)), dtype=float)
    keep = np.random.default_rng(5).random((6, 11)) >= p
    assert_shape(got, (6, 11), name="dropout(x)")
    expect(np.array_equal(got != 0, keep & (x != 0)),
           "the kept entries differ from keep = rng.random(x.shape) >= p (one draw of that shape, keep where >= p)")
    assert_close(got, x * keep / (1 - p), name="dropout(x)", hint="scale the kept entries by 1 / (1 - p)")
    expect(np.array_equal(x, x0), "dropout modified its input")


@check("dropout", points=1, pins=["eval-copy"])
def test_dropout_eval_and_p_zero_are_identity():
    x = np.random.default_rng(102).normal(size=(4, 9))
    out = nn.dropout(x, 0.4, False, np.random.default_rng(0))
    assert_close(out, x, name="dropout(x, training=False)", hint="in eval mode dropout returns x unchanged")
    expect(not np.shares_memory(np.asarray(out), x), "in eval mode dropout returned x itself: the brief pins a copy "
                                                     "(x.copy()), so changing the output cannot change the input")
    out = nn.dropout(x, 0.0, True, np.random.default_rng(0))
    assert_close(out, x, name="dropout(x, p=0)")
    expect(not np.shares_memory(np.asarray(out), x), "with p = 0 dropout returned x itself: return a copy (x.copy())")


@check("dropout", points=1, pins=["p-one", "scaling"])
def test_dropout_p_one_and_expectation():
    x = np.full((3, 5), 2.0)
    z = np.asarray(nn.dropout(x, 1.0, True, np.random.default_rng(1)), dtype=float)
    expect(np.all(z == 0), "with p = 1 every entry is dropped: return zeros (no 0/0 = NaN)")
    big = np.ones((200, 300))
    m = float(np.mean(nn.dropout(big, 0.6, True, np.random.default_rng(2))))
    expect(abs(m - 1.0) < 0.02, "the mean of dropout(ones) should stay about 1 (inverted dropout rescales by 1/(1-p))")


class GridRng:
    """A stand-in rng that draws a fixed stream in which some numbers equal p exactly (ties), the
    way numpy's Generator draws: random(size) takes the next prod(size) numbers in C order."""

    def __init__(self, p):
        self.stream = np.resize(np.array([0.0, p, 0.999, p, 0.25, 0.7, p / 2, 0.6, p]), 10_000)
        self.used = 0

    def random(self, size=None, dtype=None, out=None):
        shape = () if size is None else tuple(int(n) for n in np.atleast_1d(size))
        n = int(np.prod(shape))
        draw = self.stream[self.used:self.used + n].reshape(shape)
        self.used += n
        return draw if shape else float(draw)


@pytest.mark.parametrize("p", [0.25, 0.5], ids=["p0.25", "p0.5"])
@check("dropout", points=1, pins=["tie-kept", "pinned-mask", "scaling"])
def test_dropout_keeps_a_draw_equal_to_p(p):
    x = np.random.default_rng(103).normal(size=(5, 7)) + 3.0     # no zeros
    rng = GridRng(p)
    got = np.asarray(nn.dropout(x, p, True, rng), dtype=float)
    expect(rng.used == x.size, "draw exactly x.size numbers from rng (one rng.random(x.shape)), no more, no fewer")
    keep = GridRng(p).random((5, 7)) >= p
    expect(np.array_equal(got != 0, keep), "the kept entries differ from keep = rng.random(x.shape) >= p: "
                                           "a draw equal to p is kept (>=, not >)")
    assert_close(got, x * keep / (1 - p), name="dropout(x)", hint="out = x * keep / (1 - p)")


# =============================================================================================
# init
# =============================================================================================

def fans(shape):
    return torch.nn.init._calculate_fan_in_and_fan_out(torch.empty(shape))


@pytest.mark.parametrize("shape,gain", [((200, 300), 1.0), ((64, 32, 3, 5), 2.0)], ids=["linear", "conv_gain2"])
@check("init", points=1, pins=["fans", "xavier-both-fans", "ban-any-path"])
def test_xavier_uniform_statistics(shape, gain):
    w = np.asarray(nn.xavier_uniform(shape, np.random.default_rng(111), gain=gain), dtype=float)
    assert_shape(w, shape, name="weights")
    fan_in, fan_out = fans(shape)
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
    expect(np.abs(w).max() <= bound * (1 + 1e-12), "some weights fall outside ±gain * sqrt(6 / (fan_in + fan_out))")
    expect(abs(w.std() / (bound / math.sqrt(3)) - 1) < 0.03,
           "the spread of the weights does not match Xavier: bound = gain * sqrt(6 / (fan_in + fan_out)), "
           "fan_in = shape[1] * receptive field, fan_out = shape[0] * receptive field")
    expect(abs(w.mean()) < 0.02 * bound, "Xavier weights should have mean 0")
    ks = stats.kstest(w.ravel(), stats.uniform(-bound, 2 * bound).cdf).statistic
    expect(ks < 0.02, "the weights do not look uniform on (-bound, bound)")


@pytest.mark.parametrize("shape,mode,nl", [((200, 300), "fan_in", "relu"), ((600, 160), "fan_out", "relu"),
                                          ((96, 32, 5, 3), "fan_in", "linear"), ((300, 210), "fan_in", "tanh")],
                         ids=["fan_in_relu", "fan_out_relu", "conv_linear", "tanh"])
@check("init", points=1, pins=["fans", "kaiming-mode", "gains"])
def test_kaiming_normal_statistics(shape, mode, nl):
    w = np.asarray(nn.kaiming_normal(shape, np.random.default_rng(112), mode=mode, nonlinearity=nl), dtype=float)
    assert_shape(w, shape, name="weights")
    fan_in, fan_out = fans(shape)
    std = torch.nn.init.calculate_gain(nl) / math.sqrt(fan_in if mode == "fan_in" else fan_out)
    expect(abs(w.std() / std - 1) < 0.03,
           f"the std of the weights does not match Kaiming ({mode}, {nl}): std = gain / sqrt(fan); "
           "for shape (fan_out, fan_in, *kernel) fan_in = shape[1] * receptive field")
    expect(abs(w.mean()) < 0.05 * std, "Kaiming weights should have mean 0")
    ks = stats.kstest(w.ravel() / std, "norm").statistic
    expect(ks < 0.02, "the weights do not look normally distributed")


@check("init", points=1, pins=["rng"])
def test_init_uses_the_given_rng():
    a = np.asarray(nn.xavier_uniform((7, 13), np.random.default_rng(3)), dtype=float)
    b = np.asarray(nn.xavier_uniform((7, 13), np.random.default_rng(3)), dtype=float)
    c = np.asarray(nn.kaiming_normal((7, 13), np.random.default_rng(3)), dtype=float)
    d = np.asarray(nn.kaiming_normal((7, 13), np.random.default_rng(4)), dtype=float)
    expect(np.array_equal(a, b), "the same rng seed should give the same weights: draw from the rng argument")
    expect(not np.array_equal(c, d), "different rng seeds should give different weights")


@pytest.mark.parametrize("shape,mode", [((40, 24, 7), "fan_in"), ((40, 24, 7), "fan_out"), ((12, 30, 3, 5), "fan_out")],
                         ids=["conv1d_fan_in", "conv1d_fan_out", "conv2d_fan_out"])
@check("init", points=1, pins=["conv-shapes", "fans", "kaiming-mode", "xavier-both-fans"])
def test_init_conv_shaped_weights(shape, mode):
    fan_in, fan_out = fans(shape)
    w = np.asarray(nn.kaiming_normal(shape, np.random.default_rng(113), mode=mode, nonlinearity="relu"), dtype=float)
    assert_shape(w, shape, name="weights")
    std = math.sqrt(2.0) / math.sqrt(fan_in if mode == "fan_in" else fan_out)
    expect(abs(w.std() / std - 1) < 0.04,
           f"the std of Kaiming weights of shape {shape} ({mode}) is off: the receptive field is the product of "
           "shape[2:] whatever the number of kernel dimensions")
    x = np.asarray(nn.xavier_uniform(shape, np.random.default_rng(114), gain=0.5), dtype=float)
    bound = 0.5 * math.sqrt(6.0 / (fan_in + fan_out))
    expect(np.abs(x).max() <= bound * (1 + 1e-12) and np.abs(x).max() > 0.97 * bound,
           f"Xavier weights of shape {shape} do not fill ±gain * sqrt(6 / (fan_in + fan_out)): both fans include "
           "the receptive field (the product of shape[2:])")


# =============================================================================================
# lr_schedule
# =============================================================================================

def torch_schedule(warmup, total, base, min_lr):
    lrs = []
    if warmup:
        opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=base)
        sch = torch.optim.lr_scheduler.LinearLR(opt, start_factor=1 / warmup, end_factor=1.0,
                                                total_iters=warmup - 1)
        for _ in range(warmup):
            lrs.append(sch.get_last_lr()[0])
            opt.step()
            sch.step()
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=base)
    sch = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=total - warmup, eta_min=min_lr)
    for _ in range(total - warmup + 1):
        lrs.append(sch.get_last_lr()[0])
        opt.step()
        sch.step()
    return lrs      # steps 0..total


@pytest.mark.parametrize("warmup,total,base,min_lr", [(5, 23, 3e-3, 1e-4), (1, 9, 1.0, 0.0), (0, 11, 0.5, 0.05)],
                         ids=["warmup5", "warmup1", "no_warmup"])
@check("lr_schedule", points=1, pins=["zero-based", "warmup-linear", "cosine-start", "warmup-edges"])
def test_schedule_matches_torch_schedulers(warmup, total, base, min_lr):
    want = torch_schedule(warmup, total, base, min_lr)
    got = [nn.cosine_schedule_with_warmup(s, warmup, total, base, min_lr) for s in range(total + 1)]
    assert_close(got, want, rtol=1e-9, atol=1e-15, name="lr over steps 0..total_steps",
                 hint="warmup: base_lr * (step + 1) / warmup_steps; then cosine from base_lr to min_lr over "
                      "total_steps - warmup_steps steps")


@check("lr_schedule", points=1, pins=["warmup-linear", "after-total", "cosine-start"])
def test_schedule_boundaries():
    f = lambda s: float(nn.cosine_schedule_with_warmup(s, 4, 14, 2.0, 0.2))
    expect(abs(f(0) - 0.5) < 1e-12, "step 0 of a 4-step warmup should give base_lr * 1/4 (pinned: (step + 1) / warmup)")
    expect(abs(f(3) - 2.0) < 1e-12, "the last warmup step (warmup_steps - 1) should reach base_lr")
    expect(abs(f(4) - 2.0) < 1e-12, "the first decay step (step == warmup_steps) should be base_lr")
    expect(abs(f(9) - 1.1) < 1e-12, "halfway through the decay the lr should be (base_lr + min_lr) / 2")
    expect(abs(f(14) - 0.2) < 1e-12 and abs(f(40) - 0.2) < 1e-12,
           "at and after total_steps the lr should be min_lr")
    decay = [f(s) for s in range(4, 15)]
    expect(all(a >= b for a, b in zip(decay, decay[1:])), "the lr should never increase after warmup")


@check("lr_schedule", points=1, pins=["warmup-edges", "after-total", "cosine-start", "python-float"])
def test_schedule_one_step_cosine_part():
    # warmup_steps = total_steps - 1: the cosine part is the single step warmup_steps (base_lr), then min_lr
    f = lambda s: nn.cosine_schedule_with_warmup(s, 6, 7, 0.3, 0.01)
    got = [f(s) for s in range(10)]
    expect(all(isinstance(v, float) for v in got), "the learning rate should be a Python float")
    assert_close(got[:6], [0.3 * (s + 1) / 6 for s in range(6)], rtol=1e-12, name="warmup steps 0..5",
                 hint="base_lr * (step + 1) / warmup_steps")
    expect(abs(got[6] - 0.3) < 1e-15, "step == warmup_steps starts the cosine part at base_lr")
    expect(all(abs(v - 0.01) < 1e-15 for v in got[7:]), "from step total_steps on the lr is min_lr")


# =============================================================================================
# clip_grad_norm
# =============================================================================================

def grad_list(seed, scale):
    rng = np.random.default_rng(seed)
    return [rng.normal(size=(4,)) * scale, rng.normal(size=(3, 5)) * scale, rng.normal(size=(2, 3, 6)) * scale]


def torch_clip(grads, max_norm):
    ps = [torch.zeros(g.shape, dtype=T64, requires_grad=True) for g in grads]
    for p, g in zip(ps, grads):
        p.grad = t(g)
    total = torch.nn.utils.clip_grad_norm_(ps, max_norm)
    return [p.grad.numpy() for p in ps], float(total)


@pytest.mark.parametrize("scale,max_norm", [(2.0, 1.5), (0.05, 1.5)], ids=["clipped", "untouched"])
@check("clip_grad_norm", points=1, pins=["global-norm", "coef", "norm-before", "ban-any-path"])
def test_clip_matches_torch(scale, max_norm):
    grads = grad_list(121, scale)
    copies = [g.copy() for g in grads]
    out = nn.clip_grad_norm(grads, max_norm)
    expect(isinstance(out, tuple) and len(out) == 2, "clip_grad_norm returns (clipped_grads, total_norm)")
    got, total = out
    want, want_total = torch_clip(copies, max_norm)
    assert_close(total, want_total, name="total_norm",
                 hint="the global norm: sqrt of the sum of squares of EVERY entry of EVERY gradient, before clipping")
    expect(len(got) == 3, "return one clipped gradient per input gradient")
    for i, (g, w) in enumerate(zip(got, want)):
        assert_close(g, w, name=f"clipped grad {i}",
                     hint="scale every gradient by the same coef = min(1, max_norm / (total_norm + 1e-6))")
    for g, c in zip(grads, copies):
        expect(np.array_equal(g, c), "clip_grad_norm modified the input gradients: return new arrays")


@check("clip_grad_norm", points=1, pins=["global-norm"])
def test_clip_global_norm_after_clipping():
    grads = grad_list(122, 3.0)
    got, _ = nn.clip_grad_norm(grads, 2.0)
    norm = math.sqrt(sum(float(np.sum(np.asarray(g) ** 2)) for g in got))
    expect(abs(norm - 2.0) < 1e-5, "after clipping the global norm of all gradients together should be max_norm")
    ratios = [np.asarray(g, dtype=float).ravel()[0] / g0.ravel()[0] for g, g0 in zip(got, grads)]
    expect(max(ratios) - min(ratios) < 1e-12, "every gradient must be scaled by the SAME factor (global clipping), "
                                              "not clipped one tensor at a time")


@check("clip_grad_norm", points=1, pins=["norm-before"])
def test_clip_zero_gradients():
    grads = [np.zeros(3), np.zeros((2, 2))]
    got, total = nn.clip_grad_norm(grads, 1.0)
    expect(float(total) == 0.0, "the norm of all-zero gradients is 0")
    expect(all(np.all(np.asarray(g) == 0) and np.all(np.isfinite(g)) for g in got),
           "all-zero gradients should come back as zeros (no NaN)")


def reference_clip(grads, max_norm, eps):
    total = float(np.linalg.norm(np.concatenate([np.ravel(g) for g in grads])))
    coef = min(1.0, max_norm / (total + eps))
    return [g * coef for g in grads], total


@pytest.mark.parametrize("gap,eps", [(0.2, 0.5), (3e-7, 1e-6), (-0.4, 0.25)], ids=["within_eps", "within_default_eps", "above"])
@check("clip_grad_norm", points=1, pins=["eps-near", "eps-given", "coef"])
def test_clip_with_the_given_eps_near_max_norm(gap, eps):
    grads = grad_list(123, 0.7)
    total = float(np.linalg.norm(np.concatenate([g.ravel() for g in grads])))
    max_norm = total + gap                      # gap > 0: the norm is below max_norm, but within eps of it
    copies = [g.copy() for g in grads]
    out = nn.clip_grad_norm(grads, max_norm, eps) if eps != 1e-6 else nn.clip_grad_norm(grads, max_norm)
    want, want_total = reference_clip(copies, max_norm, eps)
    got, got_total = out
    assert_close(got_total, want_total, name="total_norm")
    for i, (g, w) in enumerate(zip(got, want)):
        assert_close(g, w, rtol=1e-12, atol=1e-15, name=f"clipped grad {i}",
                     hint="coef = min(1, max_norm / (total_norm + eps)) with the eps you are given, applied whenever "
                          "it is below 1 (also when total_norm is a little below max_norm)")


@check("clip_grad_norm", points=1, pins=["no-alias", "norm-before"])
def test_clip_returns_new_arrays_when_nothing_is_clipped():
    grads = grad_list(124, 0.01)
    got, total = nn.clip_grad_norm(grads, 10.0)
    expect(isinstance(got, list) and len(got) == len(grads), "return a list with one gradient per input gradient")
    expect(got is not grads, "clip_grad_norm returned the input list itself: build a new list")
    for i, (g, g0) in enumerate(zip(got, grads)):
        expect(not np.shares_memory(np.asarray(g), g0), f"clipped grad {i} is the input array itself (nothing was clipped): "
                                                        "return new arrays whatever coef is")
        assert_close(g, g0, rtol=1e-12, name=f"unclipped grad {i}")
    expect(isinstance(total, float), "total_norm should be a Python float")
