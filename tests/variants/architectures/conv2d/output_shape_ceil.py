"""Rounds the output size up (ceil) instead of flooring, as if a partial window counted."""
import math


def conv_output_shape(h, w, kernel, stride=1, padding=0, dilation=1):
    (kh, kw), (sh, sw), (ph, pw), (dh, dw) = map(_pair, (kernel, stride, padding, dilation))
    return (math.ceil((h + 2 * ph - dh * (kh - 1) - 1) / sh) + 1,
            math.ceil((w + 2 * pw - dw * (kw - 1) - 1) / sw) + 1)
