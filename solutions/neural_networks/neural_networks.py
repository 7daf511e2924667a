"""Neural network basics, from scratch: the reference solutions.

Everything here is plain numpy (and `math` for the scalar engine), so it runs wherever numpy
does; nothing names a device. Read it after solving the katas: each function is the shortest
clear version of its idea.
"""
from __future__ import annotations

import math

import numpy as np
from scipy.special import erf


# ---------------------------------------------------------------------------------------------
# value: a scalar autograd engine (micrograd style)
# ---------------------------------------------------------------------------------------------

class Value:
    """A scalar that remembers how it was made, so `backward()` can apply the chain rule.

    >>> a, b = Value(2.0), Value(-3.0)
    >>> c = a * b + a          # a is used twice: its gradient is the SUM of both paths
    >>> c.backward()
    >>> a.grad, b.grad         # dc/da = b + 1, dc/db = a
    (-2.0, 2.0)
    """

    def __init__(self, data, _children=(), _op=""):
        self.data = float(data)
        self.grad = 0.0
        self._backward = lambda: None   # pushes self.grad into the children's .grad
        self._prev = tuple(_children)
        self._op = _op

    @staticmethod
    def _wrap(other):
        return other if isinstance(other, Value) else Value(other)

    def __add__(self, other):
        other = self._wrap(other)
        out = Value(self.data + other.data, (self, other), "+")

        def _backward():
            self.grad += out.grad              # += : a node may feed several others
            other.grad += out.grad
        out._backward = _backward
        return out

    def __mul__(self, other):
        other = self._wrap(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out

    def __pow__(self, k):
        assert isinstance(k, (int, float)), "only constant exponents"
        out = Value(self.data ** k, (self,), f"**{k}")

        def _backward():
            self.grad += k * self.data ** (k - 1) * out.grad
        out._backward = _backward
        return out

    def exp(self):
        out = Value(math.exp(self.data), (self,), "exp")

        def _backward():
            self.grad += out.data * out.grad   # d/dx e^x = e^x
        out._backward = _backward
        return out

    def log(self):
        out = Value(math.log(self.data), (self,), "log")

        def _backward():
            self.grad += out.grad / self.data
        out._backward = _backward
        return out

    def tanh(self):
        out = Value(math.tanh(self.data), (self,), "tanh")   # math.tanh is finite at ±1000

        def _backward():
            self.grad += (1.0 - out.data ** 2) * out.grad
        out._backward = _backward
        return out

    def relu(self):
        out = Value(self.data if self.data > 0 else 0.0, (self,), "relu")

        def _backward():
            self.grad += (1.0 if self.data > 0 else 0.0) * out.grad   # relu'(0) = 0
        out._backward = _backward
        return out

    def backward(self):
        """Seed d(self)/d(self) = 1, then run each node's _backward, outputs before inputs."""
        order, seen = [], set()

        def visit(node):                      # post-order DFS: children land before parents
            if id(node) not in seen:
                seen.add(id(node))
                for child in node._prev:
                    visit(child)
                order.append(node)
        visit(self)
        self.grad = 1.0
        for node in reversed(order):          # a node's grad is complete before it is pushed on
            node._backward()

    # everything else is built from the operations above
    def __neg__(self):
        return self * -1

    def __radd__(self, other):
        return self + other

    def __sub__(self, other):
        return self + (-other)

    def __rsub__(self, other):
        return other + (-self)

    def __rmul__(self, other):
        return self * other

    def __truediv__(self, other):
        return self * other ** -1

    def __rtruediv__(self, other):
        return other * self ** -1


# ---------------------------------------------------------------------------------------------
# activations and their derivatives (elementwise, numpy in, numpy out)
# ---------------------------------------------------------------------------------------------

def sigmoid(x):
    """1 / (1 + e^-x), computed so that no exp ever sees a large positive argument.

    For x >= 0 use 1 / (1 + e^-x); for x < 0 use e^x / (1 + e^x). Both only exponentiate -|x|.
    >>> sigmoid(np.array([-1000.0, 0.0, 1000.0]))
    array([0. , 0.5, 1. ])
    """
    z = np.exp(-np.abs(x))                    # in (0, 1]: never overflows
    return np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))


