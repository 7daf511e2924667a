"""Calls the banned scipy.stats.entropy."""
import scipy.stats


def entropy(p):
    return scipy.stats.entropy(p, axis=-1)
