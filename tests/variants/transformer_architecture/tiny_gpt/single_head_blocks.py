"""Builds every block with one attention head instead of n_heads."""
import torch.nn as nn


class TinyGPT(TinyGPT):  # noqa: F821 - the reference class this file is appended to
    def __init__(self, vocab_size, block_size, d_model, n_heads, n_layers):
        super().__init__(vocab_size, block_size, d_model, n_heads, n_layers)
        self.blocks = nn.ModuleList(TransformerBlock(d_model, 1, 4 * d_model)  # noqa: F821
                                    for _ in range(n_layers))
