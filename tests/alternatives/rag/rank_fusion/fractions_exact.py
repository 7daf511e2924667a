"""RRF summed in exact fractions (float only at the end); hybrid ranks with Python's sorted and a math-module cosine."""
import math
from fractions import Fraction


def reciprocal_rank_fusion(rankings, k=60):
    exact = {}
    for ranking in rankings:
        for rank, doc in enumerate(ranking, start=1):
            exact[doc] = exact.get(doc, Fraction(0)) + Fraction(1, k + rank)
    ranked = sorted(exact, key=lambda d: -exact[d])            # stable: exact ties keep first appearance
    return [(d, float(exact[d])) for d in ranked]


def hybrid_search(query, query_vec, lexical, doc_vecs, k=10, rrf_k=60, n_candidates=50):
    lex = [float(s) for s in lexical.score(query)]
    q = [float(x) for x in query_vec]
    qn = math.sqrt(sum(x * x for x in q))

    def cos(row):
        row = [float(x) for x in row]
        rn = math.sqrt(sum(x * x for x in row))
        return 0.0 if rn == 0 or qn == 0 else sum(a / rn * (b / qn) for a, b in zip(row, q))

    sims = [cos(row) for row in doc_vecs]
    lexical_ranking = sorted((i for i in range(len(lex)) if lex[i] > 0), key=lambda i: (-lex[i], i))
    vector_ranking = sorted(range(len(sims)), key=lambda i: (-sims[i], i))
    return reciprocal_rank_fusion([lexical_ranking[:n_candidates], vector_ranking[:n_candidates]], k=rrf_k)[:k]
