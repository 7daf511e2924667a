"""hybrid_search puts documents with lexical score 0 (no query term at all) into the lexical ranking."""
import numpy as np


def hybrid_search(query, query_vec, lexical, doc_vecs, k=10, rrf_k=60, n_candidates=50):
    lex = np.asarray(lexical.score(query), dtype=float)
    lex_rank = list(np.argsort(-lex, kind="stable")[:n_candidates])
    sims = _unit_rows(doc_vecs) @ _unit_rows(query_vec)
    vec_rank = list(np.argsort(-sims, kind="stable")[:n_candidates])
    fused = reciprocal_rank_fusion([[int(i) for i in lex_rank], [int(i) for i in vec_rank]], k=rrf_k)
    return fused[:k]
