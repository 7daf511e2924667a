"""a.b / sqrt(|a|^2 |b|^2) row by row, then Python's sorted on (-similarity, index)."""
import numpy as np


def cosine_top_k(query, matrix, k):
    q = np.asarray(query, dtype=float)
    qq = float(q @ q)
    sims = []
    for row in np.asarray(matrix, dtype=float):
        denom = float(np.sqrt(float(row @ row) * qq))
        sims.append(float(row @ q) / denom if denom > 0 else 0.0)
    best = sorted(range(len(sims)), key=lambda i: (-sims[i], i))[:max(k, 0)]
    return np.array(best, dtype=np.int64), np.array([sims[i] for i in best], dtype=np.float64)
