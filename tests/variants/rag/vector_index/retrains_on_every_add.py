"""IVF retrains k-means on every add() (not only the first), so earlier vectors sit in stale lists."""


class VectorIndex(VectorIndex):  # noqa: F821
    def add(self, ids, vectors):
        if self.n_lists is not None:
            X = self._prepare(vectors).reshape(-1, self.dim)
            if len(X) >= self.n_lists:
                self._train(X)
        super().add(ids, vectors)
