"""Forms the policy and reference log-ratios first (TRL style), then scales their difference by beta."""
import torch.nn.functional as F


def dpo_loss(policy_chosen, policy_rejected, ref_chosen, ref_rejected, beta=0.1):
    pi_logratios = policy_chosen - policy_rejected
    ref_logratios = ref_chosen - ref_rejected
    loss = -F.logsigmoid(beta * (pi_logratios - ref_logratios)).mean()
    return (loss, (beta * (policy_chosen - ref_chosen)).detach(),
            (beta * (policy_rejected - ref_rejected)).detach())
