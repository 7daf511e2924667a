"""Plain loops: recall by counting hits, MRR with next() over enumerate, nDCG with math.log2 sums."""
import math


def recall_at_k(retrieved, relevant, k):
    relevant = set(relevant)
    hits = {doc for doc in retrieved[:k] if doc in relevant}
    return len(hits) / len(relevant) if relevant else 0.0


def mrr(retrieved_lists, relevant_sets):
    reciprocal = []
    for retrieved, relevant in zip(retrieved_lists, relevant_sets):
        rank = next((r for r, doc in enumerate(retrieved, start=1) if doc in relevant), None)
        reciprocal.append(0.0 if rank is None else 1.0 / rank)
    return sum(reciprocal) / len(reciprocal) if reciprocal else 0.0


def ndcg_at_k(retrieved, relevance, k):
    dcg = sum(relevance.get(doc, 0) / math.log2(r + 1) for r, doc in enumerate(retrieved[:k], start=1))
    ideal = sorted(relevance.values(), reverse=True)[:k]
    idcg = sum(g / math.log2(r + 1) for r, g in enumerate(ideal, start=1))
    return dcg / idcg if idcg > 0 else 0.0
