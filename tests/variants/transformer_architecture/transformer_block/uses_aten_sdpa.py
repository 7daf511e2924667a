"""Attention through torch.ops.aten.scaled_dot_product_attention, the aten name of the banned F.scaled_dot_product_attention."""
import torch


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
        S = k.shape[2] - T
        allowed = torch.ones(T, S + T, dtype=torch.bool).tril(diagonal=S)
        y = torch.ops.aten.scaled_dot_product_attention(q, k, v, attn_mask=allowed)
        return self.out_proj(y.transpose(1, 2).reshape(B, T, C))
