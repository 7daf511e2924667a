"""Shuffles only when a seed is given: shuffle=True with seed=None returns unshuffled folds."""
import numpy as np


def kfold_indices(n, k, shuffle=False, seed=None):
    if not 2 <= k <= n:
        raise ValueError("bad k")
    idx = np.random.default_rng(seed).permutation(n) if (shuffle and seed is not None) else np.arange(n)
    chunks = np.array_split(idx, k)
    return [(np.sort(np.concatenate(chunks[:i] + chunks[i + 1:])), t) for i, t in enumerate(chunks)]
