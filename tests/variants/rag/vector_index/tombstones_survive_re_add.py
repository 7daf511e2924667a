"""delete() keeps tombstones that add() never clears: an id deleted and added again stays hidden."""
import numpy as np


class VectorIndex(VectorIndex):  # noqa: F821 -- appended to the reference
    def delete(self, ids):
        self.dead = getattr(self, "dead", set()) | {int(i) for i in ids}
        super().delete(ids)

    def __len__(self):
        return sum(1 for i in self.vectors if i not in getattr(self, "dead", set()))

    def search(self, query, k):
        dead = getattr(self, "dead", set())
        got_ids, got_scores = super().search(query, k + len(dead))
        keep = np.array([int(i) not in dead for i in got_ids], dtype=bool)
        return got_ids[keep][:k], got_scores[keep][:k]
