"""Keeps real inverted lists (list number -> set of ids) and takes the top k with heapq.nsmallest."""
import heapq

import numpy as np


class VectorIndex(VectorIndex):  # noqa: F821 -- reuses the reference's k-means and storage
    def add(self, ids, vectors):
        super().add(ids, vectors)
        self.inverted = {}
        for i, lst in self.list_of.items():
            self.inverted.setdefault(lst, set()).add(i)

    def delete(self, ids):
        super().delete(ids)
        for members in getattr(self, "inverted", {}).values():
            members.difference_update(int(i) for i in ids)

    def search(self, query, k):
        q = self._prepare(np.asarray(query, dtype=float)[None])[0]
        if self.centroids is None:
            candidates = list(self.vectors)
        else:
            centroid_scores = self.centroids @ q
            probe = heapq.nsmallest(self.n_probe, range(len(centroid_scores)), key=lambda j: (-centroid_scores[j], j))
            candidates = [i for j in probe for i in self.inverted.get(j, ())]
        scored = [(-float(self.vectors[i] @ q), i) for i in candidates]
        best = heapq.nsmallest(k, scored)                              # score desc, then smaller id
        return np.array([i for _, i in best], dtype=np.int64), np.array([-s for s, _ in best], dtype=float)
