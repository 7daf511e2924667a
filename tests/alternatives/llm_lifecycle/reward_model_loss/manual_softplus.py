"""-log sigmoid(m) as the stable softplus max(-m, 0) + log1p(exp(-|m|)); accuracy by counting wins."""
import torch


def reward_model_loss(r_chosen, r_rejected):
    m = r_chosen - r_rejected
    return (torch.clamp(-m, min=0) + torch.log1p(torch.exp(-m.abs()))).mean()


def reward_accuracy(r_chosen, r_rejected):
    wins = int(torch.count_nonzero(r_chosen > r_rejected))
    return wins / r_chosen.numel()
