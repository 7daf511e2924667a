"""Softmaxes in float64 for stability and returns that float64 result for float32 scores."""
import torch


def masked_softmax(scores, valid_lens=None):
    scores = scores.double()
    if valid_lens is None:
        return torch.softmax(scores, dim=-1)
    keep = torch.arange(scores.shape[-1], device=scores.device) < valid_lens.unsqueeze(-1)
    weights = torch.softmax(scores.masked_fill(~keep, float("-inf")), dim=-1)
    return weights.masked_fill(~keep, 0.0)
