"""Loss via torch.logaddexp(0, -margin) (= softplus); returns the rewards undetached, as the brief allows."""
import torch


def dpo_loss(policy_chosen, policy_rejected, ref_chosen, ref_rejected, beta=0.1):
    chosen_rewards = beta * (policy_chosen - ref_chosen)
    rejected_rewards = beta * (policy_rejected - ref_rejected)
    margin = chosen_rewards - rejected_rewards
    loss = torch.logaddexp(torch.zeros_like(margin), -margin).mean()
    return loss, chosen_rewards, rejected_rewards
