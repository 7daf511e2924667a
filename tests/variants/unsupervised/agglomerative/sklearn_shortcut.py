"""Calls sklearn's AgglomerativeClustering."""
from sklearn.cluster import AgglomerativeClustering


def agglomerative(X, n_clusters, linkage="average"):
    return AgglomerativeClustering(n_clusters=n_clusters, linkage=linkage).fit(X).labels_
