"""Starts the labels at -np.ones(n), a float array: the labels come back as floats."""
import numpy as np


def dbscan(X, eps, min_samples):
    X = np.asarray(X, dtype=float)
    n = len(X)
    neighbours = [np.flatnonzero(row <= eps * eps) for row in _sq_dists(X, X)]
    core = np.array([len(nb) >= min_samples for nb in neighbours])
    labels = -np.ones(n)
    cluster = 0
    for i in range(n):
        if labels[i] != -1 or not core[i]:
            continue
        labels[i] = cluster
        stack = [i]
        while stack:
            p = stack.pop()
            for q in neighbours[p]:
                if labels[q] == -1:
                    labels[q] = cluster
                    if core[q]:
                        stack.append(q)
        cluster += 1
    return labels
