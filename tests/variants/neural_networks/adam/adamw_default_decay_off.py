"""adamw_step copies adam_step's signature: its default weight_decay is 0.0 instead of torch's 1e-2."""


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    return adam_step(param * (1 - lr * weight_decay), grad, state, lr, betas, eps, 0.0)
