"""top-k via a full descending sort; top-p shifts the cumulative sum right and maps back with argsort + gather."""
import torch


def top_k_filter(logits, k):
    k = min(k, logits.shape[-1])
    kth = logits.sort(dim=-1, descending=True).values[..., k - 1:k]                # (..., 1)
    return torch.where(logits >= kth, logits, torch.full_like(logits, float("-inf")))


def top_p_filter(logits, p):
    sorted_logits, order = logits.sort(dim=-1, descending=True, stable=True)
    cum = sorted_logits.softmax(-1).cumsum(-1)
    before = torch.cat([torch.zeros_like(cum[..., :1]), cum[..., :-1]], dim=-1)   # mass of better tokens
    keep_sorted = before < p
    keep = keep_sorted.gather(-1, order.argsort(-1))                               # back to vocabulary order
    return logits.masked_fill(~keep, float("-inf"))