def sigmoid_grad(x):
    s = sigmoid(x)
    return s * (1.0 - s)


def relu(x):
    return np.maximum(x, 0.0)


def relu_grad(x):
    """1 where x > 0, else 0 (so relu'(0) = 0, as in PyTorch)."""
    return (x > 0).astype(float)


def tanh(x):
    return np.tanh(x)


def tanh_grad(x):
    t = tanh(x)
    return 1.0 - t * t


def gelu(x):
    """Exact GELU: x * Phi(x) with Phi the standard normal CDF (not the tanh approximation)."""
    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


def gelu_grad(x):
    """d/dx [x Phi(x)] = Phi(x) + x phi(x)."""
    cdf = 0.5 * (1.0 + erf(x / math.sqrt(2.0)))
    pdf = np.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)
    return cdf + x * pdf


# ---------------------------------------------------------------------------------------------
# softmax and log-softmax over the last axis
# ---------------------------------------------------------------------------------------------

def softmax(x):
    """exp(x - max) / sum(exp(x - max)) along axis -1: shifting by the max changes nothing
    mathematically and keeps every exponent <= 0."""
    z = x - x.max(axis=-1, keepdims=True)     # (..., K), a new array: x is not touched
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def log_softmax(x):
    """x - logsumexp(x) along axis -1, with logsumexp = max + log(sum(exp(x - max)))."""
    z = x - x.max(axis=-1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))


# ---------------------------------------------------------------------------------------------
# perceptron
# ---------------------------------------------------------------------------------------------

def perceptron_train(X, y, epochs):
    """Rosenblatt's perceptron, labels in {-1, +1}, learning rate 1, w and b start at 0.

    Visit rows in order; a row is a mistake when y_i (w . x_i + b) <= 0, and then
    w += y_i x_i, b += y_i. Stop after the first epoch without a mistake, or after `epochs`.
    Returns (w, b, n_epochs, n_mistakes): passes made (the clean one counted) and total updates.
    """
    w = np.zeros(X.shape[1])
    b = 0.0
    n_mistakes = 0
    n_epochs = 0
    for n_epochs in range(1, epochs + 1):
        mistakes = 0
        for xi, yi in zip(X, y):
            if yi * (xi @ w + b) <= 0:
                w += yi * xi
                b += yi
                mistakes += 1
        n_mistakes += mistakes
        if mistakes == 0:
            break
    return w, b, n_epochs, n_mistakes


# ---------------------------------------------------------------------------------------------
# a 2-layer MLP by hand, and a numerical gradient check
# ---------------------------------------------------------------------------------------------

def mlp_forward_backward(params, X, y):
    """Loss and gradients of  mean_i CE(softmax(relu(X W1 + b1) W2 + b2)_i, y_i).

    Shapes: X (N, D), y (N,) ints in [0, C), W1 (D, H), b1 (H,), W2 (H, C), b2 (C,).
    Returns (loss: float, grads: dict with the same keys and shapes as params).
    """
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    N = X.shape[0]
    # forward
    z1 = X @ W1 + b1                          # (N, H)
    h = np.maximum(z1, 0.0)                   # (N, H)
    logits = h @ W2 + b2                      # (N, C)
    shifted = logits - logits.max(axis=1, keepdims=True)                    # (N, C), max 0 per row
    logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))     # (N, C), stable
    loss = -logp[np.arange(N), y].mean()
    # backward: d loss / d logits = (softmax - onehot) / N
    dlogits = np.exp(logp)
    dlogits[np.arange(N), y] -= 1.0
    dlogits /= N                              # (N, C)
    dW2 = h.T @ dlogits                       # (H, C)
    db2 = dlogits.sum(axis=0)                 # (C,)
    dh = dlogits @ W2.T                       # (N, H)
    dz1 = dh * (z1 > 0)                       # relu'(0) = 0
    dW1 = X.T @ dz1                           # (D, H)
    db1 = dz1.sum(axis=0)                     # (H,)
    return float(loss), {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}


