"""Never builds a generator when rng is None: calling without rng crashes on None.permutation."""
import numpy as np


def permutation_test(a, b, n_permutations=1000, rng=None):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    observed = abs(a.mean() - b.mean())
    pooled = np.concatenate([a, b])
    count = 0
    for _ in range(n_permutations):
        s = rng.permutation(pooled)
        count += abs(s[:a.size].mean() - s[a.size:].mean()) >= observed
    return (count + 1) / (n_permutations + 1)
