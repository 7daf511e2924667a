"""No validation of the metric: anything but "cosine" silently behaves like "dot"."""


class VectorIndex(VectorIndex):  # noqa: F821 -- appended to the reference
    def __init__(self, dim, metric="cosine", n_lists=None, n_probe=1, seed=0):
        super().__init__(dim, "cosine" if metric == "cosine" else "dot", n_lists, n_probe, seed)
