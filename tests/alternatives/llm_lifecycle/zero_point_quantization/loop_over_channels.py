"""One channel at a time with Python-float range arithmetic, stacked back along dim."""
import torch


def _affine_slice(v, qmax):
    lo, hi = min(v.min().item(), 0.0), max(v.max().item(), 0.0)
    scale = (hi - lo) / qmax if hi > lo else 1.0
    zp = min(max(round(-lo / scale), 0), qmax)                           # Python round: half to even too
    q = torch.clamp(torch.round(v / scale) + zp, 0, qmax).to(torch.uint8)
    return q, torch.tensor(scale, dtype=v.dtype, device=v.device), torch.tensor(zp, device=v.device)


def quantize_zero_point(x, bits=8, dim=None):
    qmax = 2 ** bits - 1
    if dim is None:
        return _affine_slice(x, qmax)
    parts = [_affine_slice(x.select(dim, i), qmax) for i in range(x.shape[dim])]
    shape = [-1 if d == dim % x.ndim else 1 for d in range(x.ndim)]
    return (torch.stack([p[0] for p in parts], dim=dim),
            torch.stack([p[1] for p in parts]).reshape(shape),
            torch.stack([p[2] for p in parts]).reshape(shape))


def dequantize_zero_point(q, scale, zero_point):
    return (q.to(scale.dtype) - zero_point) * scale
