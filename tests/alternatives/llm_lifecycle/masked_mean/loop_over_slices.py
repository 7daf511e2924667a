"""Moves dim last and averages each slice's selected entries (x[m].mean()) in a Python loop."""
import torch


def masked_mean(x, mask, dim=None):
    keep = mask.bool()
    if dim is None:
        chosen = x[keep]
        return chosen.mean() if chosen.numel() else x.new_zeros(())
    xs = x.movedim(dim, -1)                                         # (..., n) the reduced axis last
    ks = keep.movedim(dim, -1)
    rows = [xr[kr].mean() if kr.any() else xr.new_zeros(())
            for xr, kr in zip(xs.reshape(-1, xs.shape[-1]), ks.reshape(-1, ks.shape[-1]))]
    return torch.stack(rows).reshape(xs.shape[:-1])
