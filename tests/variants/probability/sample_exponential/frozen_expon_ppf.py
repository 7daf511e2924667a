"""Calls .ppf on a frozen scipy.stats.expon(scale=1/rate): the banned expon.ppf by another path."""
import numpy as np
import scipy.stats


def sample_exponential(u, rate):
    return scipy.stats.expon(scale=1 / rate).ppf(np.asarray(u, dtype=float))
