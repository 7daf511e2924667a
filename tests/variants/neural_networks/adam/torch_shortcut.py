"""Delegates to the banned torch.optim.Adam."""
import numpy as np
import torch


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    p = torch.tensor(param, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([p], lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)
    t = 0 if state is None else state["t"]
    if state is not None:
        opt.state[p] = {"step": torch.tensor(float(t)), "exp_avg": torch.tensor(state["m"]),
                        "exp_avg_sq": torch.tensor(state["v"])}
    p.grad = torch.tensor(grad, dtype=torch.float64)
    opt.step()
    s = opt.state[p]
    return p.detach().numpy(), {"t": t + 1, "m": s["exp_avg"].numpy(), "v": s["exp_avg_sq"].numpy()}
