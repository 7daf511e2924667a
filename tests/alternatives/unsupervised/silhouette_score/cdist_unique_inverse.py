"""scipy's cdist for the distances, np.unique(return_inverse) to map any integer labels to 0..k-1, np.float64 result."""
import numpy as np
from scipy.spatial.distance import cdist


def silhouette_score(X, labels):
    X = np.asarray(X, dtype=float)
    ids, codes = np.unique(np.asarray(labels), return_inverse=True)
    codes = codes.reshape(-1)
    D = cdist(X, X)
    k = len(ids)
    sums = np.stack([D[:, codes == c].sum(axis=1) for c in range(k)], axis=1)   # (n, k)
    sizes = np.bincount(codes, minlength=k)
    own = sizes[codes]
    a = sums[np.arange(len(X)), codes] / np.maximum(own - 1, 1)
    others = sums / sizes
    others[np.arange(len(X)), codes] = np.inf
    b = others.min(axis=1)
    s = np.where(own > 1, (b - a) / np.maximum(a, b), 0.0)
    return s.mean()
