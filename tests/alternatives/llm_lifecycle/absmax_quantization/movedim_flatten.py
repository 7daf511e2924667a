"""Per channel: move dim first, flatten the rest, amax per row, then view the scale back to broadcast."""
import torch


def quantize_absmax_int8(x, dim=None):
    if dim is None:
        amax = x.abs().max()                                            # 0-dim
    else:
        rows = x.movedim(dim, 0).reshape(x.shape[dim], -1)             # (n_channels, rest)
        shape = [1] * x.ndim
        shape[dim] = x.shape[dim]
        amax = rows.abs().amax(dim=1).reshape(shape)                    # broadcastable against x
    scale = (amax / 127).masked_fill(amax == 0, 1.0)
    q = torch.round(x / scale).clamp(-127, 127).to(torch.int8)
    return q, scale


def dequantize(q, scale):
    return scale * q.type_as(scale)
