"""Writes the cosine as cos^2(pi p / 2) and clamps progress to 1 instead of a separate after-the-end branch."""
import math


def cosine_schedule_with_warmup(step, warmup_steps, total_steps, base_lr, min_lr=0.0):
    if step < warmup_steps:
        return base_lr * min(1.0, (step + 1) / warmup_steps)
    decay_steps = max(1, total_steps - warmup_steps)
    progress = min(1.0, (step - warmup_steps) / decay_steps)
    return min_lr + (base_lr - min_lr) * math.cos(0.5 * math.pi * progress) ** 2