def gradient_check(f, params, grads, eps=1e-5):
    """Relative error between `grads` and central differences of f, one number per parameter.

    numeric[i] = (f(p + eps e_i) - f(p - eps e_i)) / (2 eps), each entry perturbed in place and
    restored. rel = ||numeric - grads|| / (||numeric|| + ||grads||), 0.0 when both norms are 0.
    Below ~1e-7 means the analytic gradient is right.
    """
    errors = {}
    for name, p in params.items():
        numeric = np.zeros_like(p)
        for i in np.ndindex(p.shape):
            old = p[i]
            p[i] = old + eps
            f_plus = f(params)
            p[i] = old - eps
            f_minus = f(params)
            p[i] = old                        # restore exactly
            numeric[i] = (f_plus - f_minus) / (2 * eps)
        analytic = grads[name]
        denom = np.linalg.norm(numeric) + np.linalg.norm(analytic)
        errors[name] = 0.0 if denom == 0 else float(np.linalg.norm(numeric - analytic) / denom)
    return errors


# ---------------------------------------------------------------------------------------------
# optimisers: one step, pure functions (new_param, new_state)
# ---------------------------------------------------------------------------------------------

def sgd_momentum_step(param, grad, state, lr, momentum):
    """v = momentum * v + grad (v = 0 before the first step);  param - lr * v.

    As torch.optim.SGD(momentum=..., dampening=0, nesterov=False). state: None, then {"velocity": v}.
    """
    v = np.zeros_like(param) if state is None else state["velocity"]
    v = momentum * v + grad
    return param - lr * v, {"velocity": v}


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    """One Adam step (torch.optim.Adam). weight_decay here is the classic L2 term, added to the
    gradient. state: None, then {"t": steps taken (1 after the first), "m": ..., "v": ...}."""
    beta1, beta2 = betas
    if state is None:
        state = {"t": 0, "m": np.zeros_like(param), "v": np.zeros_like(param)}
    if weight_decay:
        grad = grad + weight_decay * param    # coupled: goes through m and v
    t = state["t"] + 1
    m = beta1 * state["m"] + (1 - beta1) * grad
    v = beta2 * state["v"] + (1 - beta2) * grad * grad
    m_hat = m / (1 - beta1 ** t)              # bias correction: m, v start at 0
    v_hat = v / (1 - beta2 ** t)
    new = param - lr * m_hat / (np.sqrt(v_hat) + eps)
    return new, {"t": t, "m": m, "v": v}


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    """AdamW (torch.optim.AdamW): shrink the weights directly, param *= 1 - lr * weight_decay,
    then a plain Adam step. The decay never enters m or v ("decoupled")."""
    return adam_step(param * (1 - lr * weight_decay), grad, state, lr, betas, eps, 0.0)


# ---------------------------------------------------------------------------------------------
# normalisation and dropout
# ---------------------------------------------------------------------------------------------

def batchnorm_forward(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5,
                      training=True):
    """BatchNorm over the batch axis of x (N, C), as torch.nn.BatchNorm1d.

    training: normalise with the batch mean and BIASED variance; update the running stats with
    the UNBIASED variance: r = (1 - momentum) r + momentum * stat.
    eval: normalise with the running stats, which come back unchanged.
    Returns (out, new_running_mean, new_running_var); the inputs are never modified.
    """
    if training:
        n = x.shape[0]
        mean = x.mean(axis=0)                 # (C,)
        var = x.var(axis=0)                   # (C,) biased: divides by N
        new_mean = (1 - momentum) * running_mean + momentum * mean
        new_var = (1 - momentum) * running_var + momentum * var * n / (n - 1)
    else:
        mean, var = running_mean, running_var
        new_mean, new_var = running_mean.copy(), running_var.copy()   # new arrays, never the caller's
    out = (x - mean) / np.sqrt(var + eps) * gamma + beta
    return out, new_mean, new_var


