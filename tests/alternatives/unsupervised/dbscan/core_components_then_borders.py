"""Two passes: connected components of the core points (recursive DFS), then each border point joins the earliest-found cluster among its core neighbours."""
import numpy as np


def dbscan(X, eps, min_samples):
    X = np.asarray(X, dtype=float)
    n = len(X)
    within = np.linalg.norm(X[:, None] - X[None], axis=2) <= eps          # (n, n), diagonal True
    core = within.sum(axis=1) >= min_samples
    labels = -np.ones(n, dtype=int)

    def visit(p, c):
        labels[p] = c
        for q in np.flatnonzero(within[p] & core):
            if labels[q] == -1:
                visit(q, c)

    n_clusters = 0
    for i in np.flatnonzero(core):
        if labels[i] == -1:
            visit(i, n_clusters)
            n_clusters += 1
    for i in np.flatnonzero(~core):
        reach = labels[within[i] & core]
        if reach.size:
            labels[i] = reach.min()            # clusters are numbered in the order they were found
    return labels
