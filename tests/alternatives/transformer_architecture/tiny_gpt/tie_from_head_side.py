"""Ties from the head's side (wte.weight = lm_head.weight), slices wpe.weight for positions, kata-2 LayerNorm as ln_f."""
import torch.nn as nn


class TinyGPT(nn.Module):
    def __init__(self, vocab_size, block_size, d_model, n_heads, n_layers):
        super().__init__()
        self.lm_head = nn.Linear(d_model, vocab_size, bias=False)
        self.wte = nn.Embedding(vocab_size, d_model)
        self.wte.weight = self.lm_head.weight                          # one Parameter, (V, C)
        self.wpe = nn.Embedding(block_size, d_model)
        self.blocks = nn.ModuleList([TransformerBlock(d_model, n_heads, 4 * d_model)  # noqa: F821
                                     for _ in range(n_layers)])
        self.ln_f = LayerNorm(d_model)                                 # noqa: F821 - kata 2, eps 1e-5

    def forward(self, idx, cache=None):
        start = 0 if cache is None else cache.seq_len
        x = self.wte(idx) + self.wpe.weight[start:start + idx.shape[1]]   # (B, T, C) + (T, C)
        for i, block in enumerate(self.blocks):
            x = block(x, cache=cache, layer=i)
        return self.lm_head(self.ln_f(x))
