"""A while loop with a plain counter and np.mean on each slice; the generator is built only when rng is None."""
import numpy as np


def permutation_test(a, b, n_permutations=1000, rng=None):
    if rng is None:
        rng = np.random.default_rng()
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    observed = abs(np.mean(a) - np.mean(b))
    pooled = np.concatenate([a, b])
    k, count = 0, 0
    while k < n_permutations:
        s = rng.permutation(pooled)
        if abs(np.mean(s[:len(a)]) - np.mean(s[len(a):])) >= observed:
            count += 1
        k += 1
    return float(count + 1) / float(n_permutations + 1)
