"""In dot mode, assigns each vector to the list of its best centroid by cosine instead of the dot product."""
import numpy as np


class VectorIndex(VectorIndex):  # noqa: F821 -- appended to the reference
    def add(self, ids, vectors):
        X = self._prepare(vectors).reshape(-1, self.dim)
        if self.n_lists is not None:
            if self.centroids is None:
                self._train(X)
            lists = np.argmax(_unit_rows(X) @ _unit_rows(self.centroids).T, axis=1)  # noqa: F821
        for row, i in enumerate(ids):
            self.vectors[int(i)] = X[row]
            if self.n_lists is not None:
                self.list_of[int(i)] = int(lists[row])
