"""recall_at_k returns the int 0 (not 0.0) when nothing is relevant."""


def recall_at_k(retrieved, relevant, k):
    relevant = set(relevant)
    if not relevant:
        return 0
    return len(set(retrieved[:k]) & relevant) / len(relevant)
