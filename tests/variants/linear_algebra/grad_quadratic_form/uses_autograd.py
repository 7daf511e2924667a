"""Calls the banned torch.autograd.grad instead of deriving the gradient."""
import numpy as np
import torch


def grad_quadratic_form(A, x):
    At = torch.as_tensor(np.asarray(A, dtype=float))
    xt = torch.tensor(np.asarray(x, dtype=float), requires_grad=True)
    (g,) = torch.autograd.grad(xt @ At @ xt, xt)
    return g.numpy()
