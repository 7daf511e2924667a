"""Fills with -inf but never fixes rows with valid_len 0, which come out NaN."""
import torch


def masked_softmax(scores, valid_lens=None):
    if valid_lens is None:
        return torch.softmax(scores, dim=-1)
    keep = torch.arange(scores.shape[-1]) < valid_lens.unsqueeze(-1)
    return torch.softmax(scores.masked_fill(~keep, float("-inf")), dim=-1)
