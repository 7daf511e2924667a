"""Calls the banned torch autograd (Tensor.backward) instead of deriving the gradient."""
import numpy as np
import torch


def grad_least_squares(A, x, b):
    At, bt = torch.as_tensor(np.asarray(A, dtype=float)), torch.as_tensor(np.asarray(b, dtype=float))
    xt = torch.tensor(np.asarray(x, dtype=float), requires_grad=True)
    (0.5 * torch.sum((At @ xt - bt) ** 2)).backward()
    return xt.grad.numpy()
