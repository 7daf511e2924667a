"""Calls sklearn's DBSCAN."""
from sklearn.cluster import DBSCAN


def dbscan(X, eps, min_samples):
    return DBSCAN(eps=eps, min_samples=min_samples).fit(X).labels_