def layernorm_forward(x, gamma, beta, eps=1e-5):
    """Normalise each row over the LAST axis: (x - mean) / sqrt(var + eps) * gamma + beta,
    biased variance, eps inside the square root (as torch.nn.functional.layer_norm)."""
    mean = x.mean(axis=-1, keepdims=True)     # (..., 1)
    var = x.var(axis=-1, keepdims=True)       # (..., 1)
    return (x - mean) / np.sqrt(var + eps) * gamma + beta


def dropout(x, p, training, rng):
    """Inverted dropout: keep = rng.random(x.shape) >= p, out = x * keep / (1 - p).

    Not training (or p == 0): x unchanged. p == 1: all zeros. E[out] = x either way.
    """
    if not training or p == 0:
        return x.copy()
    if p == 1:
        return np.zeros_like(x)
    keep = rng.random(x.shape) >= p
    return x * keep / (1.0 - p)


# ---------------------------------------------------------------------------------------------
# initialisation
# ---------------------------------------------------------------------------------------------

GAINS = {"linear": 1.0, "relu": math.sqrt(2.0), "tanh": 5.0 / 3.0}


def _fans(shape):
    """(fan_in, fan_out) of a weight of shape (out, in, *kernel), as PyTorch computes them."""
    receptive = math.prod(shape[2:])          # 1 for a matrix: the product of nothing
    return shape[1] * receptive, shape[0] * receptive


def xavier_uniform(shape, rng, gain=1.0):
    """U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)): variance 2 / (fan_in + fan_out)."""
    fan_in, fan_out = _fans(shape)
    a = gain * math.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-a, a, size=shape)


def kaiming_normal(shape, rng, mode="fan_in", nonlinearity="relu"):
    """N(0, std^2) with std = gain / sqrt(fan), fan = fan_in (keeps forward variance) or fan_out."""
    fan_in, fan_out = _fans(shape)
    fan = fan_in if mode == "fan_in" else fan_out
    std = GAINS[nonlinearity] / math.sqrt(fan)
    return rng.normal(0.0, std, size=shape)


# ---------------------------------------------------------------------------------------------
# learning-rate schedule and gradient clipping
# ---------------------------------------------------------------------------------------------

def cosine_schedule_with_warmup(step, warmup_steps, total_steps, base_lr, min_lr=0.0):
    """lr at 0-based `step`.

    warmup  (step < warmup_steps):        base_lr * (step + 1) / warmup_steps
    decay   (warmup_steps <= step < total): min_lr + (base_lr - min_lr) * (1 + cos(pi * progress)) / 2,
            progress = (step - warmup_steps) / (total_steps - warmup_steps)
    after   (step >= total_steps):        min_lr
    e.g. warmup 4, total 10, base 1: steps 0..3 -> 0.25, 0.5, 0.75, 1.0; step 4 -> 1.0; step 7 -> 0.5.
    """
    if step < warmup_steps:
        return base_lr * (step + 1) / warmup_steps
    if step >= total_steps:
        return min_lr
    progress = (step - warmup_steps) / (total_steps - warmup_steps)
    return min_lr + (base_lr - min_lr) * 0.5 * (1.0 + math.cos(math.pi * progress))


def clip_grad_norm(grads, max_norm, eps=1e-6):
    """Scale ALL gradients by one factor so their global L2 norm is at most max_norm.

    total = sqrt(sum of every squared entry of every gradient); coef = min(1, max_norm / (total + eps)).
    Returns (list of new gradients, total norm before clipping), as torch.nn.utils.clip_grad_norm_.
    """
    total = math.sqrt(sum(float(np.sum(np.square(g))) for g in grads))
    coef = min(1.0, max_norm / (total + eps))
    return [g * coef for g in grads], total   # new arrays, even when coef == 1
