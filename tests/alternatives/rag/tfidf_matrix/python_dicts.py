"""Builds each row as a dict term -> weight with math.log / math.sqrt, then fills the dense matrix."""
import math
from collections import Counter

import numpy as np


def tfidf_matrix(docs):
    counts = [Counter(TOKEN_RE.findall(d.lower())) for d in docs]  # noqa: F821
    df = Counter(t for c in counts for t in c)
    vocab = sorted(df)
    idf = {t: math.log((1 + len(docs)) / (1 + df[t])) + 1 for t in vocab}
    X = np.zeros((len(docs), len(vocab)))
    col = {t: j for j, t in enumerate(vocab)}
    for i, c in enumerate(counts):
        row = {t: f * idf[t] for t, f in c.items()}
        norm = math.sqrt(sum(w * w for w in row.values()))
        for t, w in row.items():
            X[i, col[t]] = w / norm
    return X, vocab
