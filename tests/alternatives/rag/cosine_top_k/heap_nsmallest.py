"""Cosine as a.b / (|a||b|) per row, top-k with heapq.nsmallest on (-similarity, index)."""
import heapq

import numpy as np


def cosine_top_k(query, matrix, k):
    query, matrix = np.asarray(query, dtype=float), np.asarray(matrix, dtype=float)
    qn = np.linalg.norm(query)
    sims = []
    for row in matrix:
        rn = np.linalg.norm(row)
        sims.append(0.0 if qn == 0 or rn == 0 else float(row @ query) / (rn * qn))
    best = heapq.nsmallest(k, range(len(sims)), key=lambda i: (-sims[i], i))
    return np.array(best, dtype=int), np.array([sims[i] for i in best])
