"""Output size without the +1: counts the strides, not the positions."""


def conv_output_shape(h, w, kernel, stride=1, padding=0, dilation=1):
    (kh, kw), (sh, sw), (ph, pw), (dh, dw) = map(_pair, (kernel, stride, padding, dilation))
    return (h + 2 * ph - dh * (kh - 1) - 1) // sh, (w + 2 * pw - dw * (kw - 1) - 1) // sw
