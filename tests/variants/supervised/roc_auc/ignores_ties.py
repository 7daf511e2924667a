"""Ordinal ranks from a double argsort: tied scores get different ranks, so ties are not counted 1/2."""
import numpy as np


def roc_auc(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    n_pos = int(np.sum(y_true == 1))
    n_neg = len(y_true) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("roc_auc needs both classes")
    ranks = np.argsort(np.argsort(scores, kind="stable"), kind="stable") + 1
    return float((ranks[y_true == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))
