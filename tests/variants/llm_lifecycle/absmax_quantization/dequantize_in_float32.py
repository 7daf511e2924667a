"""Dequantises with q.float() * scale: float32 whenever the scale is 0-dim (per tensor)."""


def dequantize(q, scale):
    return q.float() * scale
