"""The storage is created in build() only: add() on a new index fails (no documents list yet)."""
from collections import Counter


class BM25Index(BM25Index):  # noqa: F821 -- appended to the reference
    def __init__(self, k1=1.5, b=0.75):
        self.k1, self.b = k1, b

    def build(self, docs):
        self.doc_tf, self.doc_len, self.df = [], [], Counter()
        return self.add(docs)

    def score(self, query):
        if not hasattr(self, "doc_tf"):
            import numpy as np
            return np.zeros(0)
        return super().score(query)
