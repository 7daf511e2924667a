"""Default labels taken from y_true only, and labels= ignored: a predicted-only label is lost."""
import numpy as np


def confusion_matrix(y_true, y_pred, labels=None):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    labels = np.unique(y_true)
    index = {label: i for i, label in enumerate(labels.tolist())}
    C = np.zeros((len(index), len(index)), dtype=int)
    for t, p in zip(y_true.tolist(), y_pred.tolist()):
        if t in index and p in index:
            C[index[t], index[p]] += 1
    return C
