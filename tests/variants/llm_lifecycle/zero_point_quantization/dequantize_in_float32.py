"""Dequantises with (q.float() - zero_point) * scale: float32 whenever the scale is 0-dim (per tensor)."""


def dequantize_zero_point(q, scale, zero_point):
    return (q.float() - zero_point) * scale
