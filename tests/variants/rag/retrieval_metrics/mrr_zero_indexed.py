"""MRR with ranks from 0 (enumerate without start=1), the first position patched to avoid 1/0."""


def mrr(retrieved_lists, relevant_sets):
    total = 0.0
    for retrieved, relevant in zip(retrieved_lists, relevant_sets):
        for rank, doc in enumerate(retrieved):
            if doc in set(relevant):
                total += 1.0 / max(rank, 1)
                break
    return total / len(retrieved_lists) if len(retrieved_lists) else 0.0
