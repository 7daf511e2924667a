"""Stacks all permutations into an (R, n) array and computes the differences of means vectorised."""
import numpy as np


def permutation_test(a, b, n_permutations=1000, rng=None):
    rng = np.random.default_rng() if rng is None else rng
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    pooled = np.concatenate([a, b])
    shuffled = np.stack([rng.permutation(pooled) for _ in range(n_permutations)])   # (R, na + nb)
    diffs = shuffled[:, :a.size].mean(axis=1) - shuffled[:, a.size:].mean(axis=1)   # (R,)
    count = int(np.count_nonzero(np.abs(diffs) >= abs(a.mean() - b.mean())))
    return (count + 1) / (n_permutations + 1)
