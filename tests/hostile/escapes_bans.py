"""Escapes the bans by reaching the banned function some other way, one way per kata; each kata
calls its banned function that way and returns a right answer, so a kata earns points only if its
ban was escaped. low_rank_approx (no ban) is implemented honestly and must keep its full points.

- lu_solve: the private module path numpy.linalg._linalg.solve;
- gram_schmidt_qr: an alias bound at import (``from numpy.linalg import qr as _factor``);
- power_iteration: a functools.partial of numpy.linalg.eig;
- softmax_jacobian: scipy.special.softmax stored in a container (a dict);
- grad_least_squares: torch.autograd.grad called from code compiled under the learner's file name;
- grad_quadratic_form: torch.autograd.grad called from code compiled under the file name of the
  jail's own server module;
- numerical_jacobian: scipy.optimize.approx_fprime looked up by a name built at run time (the
  answer itself is computed by central differences).

No kata raises (a raise is disarms_the_ban_watch.py's business).
"""
import functools
import importlib
import os
import sys

import numpy as np
import numpy.linalg
import scipy.optimize
import scipy.special
import torch
from numpy.linalg import qr as _factor

try:
    import numpy.linalg._linalg as _private  # numpy >= 2
except ImportError:  # pragma: no cover
    import numpy.linalg.linalg as _private

_EIG = functools.partial(np.linalg.eig)
_TOOLS = {"softmax": scipy.special.softmax}


def lu_solve(A, b):
    A, b = np.asarray(A, dtype=float), np.asarray(b, dtype=float)
    try:
        return _private.solve(A, b)
    except np.linalg.LinAlgError:
        return np.full(b.shape, np.nan)


def gram_schmidt_qr(A):
    Q, R = _factor(np.asarray(A, dtype=float))
    signs = np.where(np.diag(R) < 0, -1.0, 1.0)
    Q, R = Q * signs, R * signs[:, None]
    return Q, R  # never raises: a raise would test the lu_solve way instead


def power_iteration(A, num_iters=1000, tol=1e-10):
    w, V = _EIG(np.asarray(A, dtype=float))
    i = int(np.argmax(np.abs(w)))
    v = np.real(V[:, i])
    v = v / np.linalg.norm(v)
    v = v * np.sign(v[np.argmax(np.abs(v))])
    return float(np.real(w[i])), v


def low_rank_approx(A, k):
    U, s, Vt = np.linalg.svd(np.asarray(A, dtype=float), full_matrices=False)
    return (U[:, :k] * s[:k]) @ Vt[:k], float(np.sqrt(np.sum(s[k:] ** 2)))


def numerical_jacobian(f, x, eps=1e-6):
    x = np.array(x, dtype=float)
    approx = getattr(importlib.import_module("scipy." + "optimize"), "approx_" + "fprime")
    try:
        approx(x, lambda y: float(np.atleast_1d(f(y))[0]), eps)
    except Exception:
        pass
    columns = []
    for j in range(x.size):
        step = np.zeros_like(x)
        step[j] = eps
        columns.append((np.atleast_1d(f(x + step)) - np.atleast_1d(f(x - step))) / (2 * eps))
    return np.stack(columns, axis=1)


_LEARNER = ("def _grad_ls(A, x, b):\n"
            "    A, b = torch.as_tensor(A, dtype=torch.float64), torch.as_tensor(b, dtype=torch.float64)\n"
            "    x = torch.tensor(np.asarray(x, dtype=float), requires_grad=True)\n"
            "    loss = 0.5 * ((A @ x - b) ** 2).sum()\n"
            "    return torch.autograd.grad(loss, x)[0].numpy()\n")
exec(compile(_LEARNER, __file__, "exec"), globals())

_JAIL = ("def _grad_qf(A, x):\n"
         "    A = torch.as_tensor(A, dtype=torch.float64)\n"
         "    x = torch.tensor(np.asarray(x, dtype=float), requires_grad=True)\n"
         "    return torch.autograd.grad(x @ A @ x, x)[0].numpy()\n")
_server = sys.modules.get("grader.jail.server")
exec(compile(_JAIL, os.path.realpath(getattr(_server, "__file__", None) or __file__), "exec"), globals())


def grad_least_squares(A, x, b):
    return _grad_ls(A, x, b)  # noqa: F821 (compiled above)


def grad_quadratic_form(A, x):
    return _grad_qf(A, x)  # noqa: F821 (compiled above)


def softmax_jacobian(z):
    s = _TOOLS["softmax"](np.asarray(z, dtype=float))
    return np.diag(s) - np.outer(s, s)
