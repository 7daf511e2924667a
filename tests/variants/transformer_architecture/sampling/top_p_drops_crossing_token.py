"""top_p keeps only tokens whose cumulative probability (including themselves) is <= p: drops the token that crosses p."""
import torch


def top_p_filter(logits, p):
    sorted_logits, order = torch.sort(logits, dim=-1, descending=True, stable=True)
    cum = sorted_logits.softmax(dim=-1).cumsum(dim=-1)
    drop_sorted = cum > p
    drop = drop_sorted.scatter(-1, order, drop_sorted)
    return logits.masked_fill(drop, float("-inf"))
