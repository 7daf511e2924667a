"""Calls the banned scipy.stats.ks_2samp."""
from scipy import stats


def ks_drift(reference, current, alpha=0.05):
    res = stats.ks_2samp(reference, current, method="asymp")
    return float(res.statistic), float(res.pvalue), bool(res.pvalue < alpha)
