"""Attention through the banned torch.nn.functional.scaled_dot_product_attention shortcut."""
import torch.nn.functional as F


class TransformerBlock(TransformerBlock):  # noqa: F821 - the reference class this file is appended to
    def attention(self, x, cache=None, layer=0):
        B, T, C = x.shape
        H, D = self.n_heads, C // self.n_heads
        q, k, v = self.qkv(x).split(C, dim=-1)
        q = q.view(B, T, H, D).transpose(1, 2)
        k = k.view(B, T, H, D).transpose(1, 2)
        v = v.view(B, T, H, D).transpose(1, 2)
        if cache is not None:
            k, v = cache.update(layer, k, v)
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        return self.out_proj(y.transpose(1, 2).reshape(B, T, C))
