"""-log(sigmoid(.)): inf at margins of -1000."""
import torch


def dpo_loss(policy_chosen, policy_rejected, ref_chosen, ref_rejected, beta=0.1):
    c = beta * (policy_chosen - ref_chosen)
    r = beta * (policy_rejected - ref_rejected)
    return -torch.log(torch.sigmoid(c - r)).mean(), c.detach(), r.detach()
