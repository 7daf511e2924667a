"""Unsupervised learning from scratch in numpy: the reference solutions.

Every function here is the clearest version of one idea; none calls another kata, so each can
be studied (and graded) on its own.
"""
from __future__ import annotations

from itertools import combinations

import numpy as np


def _sq_dists(X, C):
    """Squared Euclidean distances between the rows of X (n, d) and C (k, d): (n, k)."""
    return ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=-1)  # (n, k, d) -> (n, k)


# --- k-means -------------------------------------------------------------------------------------

def kmeans(X, init_centers, max_iter=300, tol=1e-4):
    """Lloyd's algorithm from given initial centers.

    One iteration: assign every point to its nearest center (ties -> lowest index), move every
    center to the mean of its points (a center with no points stays where it is), then stop if
    the total squared center shift is <= tol. Labels are recomputed once more from the final
    centers. Returns (centers (k, d), labels (n,) int, n_iter).

    >>> X = np.array([[0.0], [1.0], [10.0], [11.0]])
    >>> C, y, it = kmeans(X, np.array([[0.0], [1.0]]))
    >>> C.ravel().tolist(), y.tolist(), it
    ([0.5, 10.5], [0, 0, 1, 1], 3)
    """
    X = np.asarray(X, dtype=float)
    centers = np.array(init_centers, dtype=float)  # a copy: never touch the caller's array
    n_iter = 0
    for n_iter in range(1, max_iter + 1):
        labels = _sq_dists(X, centers).argmin(axis=1)
        new = centers.copy()
        for j in range(len(centers)):
            members = X[labels == j]
            if len(members):  # an empty cluster keeps its old center
                new[j] = members.mean(axis=0)
        shift = ((new - centers) ** 2).sum()
        centers = new
        if shift <= tol:
            break
    labels = _sq_dists(X, centers).argmin(axis=1)
    return centers, labels, n_iter


def kmeans_plus_plus_init(X, k, rng):
    """k-means++ seeding: first center uniform, each next one drawn with probability ∝ D(x)².

    D(x) is the distance from x to the nearest center chosen so far. Returns k rows of X, (k, d).
    """
    X = np.asarray(X, dtype=float)
    n = len(X)
    chosen = [int(rng.integers(n))]
    d2 = _sq_dists(X, X[chosen]).min(axis=1)  # (n,)
    for _ in range(1, k):
        i = int(rng.choice(n, p=d2 / d2.sum()))
        chosen.append(i)
        d2 = np.minimum(d2, ((X - X[i]) ** 2).sum(axis=1))
    return X[chosen].copy()


# --- PCA -----------------------------------------------------------------------------------------

class PCA:
    """Principal component analysis by SVD of the centred data.

    After ``fit(X)``: ``mean_`` (d,), ``components_`` (k, d) with orthonormal rows,
    ``explained_variance_`` (k,) = singular values² / (n - 1), and ``explained_variance_ratio_``
    (k,) = explained_variance_ / total variance (same n - 1).
    """

    def __init__(self, n_components):
        self.n_components = n_components

    def fit(self, X):
        X = np.asarray(X, dtype=float)
        n = X.shape[0]
        self.mean_ = X.mean(axis=0)
        _, S, Vt = np.linalg.svd(X - self.mean_, full_matrices=False)  # Vt: (min(n, d), d)
        variances = S**2 / (n - 1)
        k = self.n_components
        self.components_ = Vt[:k]
        self.explained_variance_ = variances[:k]
        self.explained_variance_ratio_ = variances[:k] / variances.sum()
        return self

    def transform(self, X):
        return (np.asarray(X, dtype=float) - self.mean_) @ self.components_.T  # (n, k)

    def inverse_transform(self, Z):
        return np.asarray(Z, dtype=float) @ self.components_ + self.mean_  # (n, d)


# --- DBSCAN --------------------------------------------------------------------------------------

def dbscan(X, eps, min_samples):
    """Density-based clustering. Returns labels (n,): 0, 1, ... per cluster, -1 for noise.

    A point is *core* when at least ``min_samples`` points (itself included) lie within distance
    <= eps. Clusters are grown from core points scanned in index order; a border point (not
    core, but within eps of a core point) joins the first cluster that reaches it.
    """
    X = np.asarray(X, dtype=float)
    n = len(X)
    neighbours = [np.flatnonzero(row <= eps * eps) for row in _sq_dists(X, X)]
    core = np.array([len(nb) >= min_samples for nb in neighbours])
    labels = np.full(n, -1)
    cluster = 0
    for i in range(n):
        if labels[i] != -1 or not core[i]:
            continue
        labels[i] = cluster
        stack = [i]
        while stack:
            p = stack.pop()
            for q in neighbours[p]:
                if labels[q] == -1:
                    labels[q] = cluster
                    if core[q]:  # only core points extend the cluster
                        stack.append(q)
        cluster += 1
    return labels


# --- Gaussian mixture by EM ----------------------------------------------------------------------

def _log_gaussian(X, mean, cov):
    """log N(x | mean, cov) for every row of X, via a Cholesky factor: (n,)."""
    d = X.shape[1]
    L = np.linalg.cholesky(cov)
    z = np.linalg.solve(L, (X - mean).T)  # (d, n): L z = (x - mean)
    return -0.5 * (d * np.log(2 * np.pi) + (z**2).sum(axis=0)) - np.log(np.diag(L)).sum()


