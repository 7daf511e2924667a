"""top_p sorts ascending and flips, so among equal logits the higher id comes first and survives."""
import torch


def top_p_filter(logits, p):
    sorted_logits, order = torch.sort(logits, dim=-1, stable=True)
    sorted_logits, order = sorted_logits.flip(-1), order.flip(-1)             # descending, ties reversed
    probs = sorted_logits.softmax(dim=-1)
    drop_sorted = probs.cumsum(dim=-1) - probs >= p
    return logits.masked_fill(drop_sorted.scatter(-1, order, drop_sorted), float("-inf"))
