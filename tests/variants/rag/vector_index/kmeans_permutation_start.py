"""Seeds k-means with rng.permutation(m)[:n_lists] rather than the pinned rng.choice(m, n_lists, replace=False)."""
import numpy as np


class VectorIndex(VectorIndex):  # noqa: F821 -- appended to the reference
    def _train(self, X):
        rng = np.random.default_rng(self.seed)
        C = X[rng.permutation(len(X))[:self.n_lists]].copy()
        assign = None
        for _ in range(25):
            new = np.argmax(X @ C.T, axis=1)
            if assign is not None and np.array_equal(new, assign):
                break
            assign = new
            for j in range(self.n_lists):
                if (assign == j).any():
                    C[j] = X[assign == j].mean(axis=0)
            if self.metric == "cosine":
                C = _unit_rows(C)  # noqa: F821
        self.centroids = C
