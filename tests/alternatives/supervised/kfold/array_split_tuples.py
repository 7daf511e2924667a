"""np.array_split puts the extra samples in the first folds; train is the other chunks, concatenated and sorted."""
import numpy as np


def kfold_indices(n, k, shuffle=False, seed=None):
    if k < 2 or k > n:
        raise ValueError("k must satisfy 2 <= k <= n")
    idx = np.random.default_rng(seed).permutation(n) if shuffle else np.arange(n)
    chunks = np.array_split(idx, k)
    return [(np.sort(np.concatenate(chunks[:i] + chunks[i + 1:])), test) for i, test in enumerate(chunks)]
