"""recall_at_k divides the hits by k (that is precision@k), not by the number of relevant documents."""


def recall_at_k(retrieved, relevant, k):
    relevant = set(relevant)
    if not relevant:
        return 0.0
    return len(set(retrieved[:k]) & relevant) / k
