"""Builds the output with np.empty_like of the raw input, so integer values give a truncated integer array."""


def ewma(values, alpha):
    x = np.asarray(values)
    out = np.empty_like(x)
    for t in range(x.size):
        out[t] = x[0] if t == 0 else alpha * x[t] + (1 - alpha) * out[t - 1]
    return out
