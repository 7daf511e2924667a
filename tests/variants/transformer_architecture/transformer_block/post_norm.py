"""Post-norm block (original 2017 Transformer): x = norm1(x + attn(x)) instead of x + attn(norm1(x))."""
import torch.nn.functional as F


class TransformerBlock(TransformerBlock):  # noqa: F821 - the reference class this file is appended to
    def forward(self, x, cache=None, layer=0):
        x = self.norm1(x + self.attention(x, cache=cache, layer=layer))
        return self.norm2(x + self.fc2(F.gelu(self.fc1(x))))
