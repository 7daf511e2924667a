"""-log(sigmoid(margin)): inf when the margin is very negative."""
import torch


def reward_model_loss(r_chosen, r_rejected):
    return -torch.log(torch.sigmoid(r_chosen - r_rejected)).mean()