def gaussian_mixture_em(X, weights, means, covariances, max_iter=100, tol=1e-3, reg_covar=1e-6):
    """EM for a full-covariance Gaussian mixture, from the given parameters.

    Iteration t: E-step with the current parameters (its mean log-likelihood per sample is
    ``log_likelihoods[t]``), then M-step (``reg_covar`` added to each covariance's diagonal).
    Stop after max_iter iterations or once |log_likelihoods[t] - log_likelihoods[t-1]| < tol.
    Returns (weights (k,), means (k, d), covariances (k, d, d), log_likelihoods list).
    """
    X = np.asarray(X, dtype=float)
    w = np.array(weights, dtype=float)
    mu = np.array(means, dtype=float)
    cov = np.array(covariances, dtype=float)
    n, d = X.shape
    history = []
    for _ in range(max_iter):
        # E-step, in log space so far-away points do not underflow to 0 / 0
        log_p = np.stack([np.log(w[j]) + _log_gaussian(X, mu[j], cov[j]) for j in range(len(w))], axis=1)  # (n, k)
        top = log_p.max(axis=1, keepdims=True)
        log_norm = top[:, 0] + np.log(np.exp(log_p - top).sum(axis=1))  # (n,) log p(x)
        resp = np.exp(log_p - log_norm[:, None])  # (n, k), rows sum to 1
        history.append(float(log_norm.mean()))
        # M-step
        nk = resp.sum(axis=0)  # (k,)
        w = nk / n
        mu = resp.T @ X / nk[:, None]  # (k, d)
        for j in range(len(w)):
            D = X - mu[j]
            cov[j] = (resp[:, j, None] * D).T @ D / nk[j] + reg_covar * np.eye(d)
        if len(history) > 1 and abs(history[-1] - history[-2]) < tol:
            break
    return w, mu, cov, history


# --- agglomerative clustering --------------------------------------------------------------------

def agglomerative(X, n_clusters, linkage="average"):
    """Bottom-up clustering: start from singletons, merge the two closest clusters until
    ``n_clusters`` remain. Cluster distance: ``single`` = min, ``complete`` = max, ``average`` =
    mean of the pairwise point distances. Returns labels (n,) in 0..n_clusters-1.
    """
    X = np.asarray(X, dtype=float)
    D = np.sqrt(_sq_dists(X, X))  # (n, n) point distances
    reduce = {"single": np.min, "complete": np.max, "average": np.mean}[linkage]
    clusters = [[i] for i in range(len(X))]
    while len(clusters) > n_clusters:
        best, pair = np.inf, None
        for a, b in combinations(range(len(clusters)), 2):
            dist = reduce(D[np.ix_(clusters[a], clusters[b])])
            if dist < best:
                best, pair = dist, (a, b)
        a, b = pair
        clusters[a] = clusters[a] + clusters.pop(b)  # b > a, so index a is still valid
    labels = np.empty(len(X), dtype=int)
    for c, members in enumerate(clusters):
        labels[members] = c
    return labels


# --- association rules ---------------------------------------------------------------------------

def apriori(transactions, min_support):
    """Every itemset whose support (fraction of transactions containing it) is >= min_support.

    Level-wise: frequent k-itemsets are joined into (k+1)-candidates, candidates with an
    infrequent k-subset are pruned, the rest are counted. Returns {frozenset: support}.

    >>> s = apriori([{"a", "b"}, {"a"}, {"b", "c"}], min_support=0.5)
    >>> sorted((sorted(k), round(v, 3)) for k, v in s.items())
    [(['a'], 0.667), (['b'], 0.667)]
    """
    baskets = [frozenset(t) for t in transactions]
    n = len(baskets)

    def support(itemset):
        return sum(itemset <= b for b in baskets) / n

    items = {frozenset([i]) for b in baskets for i in b}
    level = {s: support(s) for s in items}
    level = {s: v for s, v in level.items() if v >= min_support}
    frequent = dict(level)
    size = 1
    while level:
        size += 1
        candidates = {a | b for a in level for b in level if len(a | b) == size}
        candidates = {c for c in candidates
                      if all(frozenset(sub) in level for sub in combinations(c, size - 1))}
        level = {c: support(c) for c in candidates}
        level = {c: v for c, v in level.items() if v >= min_support}
        frequent.update(level)
    return frequent


def association_rules(itemsets, min_confidence):
    """Rules A -> C from a {frozenset: support} dict (as apriori returns).

    For every itemset S of size >= 2 and every non-empty proper subset A of S, with C = S - A:
    support = supp(S), confidence = supp(S) / supp(A), lift = confidence / supp(C). Keeps rules
    with confidence >= min_confidence. Returns a list of (A, C, support, confidence, lift).
    """
    rules = []
    for S, supp in itemsets.items():
        for r in range(1, len(S)):
            for A in map(frozenset, combinations(S, r)):
                C = S - A
                confidence = supp / itemsets[A]
                if confidence >= min_confidence:
                    rules.append((A, C, supp, confidence, confidence / itemsets[C]))
    return rules


# --- silhouette ----------------------------------------------------------------------------------

def silhouette_score(X, labels):
    """Mean silhouette s(i) = (b - a) / max(a, b) over all points.

    a = mean distance to the other points of i's cluster, b = the smallest mean distance to the
    points of another cluster; a point alone in its cluster has s = 0.
    """
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    D = np.sqrt(_sq_dists(X, X))  # (n, n)
    ids = np.unique(labels)
    s = np.zeros(len(X))
    for i in range(len(X)):
        same = labels == labels[i]
        if same.sum() == 1:
            continue  # singleton: s = 0
        a = D[i, same].sum() / (same.sum() - 1)  # D[i, i] = 0 is in the sum, not the count
        b = min(D[i, labels == c].mean() for c in ids if c != labels[i])
        s[i] = (b - a) / max(a, b)
    return float(s.mean())
