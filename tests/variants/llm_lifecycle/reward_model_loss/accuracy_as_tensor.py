"""reward_accuracy returns a 0-dim tensor (forgot .item()) instead of a Python float."""


def reward_accuracy(r_chosen, r_rejected):
    return (r_chosen > r_rejected).double().mean()
