"""No guard for avgdl = 0: when every document is empty, |d| / avgdl is 0 / 0 and the scores are NaN."""
import math

import numpy as np


class BM25Index(BM25Index):  # noqa: F821
    def score(self, query):
        N = len(self.doc_tf)
        if N == 0:
            return np.zeros(0)
        lengths = np.asarray(self.doc_len, dtype=float)
        with np.errstate(all="ignore"):
            norm = self.k1 * (1 - self.b + self.b * lengths / lengths.mean())
            scores = np.zeros(N)
            for term in TOKEN_RE.findall(query.lower()):  # noqa: F821
                n = self.df[term]
                idf = math.log(1 + (N - n + 0.5) / (n + 0.5))
                f = np.array([tf[term] for tf in self.doc_tf], dtype=float)
                scores += idf * f * (self.k1 + 1) / (f + norm)
        return scores
