"""AdamW shrinks the weights after the Adam step (on the updated param) instead of before it."""


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    new, new_state = adam_step(param, grad, state, lr, betas, eps, 0.0)
    return new * (1 - lr * weight_decay), new_state
