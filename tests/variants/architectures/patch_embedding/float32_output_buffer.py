"""Fills a torch.zeros(B, 1 + N, D) buffer (default dtype float32): a float64 model is rounded to float32."""
import torch

_PatchEmbedding_right = PatchEmbedding


class PatchEmbedding(_PatchEmbedding_right):
    def forward(self, x):
        B, C, H, W = x.shape
        p = self.patch_size
        x = x.reshape(B, C, H // p, p, W // p, p).permute(0, 2, 4, 1, 3, 5).reshape(B, -1, C * p * p)
        tokens = self.proj(x)
        out = torch.zeros(B, 1 + self.num_patches, tokens.shape[-1])
        out[:, :1] = self.cls_token
        out[:, 1:] = tokens
        return out + self.pos_embed
