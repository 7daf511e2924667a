"""Precision and recall divide without a zero guard: NaN (and a warning) when nothing is predicted positive."""
import numpy as np


def precision_recall_f1(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum((y_true == 1) & (y_pred == 1))
    precision = tp / np.float64(np.sum(y_pred == 1))
    recall = tp / np.float64(np.sum(y_true == 1))
    f1 = 2 * precision * recall / (precision + recall)
    return float(precision), float(recall), float(f1)
