"""Group statistics with index_add over a group-id vector, then broadcast back by indexing."""
import torch


def grpo_advantages(rewards, group_size, eps=1e-4):
    N = rewards.shape[0]
    group = torch.arange(N, device=rewards.device) // group_size            # (N,) group id per reward
    n_groups = N // group_size
    mean = torch.zeros(n_groups, dtype=rewards.dtype, device=rewards.device).index_add(0, group, rewards)
    mean = mean / group_size                                                 # (n_groups,)
    centred = rewards - mean[group]                                          # (N,)
    var = torch.zeros_like(mean).index_add(0, group, centred ** 2) / (group_size - 1)
    return centred / (var.sqrt()[group] + eps)
