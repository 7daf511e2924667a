"""Builds the position ids with torch's defaults (no device=idx.device): fails for ids on another device."""
import torch


class TinyGPT(TinyGPT):  # noqa: F821 - the reference class this file is appended to
    def forward(self, idx, cache=None):
        B, T = idx.shape
        start = cache.seq_len if cache is not None else 0
        pos = torch.arange(start, start + T)                  # on the default device, whatever idx's is
        x = self.wte(idx) + self.wpe(pos)
        for i, block in enumerate(self.blocks):
            x = block(x, cache=cache, layer=i)
        return self.lm_head(self.ln_f(x))
