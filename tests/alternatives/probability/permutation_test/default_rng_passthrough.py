"""Normalises rng with np.random.default_rng(rng) and counts with sum() over a generator of comparisons."""
import numpy as np


def permutation_test(a, b, n_permutations=1000, rng=None):
    rng = np.random.default_rng(rng)
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    pooled = np.concatenate([a, b])
    observed = abs(a.mean() - b.mean())
    na = len(a)

    def diff(s):
        return abs(s[:na].mean() - s[na:].mean())

    count = sum(1 for _ in range(n_permutations) if diff(rng.permutation(pooled)) >= observed)
    return (count + 1) / (n_permutations + 1)
