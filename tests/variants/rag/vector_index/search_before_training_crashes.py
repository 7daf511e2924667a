"""IVF search uses the centroids without checking that the index was trained: a search before add() crashes."""
import numpy as np


class VectorIndex(VectorIndex):  # noqa: F821 -- appended to the reference
    def search(self, query, k):
        q = self._prepare(np.asarray(query, dtype=float)[None])[0]
        candidates = list(self.vectors)
        if self.n_lists is not None:
            probe = set(np.argsort(-(self.centroids @ q), kind="stable")[:self.n_probe].tolist())
            candidates = [i for i in candidates if self.list_of[i] in probe]
        if not candidates:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        ids = np.array(candidates, dtype=np.int64)
        scores = np.stack([self.vectors[i] for i in candidates]) @ q
        order = np.lexsort((ids, -scores))[:k]
        return ids[order], scores[order]
