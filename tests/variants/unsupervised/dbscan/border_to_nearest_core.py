"""Clusters the core points, then gives each border point the cluster of its NEAREST core point."""
import numpy as np


def dbscan(X, eps, min_samples):
    X = np.asarray(X, dtype=float)
    n = len(X)
    D2 = _sq_dists(X, X)
    within = D2 <= eps * eps
    core = within.sum(axis=1) >= min_samples
    labels = np.full(n, -1)
    cluster = 0
    for i in range(n):
        if labels[i] != -1 or not core[i]:
            continue
        labels[i] = cluster
        stack = [i]
        while stack:
            p = stack.pop()
            for q in np.flatnonzero(within[p] & core):
                if labels[q] == -1:
                    labels[q] = cluster
                    stack.append(q)
        cluster += 1
    for i in np.flatnonzero(~core):
        near = np.flatnonzero(within[i] & core)
        if near.size:
            labels[i] = labels[near[np.argmin(D2[i, near])]]
    return labels
