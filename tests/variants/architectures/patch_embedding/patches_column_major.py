"""Lists the patches column by column of the grid instead of row by row."""
import torch

_PatchEmbedding_right = PatchEmbedding


class PatchEmbedding(_PatchEmbedding_right):
    def forward(self, x):
        B, C, H, W = x.shape
        p = self.patch_size
        x = x.reshape(B, C, H // p, p, W // p, p).permute(0, 4, 2, 1, 3, 5).reshape(B, -1, C * p * p)
        tokens = self.proj(x)
        return torch.cat([self.cls_token.expand(B, -1, -1), tokens], dim=1) + self.pos_embed
