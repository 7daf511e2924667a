"""Population std (ddof = 0) instead of the pinned unbiased std."""


def grpo_advantages(rewards, group_size, eps=1e-4):
    g = rewards.reshape(-1, group_size)
    return ((g - g.mean(1, keepdim=True)) / (g.std(1, keepdim=True, unbiased=False) + eps)).reshape(-1)
