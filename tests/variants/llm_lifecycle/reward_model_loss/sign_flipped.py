"""-log sigmoid(r_rejected - r_chosen): trains the reward model to prefer the rejected answer."""
from torch import nn


def reward_model_loss(r_chosen, r_rejected):
    return -nn.functional.logsigmoid(r_rejected - r_chosen).mean()
