"""AdamW written as a plain Adam step minus lr * weight_decay * param (the original param): the same as shrinking first."""


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    new, new_state = adam_step(param, grad, state, lr, betas, eps, 0.0)
    return new - lr * weight_decay * param, new_state
