"""Accepts an image size that is not a multiple of patch_size (floors the grid) instead of raising ValueError."""
import torch
import torch.nn as nn


class PatchEmbedding(PatchEmbedding):
    def __init__(self, img_size, patch_size, in_chans=3, embed_dim=768):
        nn.Module.__init__(self)
        H, W = _pair(img_size)
        self.patch_size = patch_size
        self.num_patches = (H // patch_size) * (W // patch_size)
        self.proj = nn.Linear(in_chans * patch_size * patch_size, embed_dim)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, embed_dim))
        self.pos_embed = nn.Parameter(torch.zeros(1, 1 + self.num_patches, embed_dim))
