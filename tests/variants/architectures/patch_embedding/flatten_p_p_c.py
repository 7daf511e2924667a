"""Flattens each patch in (p, p, C) order (channels last), so Conv2d weights no longer map onto proj."""
import torch

_PatchEmbedding_right = PatchEmbedding


class PatchEmbedding(_PatchEmbedding_right):
    def forward(self, x):
        B, C, H, W = x.shape
        p = self.patch_size
        x = x.reshape(B, C, H // p, p, W // p, p).permute(0, 2, 4, 3, 5, 1).reshape(B, -1, p * p * C)
        tokens = self.proj(x)
        return torch.cat([self.cls_token.expand(B, -1, -1), tokens], dim=1) + self.pos_embed
