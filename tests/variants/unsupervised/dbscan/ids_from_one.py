"""Uses 0 for "not visited yet", so the clusters are numbered 1, 2, ... instead of 0, 1, ..."""
import numpy as np


def dbscan(X, eps, min_samples):
    X = np.asarray(X, dtype=float)
    n = len(X)
    neighbours = [np.flatnonzero(row <= eps * eps) for row in _sq_dists(X, X)]
    core = np.array([len(nb) >= min_samples for nb in neighbours])
    labels = np.zeros(n, dtype=int)          # 0 = unvisited
    cluster = 0
    for i in range(n):
        if labels[i] != 0 or not core[i]:
            continue
        cluster += 1
        labels[i] = cluster
        stack = [i]
        while stack:
            p = stack.pop()
            for q in neighbours[p]:
                if labels[q] == 0:
                    labels[q] = cluster
                    if core[q]:
                        stack.append(q)
    labels[labels == 0] = -1
    return labels
