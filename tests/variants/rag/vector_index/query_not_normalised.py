"""Cosine index normalises the stored vectors but not the query: scores scaled by |q|."""
import numpy as np

_VectorIndexReference = VectorIndex


class VectorIndex(_VectorIndexReference):
    def search(self, query, k):
        q = np.asarray(query, dtype=float)
        candidates = list(self.vectors)
        if self.n_lists is not None and self.centroids is not None:
            probe = set(np.argsort(-(self.centroids @ q), kind="stable")[:self.n_probe].tolist())
            candidates = [i for i in candidates if self.list_of[i] in probe]
        if not candidates:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        ids = np.array(candidates, dtype=np.int64)
        scores = np.stack([self.vectors[i] for i in candidates]) @ q
        order = np.lexsort((ids, -scores))[:k]
        return ids[order], scores[order]
