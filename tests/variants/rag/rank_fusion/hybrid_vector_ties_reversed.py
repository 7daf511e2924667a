"""hybrid_search orders the vector ranking with argsort(sims)[::-1]: equal similarities come higher index first."""
import numpy as np


def hybrid_search(query, query_vec, lexical, doc_vecs, k=10, rrf_k=60, n_candidates=50):
    lex = np.asarray(lexical.score(query), dtype=float)
    lex_rank = [i for i in np.argsort(-lex, kind="stable") if lex[i] > 0][:n_candidates]
    sims = _unit_rows(doc_vecs) @ _unit_rows(query_vec)  # noqa: F821
    vec_rank = list(np.argsort(sims, kind="stable")[::-1][:n_candidates])
    fused = reciprocal_rank_fusion([[int(i) for i in lex_rank], [int(i) for i in vec_rank]], k=rrf_k)  # noqa: F821
    return fused[:k]
