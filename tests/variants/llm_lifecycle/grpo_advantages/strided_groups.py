"""reshape(group_size, -1): takes every n_groups-th reward as a group instead of consecutive ones."""


def grpo_advantages(rewards, group_size, eps=1e-4):
    g = rewards.reshape(group_size, -1)
    return ((g - g.mean(0, keepdim=True)) / (g.std(0, keepdim=True) + eps)).reshape(-1)
