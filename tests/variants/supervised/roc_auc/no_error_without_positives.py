"""Raises only when there are no negatives; all-negative labels give NaN instead of ValueError."""
import numpy as np


def roc_auc(y_true, scores):
    y_true = np.asarray(y_true)
    scores = np.asarray(scores, dtype=float)
    pos, neg = scores[y_true == 1], scores[y_true != 1]
    if len(neg) == 0:
        raise ValueError("need both classes")
    with np.errstate(invalid="ignore"):
        diff = pos[:, None] - neg[None, :]
        return float(np.mean((diff > 0) + 0.5 * (diff == 0)))
