"""Stores ids, raw vectors and list numbers in parallel numpy arrays; normalises at scoring time."""
import numpy as np


class VectorIndex:
    def __init__(self, dim, metric="cosine", n_lists=None, n_probe=1, seed=0):
        if metric not in {"cosine", "dot"}:
            raise ValueError("metric must be 'cosine' or 'dot'")
        self.dim, self.metric, self.n_lists, self.n_probe, self.seed = dim, metric, n_lists, n_probe, seed
        self.ids = np.zeros(0, dtype=np.int64)
        self.X = np.zeros((0, dim))
        self.lists = np.zeros(0, dtype=np.int64)
        self.centroids = None

    def _scores(self, A, q):
        """Metric scores of the rows of A (m, dim) against q (dim,)."""
        if self.metric == "dot":
            return A @ q
        denom = np.linalg.norm(A, axis=1) * np.linalg.norm(q)
        return np.divide(A @ q, denom, out=np.zeros(len(A)), where=denom > 0)

    def _kmeans(self, X):
        U = X if self.metric == "dot" else _unit_rows(X)  # noqa: F821 -- the reference's helper
        C = U[np.random.default_rng(self.seed).choice(len(U), self.n_lists, replace=False)]
        labels = None
        for _ in range(25):
            new = np.argmax(U @ C.T, axis=1)
            if labels is not None and (new == labels).all():
                break
            labels = new
            C = np.array([U[labels == j].mean(axis=0) if (labels == j).any() else C[j] for j in range(len(C))])
            if self.metric == "cosine":
                C = _unit_rows(C)  # noqa: F821
        self.centroids = C

    def add(self, ids, vectors):
        ids = np.asarray(ids, dtype=np.int64).reshape(-1)
        X = np.asarray(vectors, dtype=float).reshape(len(ids), self.dim)
        self.delete(ids)                                             # upsert: drop the old copies first
        lists = np.full(len(ids), -1, dtype=np.int64)
        if self.n_lists is not None:
            if self.centroids is None:
                self._kmeans(X)
            lists = np.array([np.argmax(self._scores(self.centroids, x)) for x in X], dtype=np.int64)
        self.ids = np.concatenate([self.ids, ids])
        self.X = np.vstack([self.X, X])
        self.lists = np.concatenate([self.lists, lists])

    def delete(self, ids):
        keep = ~np.isin(self.ids, np.asarray(list(ids), dtype=np.int64))
        self.ids, self.X, self.lists = self.ids[keep], self.X[keep], self.lists[keep]

    def __len__(self):
        return len(self.ids)

    def search(self, query, k):
        q = np.asarray(query, dtype=float)
        candidates = np.ones(len(self.ids), dtype=bool)
        if self.centroids is not None:
            probe = np.lexsort((np.arange(self.n_lists), -(self.centroids @ q)))[:self.n_probe]
            candidates = np.isin(self.lists, probe)
        ids, scores = self.ids[candidates], self._scores(self.X[candidates], q)
        order = np.lexsort((ids, -scores))[:k]
        return ids[order], scores[order]
