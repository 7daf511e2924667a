"""Probability & Statistics from scratch in numpy: the reference solutions.

Every function here is the clearest version of one idea. scipy appears only where the brief
allows it (the Beta quantile function and the Student-t survival function are tables, not the
idea being practised).
"""
from __future__ import annotations

import math
from typing import Callable, Iterable

import numpy as np
from scipy import stats


# --- 1. logsumexp ----------------------------------------------------------------------------

def logsumexp(x, axis=None):
    """log(sum(exp(x))) along ``axis`` without overflow or underflow.

    Subtract the largest value m of each slice first: log Σ exp(x) = m + log Σ exp(x - m), and
    every exp(x - m) is in (0, 1]. A slice that is all -inf has m = -inf; use 0 there so the
    answer comes out as -inf instead of NaN (-inf - -inf).

    >>> float(logsumexp(np.array([1000.0, 1000.0])))   # 1000 + log 2
    1000.6931471805599
    """
    x = np.asarray(x, dtype=float)
    m = np.max(x, axis=axis, keepdims=True)
    m = np.where(np.isfinite(m), m, 0.0)                   # all -inf slice: shift by 0
    with np.errstate(divide="ignore"):                     # log(0) = -inf is the right answer
        out = np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True)) + m
    return np.squeeze(out, axis=axis) if axis is not None else float(out.reshape(()))


# --- 2. Welford's online mean and variance ------------------------------------------------------

def welford(xs: Iterable[float], ddof: int = 0) -> tuple[float, float]:
    """Mean and variance of a stream in ONE pass, stable when the values share a huge offset.

    Keep the count n, the running mean, and M2 = Σ (x - mean)²; each new x moves the mean by
    delta / n and adds delta * (x - new mean) to M2. Variance = M2 / (n - ddof).

    >>> welford(iter([1.0, 2.0, 3.0, 4.0]), ddof=1)
    (2.5, 1.6666666666666667)
    """
    n, mean, m2 = 0, 0.0, 0.0
    for x in xs:
        n += 1
        delta = x - mean
        mean += delta / n
        m2 += delta * (x - mean)                           # old delta times new deviation
    if n == 0:
        return math.nan, math.nan
    var = m2 / (n - ddof) if n > ddof else math.nan
    return float(mean), float(var)


# --- 3. Maximum likelihood -------------------------------------------------------------------

def gaussian_mle(x):
    """Maximum-likelihood mean and variance of a Gaussian, per column (axis 0).

    Setting the derivative of the log-likelihood to zero gives the sample mean and the
    *biased* variance Σ (x - mu)² / n (divide by n, not n - 1).

    >>> gaussian_mle(np.array([1.0, 2.0, 3.0, 6.0]))
    (3.0, 3.5)
    """
    x = np.asarray(x, dtype=float)
    mu = x.sum(axis=0) / x.shape[0]
    var = ((x - mu) ** 2).sum(axis=0) / x.shape[0]
    if x.ndim == 1:
        return float(mu), float(var)
    return mu, var


def bernoulli_mle(x) -> float:
    """Maximum-likelihood success probability: the fraction of ones.

    >>> bernoulli_mle(np.array([1, 0, 1, 1]))
    0.75
    """
    x = np.asarray(x, dtype=float)
    return float(x.sum() / x.size)


# --- 4. Beta-Binomial conjugate update ----------------------------------------------------------

def beta_binomial_update(alpha: float, beta: float, successes: int, trials: int, level: float = 0.95):
    """Posterior Beta(alpha', beta') after ``successes`` out of ``trials``, its mean and a central
    credible interval holding ``level`` of the posterior mass.

    Beta prior × Binomial likelihood ∝ p^(alpha+s-1) (1-p)^(beta+f-1): the posterior is a Beta
    again, with alpha' = alpha + successes and beta' = beta + failures.

    >>> a, b, mean, (lo, hi) = beta_binomial_update(1, 1, 7, 10)
    >>> (a, b, round(mean, 4))
    (8.0, 4.0, 0.6667)
    """
    if not 0 <= successes <= trials:
        raise ValueError(f"need 0 <= successes <= trials, got {successes} of {trials}")
    a = float(alpha + successes)
    b = float(beta + trials - successes)
    tail = (1.0 - level) / 2.0                            # equal mass cut from each side
    lo, hi = stats.beta.ppf([tail, 1.0 - tail], a, b)
    return a, b, a / (a + b), (float(lo), float(hi))


# --- 5. Bootstrap percentile interval -----------------------------------------------------------

