"""RRF with a defaultdict and an explicit first-seen index as the secondary sort key; hybrid with sorted keys."""
from collections import defaultdict

import numpy as np


def reciprocal_rank_fusion(rankings, k=60):
    score, first_seen = defaultdict(float), {}
    for ranking in rankings:
        for position, doc in enumerate(ranking):
            first_seen.setdefault(doc, len(first_seen))
            score[doc] += 1.0 / (k + position + 1)
    ranked = sorted(score, key=lambda d: (-score[d], first_seen[d]))
    return [(d, score[d]) for d in ranked]


def hybrid_search(query, query_vec, lexical, doc_vecs, k=10, rrf_k=60, n_candidates=50):
    lex = [float(s) for s in lexical.score(query)]
    lexical_ranking = sorted((i for i in range(len(lex)) if lex[i] > 0), key=lambda i: (-lex[i], i))
    V, q = np.asarray(doc_vecs, dtype=float), np.asarray(query_vec, dtype=float)
    denom = np.linalg.norm(V, axis=1) * np.linalg.norm(q)
    sims = np.divide(V @ q, denom, out=np.zeros(len(V)), where=denom > 0)
    vector_ranking = sorted(range(len(V)), key=lambda i: (-sims[i], i))
    fused = reciprocal_rank_fusion([lexical_ranking[:n_candidates], vector_ranking[:n_candidates]], k=rrf_k)
    return fused[:k]
