"""IVF mode trains centroids but search scans every vector (no inverted lists)."""
import numpy as np

_VectorIndexReference = VectorIndex


class VectorIndex(_VectorIndexReference):
    def search(self, query, k):
        q = self._prepare(np.asarray(query, dtype=float)[None])[0]
        candidates = list(self.vectors)
        if not candidates:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        ids = np.array(candidates, dtype=np.int64)
        scores = np.stack([self.vectors[i] for i in candidates]) @ q
        order = np.lexsort((ids, -scores))[:k]
        return ids[order], scores[order]
