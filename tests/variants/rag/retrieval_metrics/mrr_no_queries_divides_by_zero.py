"""MRR divides by the number of queries without a guard: no queries raise ZeroDivisionError."""


def mrr(retrieved_lists, relevant_sets):
    total = 0.0
    for retrieved, relevant in zip(retrieved_lists, relevant_sets):
        for rank, doc in enumerate(retrieved, start=1):
            if doc in relevant:
                total += 1.0 / rank
                break
    return total / len(retrieved_lists)
