"""IVF search always scans the single best list, ignoring n_probe."""
import numpy as np

_VectorIndexReference = VectorIndex


class VectorIndex(_VectorIndexReference):
    def search(self, query, k):
        q = self._prepare(np.asarray(query, dtype=float)[None])[0]
        candidates = list(self.vectors)
        if self.n_lists is not None and self.centroids is not None:
            best = int(np.argmax(self.centroids @ q))
            candidates = [i for i in candidates if self.list_of[i] == best]
        if not candidates:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        ids = np.array(candidates, dtype=np.int64)
        scores = np.stack([self.vectors[i] for i in candidates]) @ q
        order = np.lexsort((ids, -scores))[:k]
        return ids[order], scores[order]
