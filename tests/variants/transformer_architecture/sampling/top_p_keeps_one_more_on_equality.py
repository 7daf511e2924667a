"""top_p drops a token only when the mass before it is strictly above p, so a prefix that reaches p exactly keeps one more."""
import torch


def top_p_filter(logits, p):
    sorted_logits, order = torch.sort(logits, dim=-1, descending=True, stable=True)
    probs = sorted_logits.softmax(dim=-1)
    drop_sorted = probs.cumsum(dim=-1) - probs > p
    return logits.masked_fill(drop_sorted.scatter(-1, order, drop_sorted), float("-inf"))
