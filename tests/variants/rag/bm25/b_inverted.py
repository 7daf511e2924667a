"""Length normalisation upside down: b * avgdl / |d| instead of b * |d| / avgdl."""
import math

import numpy as np

_BM25Reference = BM25Index


class BM25Index(_BM25Reference):
    def score(self, query):
        N = len(self.doc_tf)
        scores = np.zeros(N)
        if N == 0 or sum(self.doc_len) == 0:
            return scores
        lengths = np.maximum(np.asarray(self.doc_len, dtype=float), 1)
        norm = self.k1 * (1 - self.b + self.b * lengths.mean() / lengths)
        for term in TOKEN_RE.findall(query.lower()):
            n = self.df[term]
            if n == 0:
                continue
            idf = math.log(1 + (N - n + 0.5) / (n + 0.5))
            f = np.array([tf[term] for tf in self.doc_tf], dtype=float)
            scores += idf * f * (self.k1 + 1) / (f + norm)
        return scores
