"""Counts from a boolean 2x2 table; ratios with np.divide(where=...): a tuple of np.float64."""
import numpy as np


def precision_recall_f1(y_true, y_pred):
    t, p = np.asarray(y_true) == 1, np.asarray(y_pred) == 1
    tp, fp, fn = np.sum(t & p), np.sum(~t & p), np.sum(t & ~p)
    num = np.array([tp, tp, 2 * tp], dtype=float)
    den = np.array([tp + fp, tp + fn, 2 * tp + fp + fn], dtype=float)
    out = np.divide(num, den, out=np.zeros(3), where=den > 0)
    return out[0], out[1], out[2]
