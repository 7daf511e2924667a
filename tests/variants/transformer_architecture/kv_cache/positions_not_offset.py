"""With a cache the new tokens still get positions 0, 1, ... instead of continuing after the cache."""
import torch


class TinyGPT(TinyGPT):  # noqa: F821 - the reference class this file is appended to
    def forward(self, idx, cache=None):
        B, T = idx.shape
        x = self.wte(idx) + self.wpe(torch.arange(T))
        for i, block in enumerate(self.blocks):
            x = block(x, cache=cache, layer=i)
        return self.lm_head(self.ln_f(x))
