"""Checks step >= total_steps first, then the warmup, then the cosine (the same for warmup_steps <= total_steps)."""
import math


def cosine_schedule_with_warmup(step, warmup_steps, total_steps, base_lr, min_lr=0.0):
    if step >= total_steps:
        return float(min_lr)
    if step < warmup_steps:
        return base_lr * (step + 1) / warmup_steps
    t = (step - warmup_steps) / (total_steps - warmup_steps)
    return min_lr + (base_lr - min_lr) * (math.cos(math.pi * t / 2) ** 2)
