"""Caches N, avgdl and the idf of each term at the first score() and never refreshes them after add()."""
import math

import numpy as np


class BM25Index(BM25Index):  # noqa: F821 -- appended to the reference
    def build(self, docs):
        self.cache = None
        return super().build(docs)

    def score(self, query):
        N = len(self.doc_tf)
        if N == 0 or sum(self.doc_len) == 0:
            return np.zeros(N)
        if getattr(self, "cache", None) is None:
            self.cache = (N, float(np.mean(self.doc_len)), dict(self.df))
        n_docs, avgdl, df = self.cache
        lengths = np.asarray(self.doc_len, dtype=float)
        norm = self.k1 * (1 - self.b + self.b * lengths / avgdl)
        scores = np.zeros(N)
        for term in TOKEN_RE.findall(query.lower()):  # noqa: F821
            n = df.get(term, 0)
            if n == 0:
                continue
            idf = math.log(1 + (n_docs - n + 0.5) / (n + 0.5))
            f = np.array([tf[term] for tf in self.doc_tf], dtype=float)
            scores += idf * f * (self.k1 + 1) / (f + norm)
        return scores
