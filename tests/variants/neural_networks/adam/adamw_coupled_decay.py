"""AdamW with the decay added to the gradient (L2, coupled through m and v) instead of decoupled."""


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    return adam_step(param, grad, state, lr, betas, eps, weight_decay)
