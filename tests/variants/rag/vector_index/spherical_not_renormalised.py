"""Cosine k-means keeps the plain means as centroids (never re-normalised to unit length)."""
import numpy as np


class VectorIndex(VectorIndex):  # noqa: F821 -- appended to the reference
    def _train(self, X):
        rng = np.random.default_rng(self.seed)
        C = X[rng.choice(len(X), self.n_lists, replace=False)].copy()
        assign = None
        for _ in range(25):
            new = np.argmax(X @ C.T, axis=1)
            if assign is not None and np.array_equal(new, assign):
                break
            assign = new
            for j in range(self.n_lists):
                if (assign == j).any():
                    C[j] = X[assign == j].mean(axis=0)
        self.centroids = C
