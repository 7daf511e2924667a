"""The point itself is not counted in its own neighbourhood when testing min_samples."""
import numpy as np


def dbscan(X, eps, min_samples):
    X = np.asarray(X, dtype=float)
    neighbours = [np.flatnonzero(row <= eps * eps) for row in _sq_dists(X, X)]
    core = np.array([len(nb) - 1 >= min_samples for nb in neighbours])
    labels = np.full(len(X), -1)
    cluster = 0
    for i in range(len(X)):
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
