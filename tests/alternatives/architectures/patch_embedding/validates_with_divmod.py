"""Checks divisibility with divmod in its own helper and builds the grid size from it."""
import torch
import torch.nn as nn


def _grid(n, p):
    count, rest = divmod(n, p)
    if rest:
        raise ValueError(f"image size {n} is not a multiple of patch size {p}")
    return count


class PatchEmbedding(PatchEmbedding):
    def __init__(self, img_size, patch_size, in_chans=3, embed_dim=768):
        nn.Module.__init__(self)
        H, W = (img_size, img_size) if isinstance(img_size, int) else img_size
        self.patch_size = patch_size
        self.num_patches = _grid(H, patch_size) * _grid(W, patch_size)
        self.proj = nn.Linear(in_chans * patch_size ** 2, embed_dim)
        self.cls_token = nn.Parameter(torch.randn(1, 1, embed_dim) * 0.02)
        self.pos_embed = nn.Parameter(torch.randn(1, 1 + self.num_patches, embed_dim) * 0.02)
