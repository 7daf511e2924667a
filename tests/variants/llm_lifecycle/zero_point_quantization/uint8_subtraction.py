"""Dequantises as (q - zero_point) in uint8: negative differences wrap around to 255, 254, ..."""


def dequantize_zero_point(q, scale, zero_point):
    return (q - zero_point.to(q.dtype)).to(scale.dtype) * scale
