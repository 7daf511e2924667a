"""delete() records tombstones, but search() forgets to skip them (and len() ignores them)."""
_VectorIndexReference = VectorIndex


class VectorIndex(_VectorIndexReference):
    def delete(self, ids):
        self.deleted = getattr(self, "deleted", set()) | {int(i) for i in ids}
