"""scikit-learn's greedy k-means++: draws 2 + log(k) candidates and keeps the one that lowers the potential most."""
import numpy as np


def kmeans_plus_plus_init(X, k, rng):
    X = np.asarray(X, dtype=float)
    n = len(X)
    trials = 2 + int(np.log(k))
    chosen = [int(rng.integers(n))]
    d2 = ((X - X[chosen[0]]) ** 2).sum(axis=1)
    for _ in range(1, k):
        candidates = rng.choice(n, size=trials, p=d2 / d2.sum())
        pots = [np.minimum(d2, ((X - X[c]) ** 2).sum(axis=1)).sum() for c in candidates]
        i = int(candidates[int(np.argmin(pots))])
        chosen.append(i)
        d2 = np.minimum(d2, ((X - X[i]) ** 2).sum(axis=1))
    return X[chosen]