def bootstrap_ci(x, statistic: Callable, n_resamples: int = 1000, confidence: float = 0.95, rng=None):
    """Percentile bootstrap interval for ``statistic(x)``.

    Draw all resample indices at once, WITH replacement:
    ``idx = rng.integers(0, n, size=(n_resamples, n))``; evaluate the statistic on each row
    ``x[idx[i]]``; the interval is the (1-c)/2 and (1+c)/2 percentiles of those values.
    """
    rng = np.random.default_rng() if rng is None else rng
    x = np.asarray(x)
    n = x.shape[0]
    idx = rng.integers(0, n, size=(n_resamples, n))       # (R, n) indices, with replacement
    values = np.array([statistic(x[row]) for row in idx])  # (R,)
    lo, hi = np.percentile(values, [50 * (1 - confidence), 50 * (1 + confidence)])
    return float(lo), float(hi)


# --- 6. Welch's t-test --------------------------------------------------------------------------

def welch_t_test(a, b) -> tuple[float, float, float]:
    """Welch's unequal-variance t-test: (t, df, two-sided p).

    t = (mean_a - mean_b) / sqrt(s_a²/n_a + s_b²/n_b) with unbiased variances (ddof=1), and the
    Welch-Satterthwaite degrees of freedom
    df = (s_a²/n_a + s_b²/n_b)² / ((s_a²/n_a)²/(n_a-1) + (s_b²/n_b)²/(n_b-1)).
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    na, nb = a.size, b.size
    va = ((a - a.mean()) ** 2).sum() / (na - 1) / na        # s_a² / n_a
    vb = ((b - b.mean()) ** 2).sum() / (nb - 1) / nb        # s_b² / n_b
    t = (a.mean() - b.mean()) / math.sqrt(va + vb)
    df = (va + vb) ** 2 / (va ** 2 / (na - 1) + vb ** 2 / (nb - 1))
    p = 2 * stats.t.sf(abs(t), df)                          # both tails
    return float(t), float(df), float(p)


# --- 7. Permutation test ------------------------------------------------------------------------

def permutation_test(a, b, n_permutations: int = 1000, rng=None) -> float:
    """Two-sided permutation test of the difference in means, p = (count + 1) / (n + 1).

    Under the null the labels are exchangeable: pool a and b, shuffle with
    ``rng.permutation(pooled)`` (one call per permutation), split back into the first len(a)
    and the rest, and count how often |mean(a*) - mean(b*)| >= |mean(a) - mean(b)|.
    """
    rng = np.random.default_rng() if rng is None else rng
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    observed = abs(a.mean() - b.mean())
    pooled = np.concatenate([a, b])                          # (na + nb,)
    count = 0
    for _ in range(n_permutations):
        shuffled = rng.permutation(pooled)
        diff = shuffled[:a.size].mean() - shuffled[a.size:].mean()
        count += abs(diff) >= observed
    return (count + 1) / (n_permutations + 1)


# --- 8. Entropy and cross-entropy ---------------------------------------------------------------

def entropy(p):
    """Shannon entropy in nats along the last axis, with 0 · log 0 = 0.

    >>> round(float(entropy(np.array([0.5, 0.5, 0.0]))), 6)   # log 2
    0.693147
    """
    p = np.asarray(p, dtype=float)
    safe = np.where(p > 0, p, 1.0)                           # log(1) = 0 where p = 0
    return -np.sum(p * np.log(safe), axis=-1)


def cross_entropy(p, q):
    """H(p, q) = -Σ p log q in nats along the last axis.

    Terms with p = 0 contribute 0 (whatever q is); a q = 0 where p > 0 makes the answer inf.
    """
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    with np.errstate(divide="ignore"):
        logq = np.where(p > 0, np.log(np.where(p > 0, q, 1.0)), 0.0)   # -inf where q = 0 < p
    return -np.sum(p * logq, axis=-1)


# --- 9. KL divergence between Gaussians ---------------------------------------------------------

def kl_gaussian(mu1, var1, mu2, var2):
    """KL(N(mu1, var1) || N(mu2, var2)) in nats; arguments are VARIANCES and broadcast.

    KL = ½ [ log(var2/var1) + (var1 + (mu1 - mu2)²) / var2 - 1 ].

    >>> float(kl_gaussian(0.0, 1.0, 1.0, 1.0))
    0.5
    """
    mu1, var1, mu2, var2 = (np.asarray(v, dtype=float) for v in (mu1, var1, mu2, var2))
    return 0.5 * (np.log(var2 / var1) + (var1 + (mu1 - mu2) ** 2) / var2 - 1.0)


# --- 10. Inverse-CDF sampling -------------------------------------------------------------------

def sample_exponential(u, rate: float):
    """Turn uniforms u in [0, 1) into Exponential(rate) samples by inverting the CDF.

    F(x) = 1 - exp(-rate x), so x = F⁻¹(u) = -log(1 - u) / rate (log1p keeps it exact for tiny u).

    >>> float(sample_exponential(np.array(0.5), 2.0))   # the median, log 2 / 2
    0.34657359027997264
    """
    u = np.asarray(u, dtype=float)
    return -np.log1p(-u) / rate
