"""-log sigmoid(rejected - chosen): pushes the policy towards the rejected answers."""
from torch import nn


def dpo_loss(policy_chosen, policy_rejected, ref_chosen, ref_rejected, beta=0.1):
    c = beta * (policy_chosen - ref_chosen)
    r = beta * (policy_rejected - ref_rejected)
    return -nn.functional.logsigmoid(r - c).mean(), c.detach(), r.detach()
