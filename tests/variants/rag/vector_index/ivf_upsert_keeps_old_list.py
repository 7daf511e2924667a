"""IVF keeps real inverted lists of ids; an upsert appends the id to its new list but never removes it from the old one."""
import numpy as np


class VectorIndex(VectorIndex):  # noqa: F821 -- appended to the reference
    def add(self, ids, vectors):
        super().add(ids, vectors)
        if self.n_lists is not None:
            self.inverted = getattr(self, "inverted", {})
            for i in ids:
                self.inverted.setdefault(self.list_of[int(i)], []).append(int(i))

    def search(self, query, k):
        if self.n_lists is None or self.centroids is None:
            return super().search(query, k)
        q = self._prepare(np.asarray(query, dtype=float)[None])[0]
        probe = np.argsort(-(self.centroids @ q), kind="stable")[:self.n_probe]
        candidates = [i for j in probe for i in self.inverted.get(int(j), []) if i in self.vectors]
        if not candidates:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        ids = np.array(candidates, dtype=np.int64)
        scores = np.stack([self.vectors[i] for i in candidates]) @ q
        order = np.lexsort((ids, -scores))[:k]
        return ids[order], scores[order]
