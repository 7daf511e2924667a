"""Adds the position embedding to the patch tokens before prepending the class token (which gets none)."""
import torch

_PatchEmbedding_right = PatchEmbedding


class PatchEmbedding(_PatchEmbedding_right):
    def forward(self, x):
        B, C, H, W = x.shape
        p = self.patch_size
        x = x.reshape(B, C, H // p, p, W // p, p).permute(0, 2, 4, 1, 3, 5).reshape(B, -1, C * p * p)
        tokens = self.proj(x) + self.pos_embed[:, 1:]
        return torch.cat([self.cls_token.expand(B, -1, -1), tokens], dim=1)
