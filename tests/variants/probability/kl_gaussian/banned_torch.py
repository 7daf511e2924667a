"""Calls the banned torch.distributions.kl_divergence."""
import numpy as np
import torch


def kl_gaussian(mu1, var1, mu2, var2):
    t = lambda v: torch.as_tensor(np.asarray(v, dtype=float))  # noqa: E731
    p = torch.distributions.Normal(t(mu1), t(var1).sqrt())
    q = torch.distributions.Normal(t(mu2), t(var2).sqrt())
    return torch.distributions.kl_divergence(p, q).numpy()
