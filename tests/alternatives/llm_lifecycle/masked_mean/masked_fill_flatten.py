"""Zeroes masked-out entries with masked_fill; dim=None flattens and reduces along axis 0."""


def masked_mean(x, mask, dim=None):
    if dim is None:
        return masked_mean(x.reshape(-1), mask.reshape(-1), dim=0)
    valid = mask != 0                                               # bool for bool, int or float masks
    total = x.masked_fill(~valid, 0.0).sum(dim=dim)
    count = valid.sum(dim=dim).clamp(min=1).to(x.dtype)
    return total / count
