"""The definition itself: compare every positive with every negative, a tie counting one half."""
import numpy as np


def roc_auc(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    pos, neg = scores[y_true == 1], scores[y_true != 1]
    if len(pos) == 0 or len(neg) == 0:
        raise ValueError("both classes are needed")
    diff = pos[:, None] - neg[None, :]                        # (n_pos, n_neg)
    return float(((diff > 0).sum() + 0.5 * (diff == 0).sum()) / diff.size)
