"""Calls sklearn.metrics.silhouette_score."""
from sklearn import metrics


def silhouette_score(X, labels):
    return float(metrics.silhouette_score(X, labels))
