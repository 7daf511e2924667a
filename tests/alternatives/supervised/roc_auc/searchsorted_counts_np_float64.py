"""For each positive, count negatives below it (and half the equal ones) by searchsorted; an np.float64 result."""
import numpy as np


def roc_auc(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    pos, neg = scores[y_true == 1], np.sort(scores[y_true != 1])
    if pos.size == 0 or neg.size == 0:
        raise ValueError("roc_auc needs both classes")
    below = np.searchsorted(neg, pos, side="left")
    equal = np.searchsorted(neg, pos, side="right") - below
    return (below + 0.5 * equal).sum() / (pos.size * neg.size)
