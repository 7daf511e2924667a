"""Union-find over core pairs, borders to the adjacent cluster whose smallest core index is lowest, ids renumbered in order of first core point."""
import numpy as np
from scipy.spatial.distance import cdist


def dbscan(X, eps, min_samples):
    X = np.asarray(X, dtype=float)
    n = len(X)
    within = cdist(X, X) <= eps
    core = within.sum(axis=1) >= min_samples
    parent = list(range(n))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in np.flatnonzero(core):
        for j in np.flatnonzero(within[i] & core):
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)      # the root is the smallest core index
    root = np.full(n, -1)
    for i in np.flatnonzero(core):
        root[i] = find(i)
    for i in np.flatnonzero(~core):
        adjacent = root[within[i] & core]
        if adjacent.size:
            root[i] = adjacent.min()                   # the cluster found first in the scan
    ids = {r: c for c, r in enumerate(sorted(set(root[core].tolist())))}
    return np.array([ids.get(r, -1) if r >= 0 else -1 for r in root.tolist()], dtype=np.int64)
