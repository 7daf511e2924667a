"""Confusion matrix as onehot(y_true).T @ onehot(y_pred); F1 as 2tp / (2tp + fp + fn)."""
import numpy as np


def confusion_matrix(y_true, y_pred, labels=None):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if labels is None:
        labels = np.union1d(y_true, y_pred)
    labels = np.asarray(labels)
    T = (y_true[:, None] == labels[None, :]).astype(int)     # (n, K): all zeros outside labels
    P = (y_pred[:, None] == labels[None, :]).astype(int)
    return T.T @ P


def precision_recall_f1(y_true, y_pred):
    t, p = np.asarray(y_true) == 1, np.asarray(y_pred) == 1
    tp, fp, fn = np.sum(t & p), np.sum(~t & p), np.sum(t & ~p)
    ratio = lambda num, den: float(num / den) if den > 0 else 0.0
    return ratio(tp, tp + fp), ratio(tp, tp + fn), ratio(2 * tp, 2 * tp + fp + fn)
