"""Normalises each column (term) to unit length instead of each row (document)."""
from collections import Counter

import numpy as np


def tfidf_matrix(docs):
    counts = [Counter(TOKEN_RE.findall(doc.lower())) for doc in docs]
    vocab = sorted(set().union(*counts)) if counts else []
    column = {term: j for j, term in enumerate(vocab)}
    tf = np.zeros((len(docs), len(vocab)))
    for i, c in enumerate(counts):
        for term, f in c.items():
            tf[i, column[term]] = f
    df = (tf > 0).sum(axis=0)
    idf = np.log((1 + len(docs)) / (1 + df)) + 1
    return _unit_rows((tf * idf).T).T, vocab
