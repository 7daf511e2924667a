"""Unsupervised learning from scratch in numpy: your workspace.

Read the brief (exercises/unsupervised/README.md) for every kata's conventions, then replace
each `raise NotImplementedError(...)` with your code. Use numpy (and numpy.linalg); the
scikit-learn estimators these katas rebuild are not allowed inside this file.
"""
from __future__ import annotations

from itertools import combinations

import numpy as np


def kmeans(X, init_centers, max_iter=300, tol=1e-4):
    """Lloyd's k-means from the given initial centers.

    X: (n, d) float; init_centers: (k, d) float (do not modify it).
    Each iteration: label = index of the nearest center (exact ties -> the lowest index, so of
    two identical centers the lower one gets every point); each center moves to the mean of its
    points, an EMPTY cluster keeps its old center; stop when the total squared center shift
    ((new - old) ** 2).sum() <= tol, or after max_iter iterations (defaults 300 and 1e-4).
    Then recompute the labels from the final centers.

    Returns the tuple (centers, labels, n_iter): centers a new float64 array (k, d), labels an
    integer array (n,), n_iter an int counted from 1.

    >>> kmeans(np.array([[0.0], [1.0], [10.0], [11.0]]), np.array([[0.0], [1.0]]))
    ... # centers [[0.5], [10.5]], labels [0, 0, 1, 1], n_iter 3
    """
    raise NotImplementedError("kmeans: see exercises/unsupervised/README.md")


def kmeans_plus_plus_init(X, k, rng):
    """k-means++ seeding: k rows of X in the order chosen, as a new float64 array (k, d).

    rng: a numpy.random.Generator; take ALL randomness from it. First center: X[rng.integers(n)].
    Each next center: row i drawn with probability D(x_i)^2 / sum_j D(x_j)^2, where D is the
    distance to the nearest center chosen so far (rng.choice(n, p=...)).
    """
    raise NotImplementedError("kmeans_plus_plus_init: see exercises/unsupervised/README.md")


class PCA:
    """Principal component analysis by SVD of the centred data.

    After fit(X) with X (n, d):
      mean_ (d,); components_ (k, d), orthonormal rows, largest variance first;
      explained_variance_ (k,) = singular value^2 / (n - 1);
      explained_variance_ratio_ (k,) = explained_variance_ / total variance (all directions, n - 1).
    All four are float64 arrays; transform and inverse_transform return new float64 arrays.
    Centre before squaring anything (the data may sit ~1e6 from the origin).
    """

    def __init__(self, n_components):
        raise NotImplementedError("pca: see exercises/unsupervised/README.md")

    def fit(self, X):
        """Learn mean_, components_, explained_variance_(ratio_); return self."""
        raise NotImplementedError("pca: see exercises/unsupervised/README.md")

    def transform(self, X):
        """(m, d) -> (m, k): coordinates of X - mean_ along the components."""
        raise NotImplementedError("pca: see exercises/unsupervised/README.md")

    def inverse_transform(self, Z):
        """(m, k) -> (m, d): back to the original space (mean_ added back)."""
        raise NotImplementedError("pca: see exercises/unsupervised/README.md")


def dbscan(X, eps, min_samples):
    """DBSCAN labels: an integer array (n,), clusters 0, 1, ..., c-1 (no gaps), noise -1.

    Neighbourhood of i: all j with ||x_i - x_j|| <= eps, i itself included. Core: neighbourhood
    size >= min_samples. Grow clusters from core points scanned in index order; a border point
    joins the first cluster that reaches it (even if a later cluster's core point is nearer).
    """
    raise NotImplementedError("dbscan: see exercises/unsupervised/README.md")


def gaussian_mixture_em(X, weights, means, covariances, max_iter=100, tol=1e-3, reg_covar=1e-6):
    """EM for a full-covariance Gaussian mixture from the given start.

    X (n, d); weights (k,); means (k, d); covariances (k, d, d). Do not modify the inputs.
    Iteration t: E-step (log_likelihoods[t] = mean over samples of log p(x) under the current
    parameters), then M-step with reg_covar added to every covariance's diagonal. Stop after
    max_iter iterations or when |log_likelihoods[t] - log_likelihoods[t-1]| < tol (strict <,
    never after the first iteration). k = 1 is allowed.

    Returns the tuple (weights (k,), means (k, d), covariances (k, d, d), log_likelihoods):
    three new float64 arrays and a Python list of floats (not an ndarray).
    """
    raise NotImplementedError("gaussian_mixture_em: see exercises/unsupervised/README.md")


def agglomerative(X, n_clusters, linkage="average"):
    """Agglomerative clustering with Euclidean distances: an integer array (n,) using exactly
    the ids 0..n_clusters-1.

    linkage: "single" (min pairwise distance), "complete" (max) or "average" (mean, the default).
    """
    raise NotImplementedError("agglomerative: see exercises/unsupervised/README.md")


def apriori(transactions, min_support):
    """All frequent itemsets: {frozenset(items): support} (float supports; {} if none),
    support = fraction of transactions containing every item of the set (an item repeated in
    one transaction counts once; an empty basket still counts in n), kept when
    count / n >= min_support. Baskets are lists, tuples or sets; do not modify them.

    >>> apriori([["a", "b"], ["a"], ["b", "c"]], 0.5)
    ... # {frozenset({'a'}): 0.667, frozenset({'b'}): 0.667}
    """
    raise NotImplementedError("apriori: see exercises/unsupervised/README.md")


def association_rules(itemsets, min_confidence):
    """Rules from {frozenset: support} (every subset of each itemset is a key, as apriori gives).

    For each itemset S with >= 2 items and each non-empty proper subset A (C = S - A):
    support = supp(S), confidence = supp(S) / supp(A), lift = confidence / supp(C).
    Returns a list of tuples (A, C, support, confidence, lift) with confidence >= min_confidence
    (inclusive), A and C frozensets, three floats, in any order ([] if none). Do not modify itemsets.
    """
    raise NotImplementedError("association_rules: see exercises/unsupervised/README.md")


def silhouette_score(X, labels):
    """Mean silhouette (float). s(i) = (b - a) / max(a, b); a = mean distance to the other
    points of i's cluster, b = min over other clusters of the mean distance to its points;
    s(i) = 0 when i is alone in its cluster. Labels may be any integers (negative ones too:
    -1 is an ordinary cluster here). Returns a float (Python float or np.float64), not an array.
    """
    raise NotImplementedError("silhouette_score: see exercises/unsupervised/README.md")
