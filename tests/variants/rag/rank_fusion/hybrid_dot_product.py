"""hybrid_search ranks the vectors by raw dot product instead of cosine similarity."""
import numpy as np


def hybrid_search(query, query_vec, lexical, doc_vecs, k=10, rrf_k=60, n_candidates=50):
    lex = np.asarray(lexical.score(query), dtype=float)
    lex_rank = [i for i in np.argsort(-lex, kind="stable") if lex[i] > 0][:n_candidates]
    sims = np.asarray(doc_vecs, dtype=float) @ np.asarray(query_vec, dtype=float)
    vec_rank = list(np.argsort(-sims, kind="stable")[:n_candidates])
    fused = reciprocal_rank_fusion([[int(i) for i in lex_rank], [int(i) for i in vec_rank]], k=rrf_k)
    return fused[:k]
