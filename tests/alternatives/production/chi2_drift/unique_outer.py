"""Builds the 2 x K table with np.unique(return_inverse) and bincount; expected counts via np.outer."""


def chi2_drift(reference, current, alpha=0.05):
    labels = list(reference) + list(current)
    _, codes = np.unique(np.array(labels), return_inverse=True)
    k = int(codes.max()) + 1
    n_ref = len(reference)
    table = np.vstack([np.bincount(codes[:n_ref], minlength=k), np.bincount(codes[n_ref:], minlength=k)])
    expected = np.outer(table.sum(axis=1), table.sum(axis=0)) / table.sum()   # (2, K)
    statistic = float(((table - expected) ** 2 / expected).sum())
    p = float(stats.chi2.sf(statistic, k - 1))
    return statistic, p, bool(p < alpha)
