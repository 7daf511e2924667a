"""No eps: a group with identical rewards gives 0 / 0 = NaN."""


def grpo_advantages(rewards, group_size, eps=1e-4):
    g = rewards.reshape(-1, group_size)
    return ((g - g.mean(1, keepdim=True)) / g.std(1, keepdim=True)).reshape(-1)
