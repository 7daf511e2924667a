"""Masks with torch.where(-inf) and turns the NaN of an empty row into zeros with nan_to_num."""
import torch


def masked_softmax(scores, valid_lens=None):
    if valid_lens is None:
        return scores.softmax(-1)
    keep = torch.arange(scores.shape[-1], device=scores.device) < valid_lens.to(scores.device).unsqueeze(-1)
    masked = torch.where(keep, scores, torch.tensor(float("-inf"), dtype=scores.dtype, device=scores.device))
    return torch.nan_to_num(masked.softmax(-1), nan=0.0)
