"""Calls the banned scipy.stats.bootstrap."""
import numpy as np
import scipy.stats


def bootstrap_ci(x, statistic, n_resamples=1000, confidence=0.95, rng=None):
    res = scipy.stats.bootstrap((np.asarray(x),), statistic, n_resamples=n_resamples, vectorized=False,
                                confidence_level=confidence, method="percentile", random_state=rng)
    return float(res.confidence_interval.low), float(res.confidence_interval.high)
