"""MRR averages only over queries that found a relevant result (misses should count as 0)."""


def mrr(retrieved_lists, relevant_sets):
    rr = []
    for retrieved, relevant in zip(retrieved_lists, relevant_sets):
        for rank, doc in enumerate(retrieved, start=1):
            if doc in set(relevant):
                rr.append(1.0 / rank)
                break
    return sum(rr) / len(rr) if rr else 0.0
