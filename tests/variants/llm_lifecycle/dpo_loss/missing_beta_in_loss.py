"""Forgets beta inside the sigmoid (it only scales the logged rewards)."""
from torch import nn


def dpo_loss(policy_chosen, policy_rejected, ref_chosen, ref_rejected, beta=0.1):
    logits = (policy_chosen - ref_chosen) - (policy_rejected - ref_rejected)
    loss = -nn.functional.logsigmoid(logits).mean()
    return loss, beta * (policy_chosen - ref_chosen).detach(), beta * (policy_rejected - ref_rejected).detach()
