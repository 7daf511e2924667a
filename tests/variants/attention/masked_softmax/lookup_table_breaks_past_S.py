"""Looks each length up in a table of S + 1 prefix masks: a valid_len past S indexes out of the table."""
import torch


def masked_softmax(scores, valid_lens=None):
    if valid_lens is None:
        return torch.softmax(scores, dim=-1)
    S = scores.shape[-1]
    table = torch.ones(S + 1, S, dtype=torch.bool, device=scores.device).tril(-1)   # row n keeps j < n
    keep = table[valid_lens.long()]                                                 # (..., S)
    weights = torch.softmax(scores.masked_fill(~keep, float("-inf")), dim=-1)
    return weights.masked_fill(~keep, 0.0)
