"""Takes the categories from the current sample only: a label that disappeared in production is ignored."""


def chi2_drift(reference, current, alpha=0.05):
    categories = sorted(set(current))
    table = np.array([[list(reference).count(c) for c in categories], [list(current).count(c) for c in categories]],
                     dtype=float)
    expected = np.outer(table.sum(axis=1), table.sum(axis=0)) / table.sum()
    statistic = float(np.sum((table - expected) ** 2 / expected))
    p = float(stats.chi2.sf(statistic, len(categories) - 1))
    return statistic, p, bool(p < alpha)
