"""Inverted lists as dicts of id -> vector per list; spherical k-means by Euclidean distance with bincount means."""
import numpy as np


class VectorIndex:
    def __init__(self, dim, metric="cosine", n_lists=None, n_probe=1, seed=0):
        if metric != "cosine" and metric != "dot":
            raise ValueError(f"metric must be 'cosine' or 'dot', not {metric!r}")
        self.dim, self.metric, self.n_lists, self.n_probe, self.seed = dim, metric, n_lists, n_probe, seed
        self.lists = {0: {}} if n_lists is None else {}      # list number -> {id: stored vector}
        self.where = {}                                      # id -> its list number
        self.centroids = None

    def _store(self, X):
        X = np.array(X, dtype=float).reshape(-1, self.dim)
        if self.metric == "cosine":
            n = np.linalg.norm(X, axis=1, keepdims=True)
            X = np.divide(X, n, out=np.zeros_like(X), where=n > 0)
        return X

    def _kmeans(self, U):
        C = U[np.random.default_rng(self.seed).choice(len(U), self.n_lists, replace=False)]
        labels = None
        for _ in range(25):
            if self.metric == "cosine":   # unit vectors and unit centroids: nearest = best cosine
                new = ((U[:, None, :] - C[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
            else:
                new = (U @ C.T).argmax(axis=1)
            if labels is not None and np.array_equal(new, labels):
                break
            labels = new
            counts = np.bincount(labels, minlength=self.n_lists)
            sums = np.zeros_like(C)
            np.add.at(sums, labels, U)
            C = np.where(counts[:, None] > 0, sums / np.maximum(counts, 1)[:, None], C)
            if self.metric == "cosine":
                C = C / np.linalg.norm(C, axis=1, keepdims=True)
        self.centroids = C

    def add(self, ids, vectors):
        X = self._store(vectors)
        if self.n_lists is None:
            targets = [0] * len(X)
        else:
            if self.centroids is None:
                self._kmeans(X)
            targets = list(np.argmax(X @ self.centroids.T, axis=1))
        for i, x, t in zip(ids, X, targets):
            self.delete([i])
            self.lists.setdefault(int(t), {})[int(i)] = x
            self.where[int(i)] = int(t)

    def delete(self, ids):
        for i in ids:
            t = self.where.pop(int(i), None)
            if t is not None:
                del self.lists[t][int(i)]

    def __len__(self):
        return len(self.where)

    def search(self, query, k):
        q = self._store(query)[0]
        if self.n_lists is None:
            probe = [0]
        elif self.centroids is None:
            probe = []
        else:
            scores = self.centroids @ q
            probe = sorted(range(self.n_lists), key=lambda j: (-scores[j], j))[:self.n_probe]
        pool = [(i, v) for j in probe for i, v in self.lists.get(j, {}).items()]
        ranked = sorted(((-float(v @ q), i) for i, v in pool))[:max(k, 0)]
        return np.array([i for _, i in ranked], dtype=np.int64), np.array([-s for s, _ in ranked], dtype=np.float64)
