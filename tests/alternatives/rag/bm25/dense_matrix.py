"""Keeps the raw documents and scores with a dense (n_docs, n_terms) count matrix and an idf vector."""
from collections import Counter

import numpy as np


class BM25Index(BM25Index):  # noqa: F821 -- overrides the reference's storage and scoring
    def __init__(self, k1=1.5, b=0.75):
        self.k1, self.b = k1, b
        self.docs = []

    def build(self, docs):
        self.docs = []
        return self.add(docs)

    def add(self, docs):
        self.docs.extend(TOKEN_RE.findall(d.lower()) for d in docs)  # noqa: F821
        return self

    def score(self, query):
        vocab = sorted({t for toks in self.docs for t in toks})
        col = {t: j for j, t in enumerate(vocab)}
        tf = np.zeros((len(self.docs), len(vocab)))                    # (N, V)
        for i, toks in enumerate(self.docs):
            for t in toks:
                tf[i, col[t]] += 1
        lengths = tf.sum(axis=1)                                      # (N,)
        if len(self.docs) == 0 or lengths.sum() == 0:
            return np.zeros(len(self.docs))
        N, n = len(self.docs), (tf > 0).sum(axis=0)                   # n: (V,) document frequencies
        idf = np.log1p((N - n + 0.5) / (n + 0.5))                     # (V,)
        norm = self.k1 * (1 - self.b + self.b * lengths / lengths.mean())
        term_scores = idf * tf * (self.k1 + 1) / (tf + norm[:, None])  # (N, V)
        q = np.zeros(len(vocab))
        for t, c in Counter(TOKEN_RE.findall(query.lower())).items():  # noqa: F821
            if t in col:
                q[col[t]] = c                                          # repeated query terms weigh more
        return term_scores @ q
