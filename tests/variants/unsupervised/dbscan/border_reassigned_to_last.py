"""Relabels every non-core neighbour it reaches, so a border point shared by two clusters ends in the last one."""
import numpy as np


def dbscan(X, eps, min_samples):
    X = np.asarray(X, dtype=float)
    n = len(X)
    neighbours = [np.flatnonzero(row <= eps * eps) for row in _sq_dists(X, X)]
    core = np.array([len(nb) >= min_samples for nb in neighbours])
    labels = np.full(n, -1)
    cluster = 0
    for i in range(n):
        if labels[i] != -1 or not core[i]:
            continue
        labels[i] = cluster
        stack = [i]
        while stack:
            p = stack.pop()
            for q in neighbours[p]:
                if core[q]:
                    if labels[q] == -1:
                        labels[q] = cluster
                        stack.append(q)
                else:
                    labels[q] = cluster          # a border point: overwritten by every cluster
        cluster += 1
    return labels
