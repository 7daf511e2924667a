"""Cosine progress measured over total_steps (step / total_steps) instead of the post-warmup span."""
import math


def cosine_schedule_with_warmup(step, warmup_steps, total_steps, base_lr, min_lr=0.0):
    if step < warmup_steps:
        return base_lr * (step + 1) / warmup_steps
    if step >= total_steps:
        return min_lr
    progress = step / total_steps
    return min_lr + (base_lr - min_lr) * 0.5 * (1 + math.cos(math.pi * progress))
