"""Inverted index: a dict term -> {doc number: tf}; scoring walks only the query terms' postings."""
import math
from collections import Counter, defaultdict

import numpy as np


class BM25Index(BM25Index):  # noqa: F821 -- overrides the reference's storage and scoring
    def __init__(self, k1=1.5, b=0.75):
        self.k1, self.b = k1, b
        self.postings = defaultdict(dict)   # term -> {doc: tf}
        self.lengths = []

    def build(self, docs):
        self.postings, self.lengths = defaultdict(dict), []
        return self.add(docs)

    def add(self, docs):
        for doc in docs:
            d = len(self.lengths)
            tokens = TOKEN_RE.findall(doc.lower())  # noqa: F821
            for term, f in Counter(tokens).items():
                self.postings[term][d] = f
            self.lengths.append(len(tokens))
        return self

    def score(self, query):
        N = len(self.lengths)
        scores = np.zeros(N)
        total = sum(self.lengths)
        if total == 0:
            return scores
        avgdl = total / N
        for term in TOKEN_RE.findall(query.lower()):  # noqa: F821
            posting = self.postings.get(term, {})
            n = len(posting)
            idf = math.log(1 + (N - n + 0.5) / (n + 0.5))
            for d, f in posting.items():
                denom = f + self.k1 * (1 - self.b + self.b * self.lengths[d] / avgdl)
                scores[d] += idf * f * (self.k1 + 1) / denom
        return scores
