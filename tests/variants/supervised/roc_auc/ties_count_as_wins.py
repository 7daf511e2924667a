"""Pairwise count with >=: a tied positive/negative pair counts as a full win."""
import numpy as np


def roc_auc(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    pos, neg = scores[y_true == 1], scores[y_true != 1]
    if len(pos) == 0 or len(neg) == 0:
        raise ValueError("roc_auc needs both classes")
    return float(np.mean(pos[:, None] >= neg[None, :]))
