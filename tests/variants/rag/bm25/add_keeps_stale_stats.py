"""N, avgdl and document frequencies frozen at build(): add() appends documents but not statistics."""
import math

import numpy as np

_BM25Reference = BM25Index


class BM25Index(_BM25Reference):
    def build(self, docs):
        super().build(docs)
        self.frozen = (len(self.doc_tf), float(np.mean(self.doc_len)) if self.doc_len else 0.0, dict(self.df))
        return self

    def score(self, query):
        if not hasattr(self, "frozen"):
            self.frozen = (len(self.doc_tf), float(np.mean(self.doc_len)) if self.doc_len else 0.0, dict(self.df))
        N, avgdl, df = self.frozen
        scores = np.zeros(len(self.doc_tf))
        if N == 0 or avgdl == 0:
            return scores
        lengths = np.asarray(self.doc_len, dtype=float)
        norm = self.k1 * (1 - self.b + self.b * lengths / avgdl)
        for term in TOKEN_RE.findall(query.lower()):
            n = df.get(term, 0)
            if n == 0:
                continue
            idf = math.log(1 + (N - n + 0.5) / (n + 0.5))
            f = np.array([tf[term] for tf in self.doc_tf], dtype=float)
            scores += idf * f * (self.k1 + 1) / (f + norm)
        return scores
