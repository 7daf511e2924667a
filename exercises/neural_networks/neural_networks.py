"""Neural network basics, from scratch: your workspace.

Fill in each function (and the Value class). The brief, with every pinned convention, is
exercises/neural_networks/README.md. Check with `make check TOPIC=neural_networks`.
Everything is numpy (and `math` for the scalar engine); no torch needed.
"""
from __future__ import annotations

import math

import numpy as np
from scipy.special import erf  # allowed: the exact GELU needs the error function


# ---------------------------------------------------------------------------------------------
# value: a scalar autograd engine
# ---------------------------------------------------------------------------------------------

class Value:
    """A scalar that records the operations that made it, so backward() can apply the chain rule.

    v = Value(2.0): v.data == 2.0, v.grad == 0.0. Supports +, -, *, /, ** (constant exponent),
    unary -, the reflected forms (2 + v, 2 * v, 2 - v, 2 / v), and v.exp(), v.log(), v.tanh(),
    v.relu(). out.backward() sets out.grad = 1 and fills .grad of every Value it depends on.

    >>> a, b = Value(2.0), Value(-3.0)
    >>> c = a * b + a
    >>> c.backward(); (a.grad, b.grad)
    (-2.0, 2.0)
    """

    def __init__(self, data, _children=(), _op=""):
        """Store data as float, grad = 0.0, the children (inputs) and a _backward closure."""
        raise NotImplementedError("value: see exercises/neural_networks/README.md")

    def __add__(self, other):
        raise NotImplementedError("value: see exercises/neural_networks/README.md")

    def __mul__(self, other):
        raise NotImplementedError("value: see exercises/neural_networks/README.md")

    def __pow__(self, k):
        """self ** k for a constant int/float k."""
        raise NotImplementedError("value: see exercises/neural_networks/README.md")

    def exp(self):
        raise NotImplementedError("value: see exercises/neural_networks/README.md")

    def log(self):
        """Natural log."""
        raise NotImplementedError("value: see exercises/neural_networks/README.md")

    def tanh(self):
        """Must be finite at ±1000."""
        raise NotImplementedError("value: see exercises/neural_networks/README.md")

    def relu(self):
        """max(x, 0); its derivative at exactly 0 is 0."""
        raise NotImplementedError("value: see exercises/neural_networks/README.md")

    def backward(self):
        """Set self.grad = 1.0 and call every node's _backward in reverse topological order."""
        raise NotImplementedError("value: see exercises/neural_networks/README.md")

    def __neg__(self):
        raise NotImplementedError("value: see exercises/neural_networks/README.md")

    def __radd__(self, other):
        raise NotImplementedError("value: see exercises/neural_networks/README.md")

    def __sub__(self, other):
        raise NotImplementedError("value: see exercises/neural_networks/README.md")

    def __rsub__(self, other):
        raise NotImplementedError("value: see exercises/neural_networks/README.md")

    def __rmul__(self, other):
        raise NotImplementedError("value: see exercises/neural_networks/README.md")

    def __truediv__(self, other):
        raise NotImplementedError("value: see exercises/neural_networks/README.md")

    def __rtruediv__(self, other):
        raise NotImplementedError("value: see exercises/neural_networks/README.md")


# ---------------------------------------------------------------------------------------------
# activations: x is a float numpy array of any shape; return a new array of the same shape
# ---------------------------------------------------------------------------------------------

def sigmoid(x):
    """1 / (1 + exp(-x)), finite and accurate at ±1000. sigmoid(np.array([0.0])) -> [0.5]."""
    raise NotImplementedError("activations: see exercises/neural_networks/README.md")


def sigmoid_grad(x):
    """d sigmoid / dx at x."""
    raise NotImplementedError("activations: see exercises/neural_networks/README.md")


def relu(x):
    raise NotImplementedError("activations: see exercises/neural_networks/README.md")


def relu_grad(x):
    """1.0 where x > 0, else 0.0 (relu'(0) = 0 is pinned)."""
    raise NotImplementedError("activations: see exercises/neural_networks/README.md")


def tanh(x):
    raise NotImplementedError("activations: see exercises/neural_networks/README.md")


def tanh_grad(x):
    raise NotImplementedError("activations: see exercises/neural_networks/README.md")


def gelu(x):
    """Exact GELU x * Phi(x), Phi the standard normal CDF (erf form, not the tanh approximation)."""
    raise NotImplementedError("activations: see exercises/neural_networks/README.md")


def gelu_grad(x):
    raise NotImplementedError("activations: see exercises/neural_networks/README.md")


# ---------------------------------------------------------------------------------------------
# softmax over the last axis
# ---------------------------------------------------------------------------------------------

def softmax(x):
    """Softmax along axis -1 of x (..., K); stable at ±1000; does not modify x."""
    raise NotImplementedError("softmax: see exercises/neural_networks/README.md")


def log_softmax(x):
    """log(softmax(x)) along axis -1, computed without ever taking log(0)."""
    raise NotImplementedError("softmax: see exercises/neural_networks/README.md")


