"""Labels as int32 from a loop over centers keeping a running minimum (strict <, so ties stay with the lower index); n_iter a numpy integer."""
import numpy as np


def kmeans(X, init_centers, max_iter=300, tol=1e-4):
    X = np.array(X, dtype=float)
    centers = np.array(init_centers, dtype=float)

    def assign(C):
        best = np.full(len(X), np.inf)
        labels = np.zeros(len(X), dtype=np.int32)
        for j, c in enumerate(C):
            d = np.einsum("nd,nd->n", X - c, X - c)
            closer = d < best
            best[closer], labels[closer] = d[closer], j
        return labels

    n_iter = np.int64(0)
    while n_iter < max_iter:
        n_iter += 1
        labels = assign(centers)
        old = centers.copy()
        for j in np.unique(labels):
            centers[j] = X[labels == j].mean(axis=0)
        if ((centers - old) ** 2).sum() <= tol:
            break
    return centers, assign(centers), n_iter
