"""Adds eps to the variance under the square root instead of to the std."""
import torch


def grpo_advantages(rewards, group_size, eps=1e-4):
    groups = rewards.reshape(-1, group_size)
    mean = groups.mean(dim=1, keepdim=True)
    var = groups.var(dim=1, keepdim=True)
    return ((groups - mean) / torch.sqrt(var + eps)).reshape(-1)
