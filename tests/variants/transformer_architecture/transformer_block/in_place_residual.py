"""Adds the attention residual in place (x += ...) whenever x needs no gradient, overwriting the caller's input."""
import torch.nn.functional as F


class TransformerBlock(TransformerBlock):  # noqa: F821 - the reference class this file is appended to
    def forward(self, x, cache=None, layer=0):
        a = self.attention(self.norm1(x), cache=cache, layer=layer)
        if x.requires_grad:
            x = x + a
        else:                       # "inference shortcut": reuse x's memory
            x += a
        return x + self.fc2(F.gelu(self.fc1(self.norm2(x))))
