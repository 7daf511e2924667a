"""Forgets the final LayerNorm ln_f before the head."""
import torch


class TinyGPT(TinyGPT):  # noqa: F821 - the reference class this file is appended to
    def forward(self, idx, cache=None):
        B, T = idx.shape
        start = cache.seq_len if cache is not None else 0
        x = self.wte(idx) + self.wpe(torch.arange(start, start + T))
        for i, block in enumerate(self.blocks):
            x = block(x, cache=cache, layer=i)
        return self.lm_head(x)
