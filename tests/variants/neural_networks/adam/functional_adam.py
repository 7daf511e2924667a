"""Escapes the torch.optim.Adam ban through its functional form torch.optim.adam.adam."""
import numpy as np
import torch
from torch.optim.adam import adam as functional_adam


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    p = torch.tensor(np.asarray(param, dtype=float))
    g = torch.tensor(np.asarray(grad, dtype=float))
    if state is None:
        state = {"t": 0, "m": np.zeros_like(param, dtype=float), "v": np.zeros_like(param, dtype=float)}
    m, v = torch.tensor(np.array(state["m"], dtype=float)), torch.tensor(np.array(state["v"], dtype=float))
    step = torch.tensor(float(state["t"]))
    functional_adam([p], [g], [m], [v], [], [step], foreach=False, amsgrad=False, beta1=betas[0],
                          beta2=betas[1], lr=lr, weight_decay=weight_decay, eps=eps, maximize=False)
    return p.numpy(), {"t": int(step.item()), "m": m.numpy(), "v": v.numpy()}
