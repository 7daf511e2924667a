"""k-means stops after one assign-and-update round instead of running until the assignments stop changing."""
import numpy as np


class VectorIndex(VectorIndex):  # noqa: F821 -- appended to the reference
    def _train(self, X):
        rng = np.random.default_rng(self.seed)
        C = X[rng.choice(len(X), self.n_lists, replace=False)].copy()
        assign = np.argmax(X @ C.T, axis=1)
        for j in range(self.n_lists):
            if (assign == j).any():
                C[j] = X[assign == j].mean(axis=0)
        self.centroids = _unit_rows(C) if self.metric == "cosine" else C  # noqa: F821