# ---------------------------------------------------------------------------------------------
# perceptron
# ---------------------------------------------------------------------------------------------

def perceptron_train(X, y, epochs):
    """X (n, d), y (n,) in {-1, +1}. Returns (w (d,), b float, n_epochs int, n_mistakes int).

    w = 0, b = 0, learning rate 1; rows in order; mistake iff y_i (x_i @ w + b) <= 0, then
    w += y_i x_i, b += y_i. Stop after the first epoch with no mistake (counted in n_epochs)
    or after `epochs` epochs.
    """
    raise NotImplementedError("perceptron: see exercises/neural_networks/README.md")


# ---------------------------------------------------------------------------------------------
# 2-layer MLP, gradient check
# ---------------------------------------------------------------------------------------------

def mlp_forward_backward(params, X, y):
    """params {"W1": (D, H), "b1": (H,), "W2": (H, C), "b2": (C,)}, X (N, D), y (N,) ints.

    logits = relu(X @ W1 + b1) @ W2 + b2; loss = mean_i -log softmax(logits)[i, y_i].
    Returns (loss float, grads dict with the keys and shapes of params). Does not modify params.
    """
    raise NotImplementedError("mlp_forward_backward: see exercises/neural_networks/README.md")


def gradient_check(f, params, grads, eps=1e-5):
    """f(params) -> float. Returns {name: relative error} between grads[name] and the central
    difference gradient: ||num - ana|| / (||num|| + ||ana||), 0.0 if both are zero.
    params must hold the same values afterwards."""
    raise NotImplementedError("gradient_check: see exercises/neural_networks/README.md")


# ---------------------------------------------------------------------------------------------
# optimisers: return (new_param, new_state); state is None before the first step
# ---------------------------------------------------------------------------------------------

def sgd_momentum_step(param, grad, state, lr, momentum):
    """torch.optim.SGD(momentum, dampening=0, nesterov=False). new_state = {"velocity": v}."""
    raise NotImplementedError("sgd_momentum: see exercises/neural_networks/README.md")


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    """torch.optim.Adam (weight_decay = L2 added to grad). new_state = {"t": int, "m": ..., "v": ...},
    t = 1 after the first step."""
    raise NotImplementedError("adam: see exercises/neural_networks/README.md")


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    """torch.optim.AdamW: decoupled weight decay. Same state layout as adam_step."""
    raise NotImplementedError("adam: see exercises/neural_networks/README.md")


# ---------------------------------------------------------------------------------------------
# normalisation, dropout
# ---------------------------------------------------------------------------------------------

def batchnorm_forward(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5,
                      training=True):
    """x (N, C). Returns (out (N, C), new_running_mean (C,), new_running_var (C,)), as
    torch.nn.BatchNorm1d; inputs are not modified and the running stats returned are new arrays
    (copies in eval mode)."""
    raise NotImplementedError("batchnorm: see exercises/neural_networks/README.md")


def layernorm_forward(x, gamma, beta, eps=1e-5):
    """Normalise x (..., D) over its last axis (x may be a single vector (D,)); gamma, beta (D,)."""
    raise NotImplementedError("layernorm: see exercises/neural_networks/README.md")


def dropout(x, p, training, rng):
    """Inverted dropout with keep = rng.random(x.shape) >= p (one call; a draw equal to p is kept)
    and scale 1 / (1 - p)."""
    raise NotImplementedError("dropout: see exercises/neural_networks/README.md")


# ---------------------------------------------------------------------------------------------
# initialisation: shape = (fan_out, fan_in, *kernel) as in PyTorch; rng a np.random.Generator
# ---------------------------------------------------------------------------------------------

def xavier_uniform(shape, rng, gain=1.0):
    """U(-a, a), a = gain * sqrt(6 / (fan_in + fan_out)). Returns an array of `shape`."""
    raise NotImplementedError("init: see exercises/neural_networks/README.md")


def kaiming_normal(shape, rng, mode="fan_in", nonlinearity="relu"):
    """N(0, std^2), std = gain / sqrt(fan); gain: relu sqrt(2), linear 1, tanh 5/3."""
    raise NotImplementedError("init: see exercises/neural_networks/README.md")


# ---------------------------------------------------------------------------------------------
# schedule, clipping
# ---------------------------------------------------------------------------------------------

def cosine_schedule_with_warmup(step, warmup_steps, total_steps, base_lr, min_lr=0.0):
    """lr (float) at 0-based step: linear warmup base_lr * (step + 1) / warmup_steps, then cosine
    from base_lr (at step == warmup_steps) to min_lr (at step >= total_steps)."""
    raise NotImplementedError("lr_schedule: see exercises/neural_networks/README.md")


def clip_grad_norm(grads, max_norm, eps=1e-6):
    """grads: list of arrays. Returns (clipped list, total norm before clipping), global norm,
    coef = min(1, max_norm / (total + eps)), as torch.nn.utils.clip_grad_norm_. The list and its
    arrays are new, even when nothing is clipped."""
    raise NotImplementedError("clip_grad_norm: see exercises/neural_networks/README.md")
