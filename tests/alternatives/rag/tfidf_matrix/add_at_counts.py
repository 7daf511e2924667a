"""Counts with np.add.at over (row, column) index arrays and normalises rows with a safe division."""
import numpy as np


def tfidf_matrix(docs):
    tokens = [TOKEN_RE.findall(d.lower()) for d in docs]  # noqa: F821
    vocab = sorted({t for toks in tokens for t in toks})
    col = {t: j for j, t in enumerate(vocab)}
    rows = np.array([i for i, toks in enumerate(tokens) for _ in toks], dtype=int)
    cols = np.array([col[t] for toks in tokens for t in toks], dtype=int)
    counts = np.zeros((len(docs), len(vocab)))
    np.add.at(counts, (rows, cols), 1.0)
    df = np.count_nonzero(counts, axis=0)
    X = counts * (np.log((1 + len(docs)) / (1 + df)) + 1)
    norms = np.sqrt((X ** 2).sum(axis=1, keepdims=True))
    return np.divide(X, norms, out=np.zeros_like(X), where=norms > 0), vocab
