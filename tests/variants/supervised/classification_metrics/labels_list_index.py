"""Positions are found with labels.index(...): breaks when labels is given as a numpy array."""
import numpy as np


def confusion_matrix(y_true, y_pred, labels=None):
    if labels is None:
        labels = sorted(set(np.asarray(y_true).tolist()) | set(np.asarray(y_pred).tolist()))
    C = np.zeros((len(labels), len(labels)), dtype=int)
    for t, p in zip(np.asarray(y_true).tolist(), np.asarray(y_pred).tolist()):
        if t in labels and p in labels:
            C[labels.index(t), labels.index(p)] += 1
    return C
