"""Probability & Statistics from scratch in numpy: your workspace.

Replace each `raise NotImplementedError(...)` with your implementation. The brief,
exercises/probability/README.md, pins every convention. `make check TOPIC=probability` runs the
public checks, `make grade PHASE=1` the hidden ones, `make hint TOPIC=probability` gives hints.
scipy is allowed only where the brief says so (scipy.stats.beta.ppf, scipy.stats.t.sf / .cdf).
"""
from __future__ import annotations

import math
from typing import Callable, Iterable

import numpy as np
from scipy import stats


def logsumexp(x, axis=None):
    """log(sum(exp(x))) along ``axis`` (an int, negative allowed, or None for all elements).

    Stable for inputs around ±1000: shift each slice by its own maximum (not its mean). The reduced
    axis is dropped (no keepdims) and the result is a float64 array; axis=None (the default) returns
    a float, not a 0-d array; a slice that is all -inf gives -inf (not NaN). Do not modify ``x``.

    >>> float(logsumexp(np.array([1000.0, 1000.0])))   # 1000 + log 2
    1000.6931471805599
    """
    raise NotImplementedError("logsumexp: see exercises/probability/README.md")


def welford(xs: Iterable[float], ddof: int = 0) -> tuple[float, float]:
    """(mean, var) of the values of ``xs`` in ONE pass over it (xs may be a generator).

    Returns the tuple (mean, var) of floats; var divides by n - ddof. Empty xs -> (nan, nan); var
    is nan when n <= ddof. Must stay accurate when every value is about 1e9. numpy.mean/var/std
    and the array methods .mean()/.var()/.std() are banned.

    >>> welford(iter([1.0, 2.0, 3.0, 4.0]), ddof=1)
    (2.5, 1.6666666666666667)
    """
    raise NotImplementedError("welford: see exercises/probability/README.md")


def gaussian_mle(x):
    """Maximum-likelihood (mu, var) of a Gaussian fitted to the samples in ``x``.

    x has shape (n,) -> two floats, or (n, d) -> two float64 arrays of shape (d,) (one per column;
    the rows are the samples; (n, 1) gives arrays of shape (1,)). var is the maximum-likelihood
    (biased) variance, computed from centred values so it stays accurate at an offset of 1e6.
    numpy.var/std and the array methods .var()/.std() are banned.

    >>> gaussian_mle(np.array([1.0, 2.0, 3.0, 6.0]))
    (3.0, 3.5)
    """
    raise NotImplementedError("mle: see exercises/probability/README.md")


def bernoulli_mle(x) -> float:
    """Maximum-likelihood success probability p from a 1-D array of 0/1 ints or bools.

    >>> bernoulli_mle(np.array([1, 0, 1, 1]))
    0.75
    """
    raise NotImplementedError("mle: see exercises/probability/README.md")


def beta_binomial_update(alpha: float, beta: float, successes: int, trials: int, level: float = 0.95):
    """Posterior of a Beta(alpha, beta) prior after ``successes`` out of ``trials`` Bernoulli trials.

    Returns the tuple (alpha_post, beta_post, posterior_mean, (lo, hi)) of floats (also for int
    arguments) where (lo, hi) is a tuple of two floats: the central credible interval holding
    ``level`` of the posterior mass. Raises ValueError unless 0 <= successes <= trials.

    >>> a, b, mean, (lo, hi) = beta_binomial_update(1, 1, 7, 10)
    >>> (a, b, round(mean, 4))
    (8.0, 4.0, 0.6667)
    """
    raise NotImplementedError("beta_binomial_update: see exercises/probability/README.md")


def bootstrap_ci(x, statistic: Callable, n_resamples: int = 1000, confidence: float = 0.95, rng=None):
    """Percentile bootstrap interval (lo, hi) for ``statistic`` of the 1-D sample ``x``.

    rng is a np.random.Generator (None -> np.random.default_rng()). Pinned draws:
    idx = rng.integers(0, n, size=(n_resamples, n)); statistic(x[idx[i]]) for each row i;
    percentiles (1 - confidence)/2 and (1 + confidence)/2 of those values (np.percentile default),
    returned as a tuple of two floats. rng=None: a fresh generator on each call (no fixed seed).
    """
    raise NotImplementedError("bootstrap_ci: see exercises/probability/README.md")


def welch_t_test(a, b) -> tuple[float, float, float]:
    """Welch's t-test of mean(a) == mean(b) without assuming equal variances: (t, df, p).

    Returns a tuple of three floats. t > 0 when mean(a) > mean(b); df is the Welch-Satterthwaite
    value; p is two-sided and keeps its relative accuracy when tiny (t.sf, not 1 - t.cdf).
    """
    raise NotImplementedError("welch_t_test: see exercises/probability/README.md")


def permutation_test(a, b, n_permutations: int = 1000, rng=None) -> float:
    """Two-sided permutation-test p-value for the difference in means of ``a`` and ``b``.

    Pinned: pooled = np.concatenate([a, b]); n_permutations times: s = rng.permutation(pooled),
    diff = mean(s[:len(a)]) - mean(s[len(a):]); count |diff| >= |mean(a) - mean(b)|;
    p = (count + 1) / (n_permutations + 1), returned as a float. rng None -> a fresh
    np.random.default_rng() on each call.
    """
    raise NotImplementedError("permutation_test: see exercises/probability/README.md")


def entropy(p):
    """Shannon entropy in nats (natural log) along the last axis; 0 · log 0 = 0.

    p: (k,) -> float, or (m, k) -> float64 array of shape (m,).

    >>> round(float(entropy(np.array([0.5, 0.5, 0.0]))), 6)   # log 2
    0.693147
    """
    raise NotImplementedError("entropy: see exercises/probability/README.md")


def cross_entropy(p, q):
    """Cross-entropy H(p, q) in nats along the last axis.

    Terms with p = 0 contribute 0 (whatever q is); q = 0 where p > 0 gives +inf.
    """
    raise NotImplementedError("entropy: see exercises/probability/README.md")


def kl_gaussian(mu1, var1, mu2, var2):
    """KL(N(mu1, var1) || N(mu2, var2)) in nats, elementwise; the arguments are VARIANCES and broadcast.

    Returns a float64 numpy array of the broadcast shape (for four scalars a float or a 0-d
    array), never a torch tensor.

    >>> float(kl_gaussian(0.0, 1.0, 1.0, 1.0))
    0.5
    """
    raise NotImplementedError("kl_gaussian: see exercises/probability/README.md")


def sample_exponential(u, rate: float):
    """Exponential(rate) samples (mean 1/rate) from uniforms u in [0, 1) by inverting the CDF.

    Pinned: x = -log(1 - u) / rate, elementwise: a new float64 array of the same shape as u.

    >>> float(sample_exponential(np.array(0.5), 2.0))   # the median, log 2 / 2
    0.34657359027997264
    """
    raise NotImplementedError("sample_exponential: see exercises/probability/README.md")
