"""hybrid_search normalises doc_vecs and query_vec in place (/=), changing the caller's arrays."""
import numpy as np


def hybrid_search(query, query_vec, lexical, doc_vecs, k=10, rrf_k=60, n_candidates=50):
    lex = np.asarray(lexical.score(query), dtype=float)
    lex_rank = [i for i in np.argsort(-lex, kind="stable") if lex[i] > 0][:n_candidates]
    D, q = np.asarray(doc_vecs), np.asarray(query_vec)
    D /= np.maximum(np.linalg.norm(D, axis=1, keepdims=True), 1e-300)
    q /= max(np.linalg.norm(q), 1e-300)
    vec_rank = list(np.argsort(-(D @ q), kind="stable")[:n_candidates])
    fused = reciprocal_rank_fusion([[int(i) for i in lex_rank], [int(i) for i in vec_rank]], k=rrf_k)  # noqa: F821
    return fused[:k]
