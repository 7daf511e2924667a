"""Shuffles each group on its own: the group means never change, so p is always 1."""
import numpy as np


def permutation_test(a, b, n_permutations=1000, rng=None):
    rng = np.random.default_rng() if rng is None else rng
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    observed = abs(a.mean() - b.mean())
    count = 0
    for _ in range(n_permutations):
        count += abs(rng.permutation(a).mean() - rng.permutation(b).mean()) >= observed
    return (count + 1) / (n_permutations + 1)
