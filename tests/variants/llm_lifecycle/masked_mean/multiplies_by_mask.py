"""sum(x * mask) / count: -inf * 0 and NaN * 0 under the mask become NaN."""


def masked_mean(x, mask, dim=None):
    m = mask.to(x.dtype).expand_as(x)
    return (x * m).sum(dim=dim) / m.sum(dim=dim).clamp(min=1)
