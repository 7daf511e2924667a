"""Builds the smoothed series in a Python list and returns the list, not a numpy array."""


def ewma(values, alpha):
    out = []
    for x in values:
        out.append(float(x) if not out else alpha * x + (1 - alpha) * out[-1])
    return out
