"""Neighbourhoods from scipy's cKDTree.query_ball_point (distance <= eps); clusters grown breadth-first with a deque."""
from collections import deque

import numpy as np
from scipy.spatial import cKDTree


def dbscan(X, eps, min_samples):
    X = np.asarray(X, dtype=float)
    neighbours = [sorted(nb) for nb in cKDTree(X).query_ball_point(X, r=eps)]
    core = [len(nb) >= min_samples for nb in neighbours]
    labels = np.full(len(X), -1, dtype=int)
    next_id = 0
    for i in range(len(X)):
        if not core[i] or labels[i] != -1:
            continue
        labels[i] = next_id
        queue = deque([i])
        while queue:
            for q in neighbours[queue.popleft()]:
                if labels[q] == -1:
                    labels[q] = next_id
                    if core[q]:
                        queue.append(q)
        next_id += 1
    return labels
