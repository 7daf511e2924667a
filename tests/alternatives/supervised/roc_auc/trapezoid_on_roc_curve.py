"""Builds the ROC curve over distinct scores (highest first) and integrates it with the trapezoid rule."""
import numpy as np


def roc_auc(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    n_pos, n_neg = int((y_true == 1).sum()), int((y_true != 1).sum())
    if n_pos == 0 or n_neg == 0:
        raise ValueError("both classes are needed")
    levels, where = np.unique(-scores, return_inverse=True)   # distinct scores, highest first
    tp = np.concatenate([[0], np.cumsum(np.bincount(where, weights=y_true == 1))]) / n_pos
    fp = np.concatenate([[0], np.cumsum(np.bincount(where, weights=y_true != 1))]) / n_neg
    return float(np.sum((fp[1:] - fp[:-1]) * (tp[1:] + tp[:-1]) / 2))
