"""With a cache the new token's position is taken as seq_len - 1 (the last cached one) instead of seq_len."""
import torch


class TinyGPT(TinyGPT):  # noqa: F821 - the reference class this file is appended to
    def forward(self, idx, cache=None):
        B, T = idx.shape
        start = max(cache.seq_len - 1, 0) if cache is not None else 0
        x = self.wte(idx) + self.wpe(torch.arange(start, start + T))
        for i, block in enumerate(self.blocks):
            x = block(x, cache=cache, layer=i)
        return self.lm_head(self.ln_f(x))
