"""(x * mask).mean(dim): divides by the full length instead of the number of valid entries."""


def masked_mean(x, mask, dim=None):
    return (x * mask).mean(dim=dim)
