"""Fills masked positions with -1e6 (the d2l way): a row with valid_len 0 becomes uniform, not zero."""
import torch


def masked_softmax(scores, valid_lens=None):
    if valid_lens is None:
        return torch.softmax(scores, dim=-1)
    keep = torch.arange(scores.shape[-1]) < valid_lens.unsqueeze(-1)
    return torch.softmax(scores.masked_fill(~keep, -1e6), dim=-1)
