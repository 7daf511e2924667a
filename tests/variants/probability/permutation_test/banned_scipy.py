"""Calls the banned scipy.stats.permutation_test."""
import numpy as np
import scipy.stats


def permutation_test(a, b, n_permutations=1000, rng=None):
    res = scipy.stats.permutation_test((np.asarray(a), np.asarray(b)), lambda u, v: np.mean(u) - np.mean(v),
                                       n_resamples=n_permutations, vectorized=False, random_state=rng)
    return float(res.pvalue)
