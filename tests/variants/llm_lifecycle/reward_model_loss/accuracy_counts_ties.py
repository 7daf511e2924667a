"""Accuracy with >=: a tie counts as a win."""


def reward_accuracy(r_chosen, r_rejected):
    return (r_chosen >= r_rejected).double().mean().item()
