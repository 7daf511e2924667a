"""recall_at_k counts a relevant id twice when it is retrieved twice (no set), and can exceed 1."""


def recall_at_k(retrieved, relevant, k):
    relevant = set(relevant)
    if not relevant:
        return 0.0
    return sum(1 for doc in retrieved[:k] if doc in relevant) / len(relevant)
