"""Loss as F.softplus(r_rejected - r_chosen); accuracy as a float32 mean of the wins."""
import torch.nn.functional as F


def reward_model_loss(r_chosen, r_rejected):
    return F.softplus(r_rejected - r_chosen).mean()


def reward_accuracy(r_chosen, r_rejected):
    return (r_chosen > r_rejected).float().mean().item()
