"""Delegates to the banned torch.optim.SGD."""
import torch


def sgd_momentum_step(param, grad, state, lr, momentum):
    p = torch.tensor(param, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([p], lr=lr, momentum=momentum)
    if state is not None:
        opt.state[p]["momentum_buffer"] = torch.tensor(state["velocity"])
    p.grad = torch.tensor(grad, dtype=torch.float64)
    opt.step()
    return p.detach().numpy(), {"velocity": opt.state[p]["momentum_buffer"].numpy()}
