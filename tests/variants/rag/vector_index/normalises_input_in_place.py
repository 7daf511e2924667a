"""add() normalises the caller's vectors in place (X /= norms) for the cosine metric."""
import numpy as np


class VectorIndex(VectorIndex):  # noqa: F821
    def _prepare(self, X):
        X = np.asarray(X, dtype=float)
        if self.metric == "cosine":
            norms = np.linalg.norm(X, axis=-1, keepdims=True)
            X /= np.where(norms == 0, 1.0, norms)
        return X
