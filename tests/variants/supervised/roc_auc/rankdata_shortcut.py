"""Uses scipy.stats.rankdata for the average ranks instead of computing them."""
import numpy as np
from scipy.stats import rankdata


def roc_auc(y_true, scores):
    y_true = np.asarray(y_true)
    n_pos = int(np.sum(y_true == 1))
    n_neg = len(y_true) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("roc_auc needs both classes")
    ranks = rankdata(scores)
    return float((ranks[y_true == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))
