"""Hidden checks for `unsupervised`: every kata against scikit-learn or an independent reference.

Clusterings are compared as partitions (any relabelling is accepted, noise -1 must stay -1) and
PCA components up to the sign of each component.
"""
from __future__ import annotations

from itertools import combinations, permutations

import numpy as np
import pytest
from scipy import stats

from grader.check import assert_close, assert_same_partition, assert_shape, check, expect, learner

un = learner("unsupervised")


# --- helpers -------------------------------------------------------------------------------------

def align_signs(got, want):
    """Flip each row of `got` (k, d) so it points the same way as the matching row of `want`."""
    signs = np.sign((got * want).sum(axis=1))
    signs[signs == 0] = 1
    return signs


def blobs(seed, centers, n_per, scale):
    rng = np.random.default_rng(seed)
    centers = np.asarray(centers, dtype=float)
    return np.concatenate([c + scale * rng.normal(size=(n_per, centers.shape[1])) for c in centers])


def sk_kmeans(X, C0, max_iter, tol_abs):
    from sklearn.cluster import KMeans

    # sklearn scales tol by the mean feature variance; undo that to get the brief's absolute tol
    tol = tol_abs / np.mean(np.var(X, axis=0)) if tol_abs else 0.0
    return KMeans(n_clusters=len(C0), init=C0, n_init=1, algorithm="lloyd", max_iter=max_iter,
                  tol=tol).fit(X)


# --- kmeans --------------------------------------------------------------------------------------

@check("kmeans", points=2)
@pytest.mark.parametrize("tol", [0.0, 1e-2], ids=["until_stable", "with_tol"])
def test_kmeans_matches_sklearn_lloyd(tol):
    rng = np.random.default_rng(101)
    X = blobs(102, [[0, 0, 0], [4, 1, 0], [1, 5, 2], [6, 6, 6]], 15, 1.3)  # (60, 3)
    C0 = X[rng.choice(len(X), size=4, replace=False)]
    centers, labels, n_iter = un.kmeans(X.copy(), C0.copy(), 100, tol)
    ref = sk_kmeans(X, C0, 100, tol)
    assert_shape(centers, (4, 3), name="centers")
    assert_close(centers, ref.cluster_centers_, name="centers",
                 hint="assign to the nearest center, move each center to the mean of its points")
    expect(np.array_equal(np.asarray(labels), ref.labels_),
           "labels do not match the final centers: recompute the labels from the centers you return")
    expect(int(n_iter) == ref.n_iter_,
           "n_iter is off: count iterations from 1 and stop as soon as the total squared center "
           "shift is <= tol")


@check("kmeans", points=2)
def test_kmeans_max_iter_returns_labels_of_final_centers():
    rng = np.random.default_rng(111)
    X = rng.normal(size=(50, 2)) * [3.0, 1.0]
    C0 = X[:5].copy()
    centers, labels, n_iter = un.kmeans(X.copy(), C0.copy(), 2, 0.0)
    ref = sk_kmeans(X, C0, 2, 0.0)
    expect(int(n_iter) == 2, "with max_iter=2 the loop must stop after 2 iterations")
    assert_close(centers, ref.cluster_centers_, name="centers")
    d = ((X[:, None, :] - np.asarray(centers)[None]) ** 2).sum(-1)  # (50, 5)
    expect(np.array_equal(np.asarray(labels), d.argmin(1)),
           "the labels you return are not the nearest centers of the centers you return: "
           "after the loop, assign the points once more")


@check("kmeans", points=2)
def test_kmeans_empty_cluster_keeps_its_center():
    X = blobs(121, [[0, 0], [5, 5]], 12, 0.5)  # (24, 2)
    far = np.array([[100.0, -100.0]])
    C0 = np.concatenate([X[[0, 20]], far])  # the third center never gets a point
    centers, labels, n_iter = un.kmeans(X.copy(), C0.copy(), 50, 0.0)
    centers = np.asarray(centers)
    expect(not np.isnan(centers).any(),
           "a center became NaN: the mean of an empty cluster is undefined, keep its old center")
    assert_close(centers[2], far[0], name="the empty cluster's center",
                 hint="a center that receives no point must stay where it was")
    ref = sk_kmeans(X, C0[:2], 50, 0.0)
    assert_close(centers[:2], ref.cluster_centers_, name="the other centers")
    expect(not (np.asarray(labels) == 2).any(), "no point is closer to the far center")


@check("kmeans", points=1)
def test_kmeans_tol_is_the_absolute_squared_shift():
    # on this data the squared shifts fall through tol=0.6 one iteration before their square
    # root does, and the data's variance is large: the stopping iteration tells the three apart
    rng = np.random.default_rng(154)
    X = rng.uniform(0, 10, size=(45, 2)) * [1.0, 3.0]      # (45, 2)
    C0 = X[:6].copy()
    centers, labels, n_iter = un.kmeans(X.copy(), C0.copy(), 100, 0.6)
    ref = sk_kmeans(X, C0, 100, 0.6)
    expect(int(n_iter) == ref.n_iter_,
           "n_iter is off with tol=0.6: stop when shift = ((new - old) ** 2).sum() is <= tol; the "
           "shift is squared (no square root) and tol is absolute (not scaled by the data's variance)")
    assert_close(centers, ref.cluster_centers_, name="centers with tol=0.6")


@check("kmeans", points=1)
def test_kmeans_does_not_mutate_inputs():
    rng = np.random.default_rng(131)
    X = rng.normal(size=(30, 4))
    C0 = X[[1, 7, 13]].copy()
    X_before, C_before = X.copy(), C0.copy()
    un.kmeans(X, C0, 20, 0.0)
    expect(np.array_equal(X, X_before), "kmeans changed X in place")
    expect(np.array_equal(C0, C_before), "kmeans changed init_centers in place: work on a copy")


# --- kmeans++ ------------------------------------------------------------------------------------

KPP_X = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 2.0], [4.0, 1.0], [6.0, 3.0]])  # (5, 2)


def _kpp_indices(k, n_runs, first_seed):
    rows = []
    for seed in range(first_seed, first_seed + n_runs):
        C = np.asarray(un.kmeans_plus_plus_init(KPP_X.copy(), k, np.random.default_rng(seed)))
        assert_shape(C, (k, 2), name="centers")
        idx = []
        for c in C:
            hit = np.flatnonzero(np.all(np.isclose(KPP_X, c), axis=1))
            expect(len(hit) == 1, "every center must be a row of X")
            idx.append(int(hit[0]))
        rows.append(tuple(idx))
    return rows


def _d2_sequence_probability(seq):
    p = 1.0 / len(KPP_X)
    for t in range(1, len(seq)):
        d2 = ((KPP_X[:, None, :] - KPP_X[list(seq[:t])][None]) ** 2).sum(-1).min(1)  # (5,)
        p *= d2[seq[t]] / d2.sum()
    return p


def _chi2_pvalue(observed_seqs, k):
    cells = list(permutations(range(len(KPP_X)), k))
    counts = np.array([sum(1 for o in observed_seqs if o == c) for c in cells], dtype=float)
    expected = np.array([_d2_sequence_probability(c) for c in cells]) * len(observed_seqs)
    expect(counts.sum() == len(observed_seqs), "a center was picked twice: a chosen point has D = 0")
    return stats.chisquare(counts, expected).pvalue


@check("kmeans_plus_plus_init", points=2)
def test_kpp_first_center_uniform():
    firsts = [s[0] for s in _kpp_indices(1, 2000, 1000)]
    counts = np.bincount(firsts, minlength=5)
    p = stats.chisquare(counts).pvalue
    expect(p > 1e-4, "the first center is not drawn uniformly: use rng.integers(n)")


@check("kmeans_plus_plus_init", points=3)
def test_kpp_second_center_follows_d_squared():
    seqs = _kpp_indices(2, 3000, 2000)
    expect(len(set(seqs)) > 5, "the same centers come out for every seed: sample, do not take the argmax")
    expect(_chi2_pvalue(seqs, 2) > 1e-4,
           "the second center is not drawn with probability proportional to D(x)^2 "
           "(squared distance to the first center)")


@check("kmeans_plus_plus_init", points=3)
def test_kpp_third_center_uses_nearest_chosen_center():
    seqs = _kpp_indices(3, 3000, 6000)
    expect(_chi2_pvalue(seqs, 3) > 1e-4,
           "the third center is not drawn with probability proportional to D(x)^2, where D is the "
           "distance to the NEAREST center chosen so far")


@check("kmeans_plus_plus_init", points=1)
def test_kpp_covers_all_distinct_points_and_is_reproducible():
    rng = np.random.default_rng(141)
    base = rng.normal(size=(4, 3)) * 5
    X = np.repeat(base, [1, 6, 2, 9], axis=0)  # (18, 3): 4 distinct points, many duplicates
    C = np.asarray(un.kmeans_plus_plus_init(X.copy(), 4, np.random.default_rng(7)))
    assert_shape(C, (4, 3), name="centers")
    found = sorted(int(np.flatnonzero(np.all(np.isclose(base, c), axis=1))[0]) for c in C
                   if np.all(np.isclose(base, c), axis=1).any())
    expect(found == [0, 1, 2, 3], "with 4 distinct points and k=4 every distinct point must be picked "
                                  "once: an already chosen point has D = 0 and can never be drawn again")
    C2 = np.asarray(un.kmeans_plus_plus_init(X.copy(), 4, np.random.default_rng(7)))
    expect(np.array_equal(C, C2), "same rng seed, different centers: draw all randomness from `rng`")


# --- PCA -----------------------------------------------------------------------------------------

def _pca_data(seed, n, d):
    rng = np.random.default_rng(seed)
    A = rng.normal(size=(d, d)) * np.linspace(3, 0.2, d)
    return rng.normal(size=(n, d)) @ A.T + rng.normal(size=d) * 10  # far from the origin


@check("pca", points=2)
@pytest.mark.parametrize("n,d,k", [(40, 6, 3), (7, 12, 5)], ids=["tall", "wide"])
def test_pca_matches_sklearn_up_to_sign(n, d, k):
    from sklearn.decomposition import PCA as SkPCA

    X = _pca_data(201 + n, n, d)
    ref = SkPCA(n_components=k, svd_solver="full").fit(X)
    model = un.PCA(k)
    fitted = model.fit(X.copy())
    expect(fitted is model, "fit should return self")
    assert_close(model.mean_, ref.mean_, name="mean_")
    comps = np.asarray(model.components_)
    assert_shape(comps, (k, d), name="components_", hint="one principal direction per row")
    s = align_signs(comps, ref.components_)
    assert_close(comps * s[:, None], ref.components_, rtol=1e-6, atol=1e-8, name="components_",
                 hint="did you centre X before the SVD?")
    assert_close(model.explained_variance_, ref.explained_variance_, name="explained_variance_",
                 hint="use singular values squared / (n - 1), like np.var(..., ddof=1)")
    assert_close(model.explained_variance_ratio_, ref.explained_variance_ratio_,
                 name="explained_variance_ratio_",
                 hint="divide by the total variance of ALL directions, computed with the same n - 1")


@check("pca", points=2)
def test_pca_transform_and_inverse():
    from sklearn.decomposition import PCA as SkPCA

    X = _pca_data(211, 30, 5)
    Xnew = _pca_data(212, 9, 5)
    X0, Xnew0 = X.copy(), Xnew.copy()
    ref = SkPCA(n_components=2, svd_solver="full").fit(X)
    model = un.PCA(2).fit(X)
    model.transform(Xnew)
    expect(np.array_equal(X, X0) and np.array_equal(Xnew, Xnew0),
           "fit or transform changed its input in place: centre a copy (X - mean_), not X -= mean_")
    s = align_signs(np.asarray(model.components_), ref.components_)
    Z = np.asarray(model.transform(Xnew.copy()))
    assert_shape(Z, (9, 2), name="transform(X)")
    assert_close(Z * s, ref.transform(Xnew), rtol=1e-6, atol=1e-8, name="transform(X)",
                 hint="subtract the training mean_, then project on the components")
    back = model.inverse_transform(Z)
    assert_close(back, ref.inverse_transform(ref.transform(Xnew)), rtol=1e-6, atol=1e-8,
                 name="inverse_transform(Z)", hint="project back with components_ and add mean_ again")


@check("pca", points=1)
def test_pca_full_rank_round_trip_and_orthonormal():
    X = _pca_data(221, 25, 4)
    model = un.PCA(4).fit(X.copy())
    C = np.asarray(model.components_)
    assert_close(C @ C.T, np.eye(4), name="components_ @ components_.T",
                 hint="components must be orthonormal rows")
    assert_close(model.inverse_transform(model.transform(X)), X, rtol=1e-7, atol=1e-8,
                 name="inverse_transform(transform(X)) with all components")
    assert_close(np.sum(model.explained_variance_ratio_), 1.0, name="sum of explained_variance_ratio_")


# --- DBSCAN --------------------------------------------------------------------------------------

def sk_dbscan(X, eps, min_samples):
    from sklearn.cluster import DBSCAN

    return DBSCAN(eps=eps, min_samples=min_samples).fit(X)


@check("dbscan", points=2)
@pytest.mark.parametrize("seed,eps,min_samples", [(301, 0.8, 5), (302, 1.1, 4)], ids=["tight", "loose"])
def test_dbscan_matches_sklearn(seed, eps, min_samples):
    rng = np.random.default_rng(seed)
    X = np.concatenate([blobs(seed, [[0, 0], [6, 1], [2, 7]], 20, 0.7),
                        rng.uniform(-4, 10, size=(12, 2))])  # (72, 2): blobs + scattered noise
    ref = sk_dbscan(X, eps, min_samples)
    core = np.zeros(len(X), bool)
    core[ref.core_sample_indices_] = True
    assert (~core & (ref.labels_ >= 0)).any() and (ref.labels_ == -1).any()  # border + noise present
    labels = un.dbscan(X.copy(), eps, min_samples)
    assert_same_partition(labels, ref.labels_, noise=True)


@check("dbscan", points=2)
def test_dbscan_border_points_join_a_cluster():
    # a line of points 1 apart; with eps=1 and min_samples=3 the two ends are border points
    X = np.array([[float(i), 0.0] for i in range(6)] + [[20.0, 0.0]])  # (7, 2)
    labels = np.asarray(un.dbscan(X.copy(), 1.0, 3))
    ref = sk_dbscan(X, 1.0, 3).labels_
    expect(labels[0] != -1 and labels[5] != -1,
           "the end points of the chain are border points (within eps of a core point): they belong "
           "to the cluster, not to noise")
    assert_same_partition(labels, ref, noise=True)


@check("dbscan", points=2)
def test_dbscan_neighbourhood_counts_the_point_and_uses_le_eps():
    # integer grid: distances are exactly 1.0, so `<= eps` and counting the point itself both matter
    X = np.array([[0, 0], [1, 0], [0, 1], [10, 10], [11, 10], [30, 30]], dtype=float)  # (6, 2)
    labels = np.asarray(un.dbscan(X.copy(), 1.0, 3))
    ref = sk_dbscan(X, 1.0, 3).labels_
    assert_same_partition(labels, ref, noise=True,
                   name="labels (min_samples counts the point itself, neighbours at distance <= eps)")


@check("dbscan", points=1)
def test_dbscan_border_between_two_clusters_goes_to_first_found():
    # point 3 is a border point of both clusters; the cluster grown first (from point 0) gets it
    X = np.array([[0, 0], [0.5, 0], [1.0, 0], [2.0, 0], [3.0, 0], [3.5, 0], [4.0, 0]])  # (7, 2)
    labels = np.asarray(un.dbscan(X.copy(), 1.0, 3))
    ref = sk_dbscan(X, 1.0, 3).labels_
    assert_same_partition(labels, ref, noise=True,
                   name="labels (a border point shared by two clusters joins the one found first)")


# --- Gaussian mixture ----------------------------------------------------------------------------

def _gmm_setup(seed):
    rng = np.random.default_rng(seed)
    X = np.concatenate([rng.multivariate_normal([0, 0, 0], np.diag([1.0, 0.5, 2.0]), 30),
                        rng.multivariate_normal([4, 1, -2], [[1, 0.6, 0], [0.6, 1, 0], [0, 0, 0.3]], 25),
                        rng.multivariate_normal([-3, 5, 1], np.eye(3) * 0.7, 20)])  # (75, 3)
    w0 = np.array([0.5, 0.3, 0.2])
    m0 = X[rng.choice(len(X), 3, replace=False)] + 0.5
    c0 = np.stack([np.eye(3) * s for s in (2.0, 1.0, 1.5)])  # (3, 3, 3)
    return X, w0, m0, c0


def sk_gmm(X, w0, m0, c0, max_iter, tol):
    import warnings

    from sklearn.mixture import GaussianMixture

    with warnings.catch_warnings():  # a few-step run "did not converge": that is the point
        warnings.simplefilter("ignore")
        return GaussianMixture(n_components=len(w0), covariance_type="full", weights_init=w0,
                               means_init=m0, precisions_init=np.linalg.inv(c0), n_init=1,
                               max_iter=max_iter, tol=tol, reg_covar=1e-6).fit(X)


@check("gaussian_mixture_em", points=3)
@pytest.mark.parametrize("max_iter,tol", [(5, 1e-12), (200, 1e-4)], ids=["five_steps", "converged"])
def test_gmm_matches_sklearn(max_iter, tol):
    X, w0, m0, c0 = _gmm_setup(401)
    ref = sk_gmm(X, w0, m0, c0, max_iter, tol)
    w, m, c, ll = un.gaussian_mixture_em(X.copy(), w0.copy(), m0.copy(), c0.copy(), max_iter, tol)
    assert_close(c, ref.covariances_, rtol=1e-6, atol=1e-8, name="covariances",
                 hint="sum_i r_ij (x_i - mu_j)(x_i - mu_j)^T / N_j, plus reg_covar on the diagonal")
    assert_close(w, ref.weights_, rtol=1e-6, atol=1e-9, name="weights",
                 hint="responsibilities: normalise each ROW (each point) over the components")
    assert_close(m, ref.means_, rtol=1e-6, atol=1e-8, name="means")
    expect(len(ll) == ref.n_iter_, "number of iterations (len(log_likelihoods)) differs: stop once "
                                   "|ll[t] - ll[t-1]| < tol, never after the first iteration")
    assert_close(ll[-1], ref.lower_bound_, rtol=1e-8, atol=1e-10, name="last log-likelihood",
                 hint="mean over samples of log sum_k w_k N(x | mu_k, Sigma_k), before the M-step")


@check("gaussian_mixture_em", points=2)
def test_gmm_log_likelihood_never_decreases():
    X, w0, m0, c0 = _gmm_setup(411)
    _, _, _, ll = un.gaussian_mixture_em(X.copy(), w0.copy(), m0.copy(), c0.copy(), 40, 0.0)
    ll = np.asarray(ll, dtype=float)
    assert_shape(ll, (40,), name="log_likelihoods", hint="one value per iteration")
    expect(np.all(np.diff(ll) >= -1e-9), "the log-likelihood decreased between two EM iterations: "
                                          "check the E-step normalisation and the M-step formulas")


@check("gaussian_mixture_em", points=2)
def test_gmm_reg_covar_keeps_collapsed_component_finite():
    # a component sitting on 4 identical points collapses: only reg_covar keeps it invertible
    rng = np.random.default_rng(421)
    X = np.concatenate([np.tile([[5.0, 5.0]], (4, 1)), rng.normal(size=(36, 2))])  # (40, 2)
    w0 = np.array([0.1, 0.9])
    m0 = np.array([[5.0, 5.0], [0.0, 0.0]])
    c0 = np.stack([np.eye(2) * 0.01, np.eye(2)])
    ref = sk_gmm(X, w0, m0, c0, 3, 1e-12)
    w, m, c, ll = un.gaussian_mixture_em(X.copy(), w0, m0, c0, 3, 1e-12)
    expect(np.all(np.isfinite(np.asarray(c, dtype=float))) and np.all(np.isfinite(ll)),
           "NaN or inf: a component collapsed onto identical points; add reg_covar to the diagonal")
    assert_close(c, ref.covariances_, rtol=1e-6, atol=1e-12, name="covariances",
                 hint="add reg_covar (1e-6) to the diagonal of every covariance in the M-step")


@check("gaussian_mixture_em", points=1)
def test_gmm_does_not_mutate_inputs():
    X, w0, m0, c0 = _gmm_setup(441)
    before = [a.copy() for a in (X, w0, m0, c0)]
    un.gaussian_mixture_em(X, w0, m0, c0, 4, 1e-12)
    names = ("X", "weights", "means", "covariances")
    changed = [name for name, a, b in zip(names, (X, w0, m0, c0), before) if not np.array_equal(a, b)]
    expect(not changed, f"gaussian_mixture_em changed {', '.join(changed)} in place: start from copies "
                        "(np.array(weights, dtype=float)), np.asarray does not copy")


@check("gaussian_mixture_em", points=2)
def test_gmm_far_outlier_is_stable():
    X, w0, m0, c0 = _gmm_setup(431)
    X = np.concatenate([X, [[80.0, -70.0, 60.0]]])  # density underflows to 0 under every component
    ref = sk_gmm(X, w0, m0, c0, 3, 1e-12)
    w, m, c, ll = un.gaussian_mixture_em(X.copy(), w0.copy(), m0.copy(), c0.copy(), 3, 1e-12)
    expect(np.all(np.isfinite(np.asarray(w, dtype=float))),
           "NaN weights with a far outlier: compute responsibilities in log space (log-sum-exp)")
    assert_close(c, ref.covariances_, rtol=1e-6, atol=1e-8, name="covariances",
                 hint="reg_covar on the diagonal; responsibilities computed in log space")
    assert_close(w, ref.weights_, rtol=1e-6, atol=1e-9, name="weights")
    assert_close(ll, ref.lower_bounds_, rtol=1e-8, atol=1e-10, name="log_likelihoods",
                 hint="log p(x) = log-sum-exp over components of log w_k + log N(x | mu_k, Sigma_k)")


# --- agglomerative -------------------------------------------------------------------------------

@check("agglomerative", points=2)
@pytest.mark.parametrize("linkage", ["single", "complete", "average"])
def test_agglomerative_matches_sklearn(linkage):
    from sklearn.cluster import AgglomerativeClustering

    rng = np.random.default_rng(501)
    X = np.concatenate([blobs(502, [[0, 0, 0], [3, 3, 0], [0, 4, 4]], 9, 1.0),
                        rng.uniform(-2, 6, size=(8, 3))])  # (35, 3)
    for k in (2, 4, 7):
        ref = AgglomerativeClustering(n_clusters=k, linkage=linkage).fit(X).labels_
        labels = un.agglomerative(X.copy(), k, linkage)
        assert_same_partition(labels, ref, name=f"labels with {linkage} linkage and n_clusters={k}")


@check("agglomerative", points=1)
def test_agglomerative_extremes():
    X = np.random.default_rng(511).normal(size=(9, 2))
    one = np.asarray(un.agglomerative(X.copy(), 1, "average"))
    expect(len(set(one.tolist())) == 1, "n_clusters=1 must put every point in one cluster")
    alone = np.asarray(un.agglomerative(X.copy(), 9, "complete"))
    expect(len(set(alone.tolist())) == 9, "n_clusters=n must leave every point alone")


@check("agglomerative", points=2)
def test_agglomerative_chain_separates_single_from_complete():
    # a chain of close points: single linkage keeps it whole, complete linkage cuts it
    from sklearn.cluster import AgglomerativeClustering

    rng = np.random.default_rng(521)
    X = np.concatenate([np.c_[np.arange(10) * 1.0, rng.normal(0, 0.05, 10)],
                        rng.normal([4.5, 4.0], 0.3, size=(5, 2))])  # (15, 2)
    for linkage in ("single", "complete", "average"):
        ref = AgglomerativeClustering(n_clusters=2, linkage=linkage).fit(X).labels_
        assert_same_partition(un.agglomerative(X.copy(), 2, linkage), ref,
                       name=f"labels with {linkage} linkage on a chain")


# --- apriori -------------------------------------------------------------------------------------

SHOP = [["bread", "milk"], ["bread", "diaper", "beer", "eggs"], ["milk", "diaper", "beer", "cola"],
        ["bread", "milk", "diaper", "beer"], ["bread", "milk", "diaper", "cola"]]


def brute_force_supports(transactions, min_support):
    """Every subset of the item universe, counted directly: the independent reference."""
    baskets = [set(t) for t in transactions]
    items = sorted(set().union(*baskets))
    out = {}
    for r in range(1, len(items) + 1):
        found = False
        for combo in combinations(items, r):
            supp = sum(set(combo) <= b for b in baskets) / len(baskets)
            if supp >= min_support:
                out[frozenset(combo)] = supp
                found = True
        if not found:
            break
    return out


def same_supports(got, want, what):
    expect(isinstance(got, dict), f"{what}: return a dict {{frozenset: support}}")
    keys = {frozenset(k) for k in got}
    missing = set(want) - keys
    extra = keys - set(want)
    expect(not missing, f"{what}: {len(missing)} frequent itemset(s) missing "
                        f"(largest missing has {max(map(len, missing)) if missing else 0} items): "
                        "keep growing candidates until a level is empty")
    expect(not extra, f"{what}: {len(extra)} itemset(s) returned that are not frequent")
    wrong = [k for k in want if not np.isclose(got[k], want[k], rtol=1e-12, atol=1e-12)]
    expect(not wrong, f"{what}: support wrong for {len(wrong)} itemset(s): support is the FRACTION "
                      "of transactions containing every item of the set")


@check("apriori", points=2)
def test_apriori_shop_baskets():
    got = un.apriori([list(t) for t in SHOP], 0.6)
    # by hand: bread, milk, diaper 4/5; beer 3/5; {bread,milk} {bread,diaper} {milk,diaper} {diaper,beer} 3/5
    want = {frozenset(["bread"]): 0.8, frozenset(["milk"]): 0.8, frozenset(["diaper"]): 0.8,
            frozenset(["beer"]): 0.6, frozenset(["bread", "milk"]): 0.6,
            frozenset(["bread", "diaper"]): 0.6, frozenset(["milk", "diaper"]): 0.6,
            frozenset(["diaper", "beer"]): 0.6}
    same_supports(got, want, "apriori(shop, 0.6)")


@check("apriori", points=2)
@pytest.mark.parametrize("seed,min_support", [(601, 0.2), (602, 0.3)], ids=["low", "high"])
def test_apriori_random_baskets_vs_brute_force(seed, min_support):
    rng = np.random.default_rng(seed)
    popularity = np.linspace(0.8, 0.15, 9)
    transactions = [[f"i{j}" for j in range(9) if rng.random() < popularity[j]] for _ in range(40)]
    want = brute_force_supports(transactions, min_support)
    assert max(map(len, want)) >= 3  # the data must exercise supersets beyond pairs
    same_supports(un.apriori(transactions, min_support), want, f"apriori(random, {min_support})")


@check("apriori", points=1)
def test_apriori_threshold_inclusive_and_duplicates_counted_once():
    transactions = [["a", "a", "b"], ["a", "c"], ["b", "c"], ["a", "b", "c"]]
    want = brute_force_supports(transactions, 0.5)  # {a},{b},{c}: 3/4; {a,b},{a,c},{b,c}: 2/4
    same_supports(un.apriori(transactions, 0.5), want,
                  "apriori with support exactly at min_support (>=) and a repeated item")


# --- association rules ---------------------------------------------------------------------------

def reference_rules(supports, min_confidence):
    out = {}
    for S, s in supports.items():
        for A in (frozenset(a) for r in range(1, len(S)) for a in combinations(S, r)):
            C = S - A
            conf = s / supports[A]
            if conf >= min_confidence - 1e-12:
                out[(A, C)] = (s, conf, s / (supports[A] * supports[C]))
    return out


def same_rules(got, want, what):
    expect(isinstance(got, list), f"{what}: return a list of (antecedent, consequent, support, confidence, lift)")
    table = {}
    for rule in got:
        expect(len(rule) == 5, f"{what}: each rule is a 5-tuple (antecedent, consequent, support, confidence, lift)")
        table[(frozenset(rule[0]), frozenset(rule[1]))] = tuple(float(x) for x in rule[2:])
    expect(len(table) == len(got), f"{what}: the same rule appears twice")
    missing = set(want) - set(table)
    extra = set(table) - set(want)
    expect(not missing, f"{what}: {len(missing)} rule(s) missing: use every non-empty proper subset "
                        "of each itemset as antecedent, keep confidence >= min_confidence")
    expect(not extra, f"{what}: {len(extra)} rule(s) that should not be there")
    names = ("support", "confidence", "lift")
    for pos, name in enumerate(names):
        bad = [r for r in want if not np.isclose(table[r][pos], want[r][pos], rtol=1e-9, atol=1e-12)]
        expect(not bad, f"{what}: {name} wrong for {len(bad)} rule(s)" + {
            "support": ": the support of A -> C is supp(A ∪ C)",
            "confidence": ": confidence = supp(A ∪ C) / supp(A)",
            "lift": ": lift = confidence / supp(C) = supp(A ∪ C) / (supp(A) supp(C))"}[name])


@check("association_rules", points=2)
def test_rules_shop_baskets():
    supports = brute_force_supports(SHOP, 0.6)
    got = un.association_rules(dict(supports), 0.7)
    # by hand: beer -> diaper has confidence (3/5)/(3/5) = 1 and lift 1 / (4/5) = 1.25
    table = {(frozenset(r[0]), frozenset(r[1])): r for r in got} if isinstance(got, list) else {}
    key = (frozenset(["beer"]), frozenset(["diaper"]))
    expect(key in table, "beer -> diaper (confidence 1.0) is missing")
    expect(np.isclose(float(table[key][4]), 1.25), "lift of beer -> diaper should be 1.25 = 1.0 / 0.8")
    same_rules(got, reference_rules(supports, 0.7), "association_rules(shop, 0.7)")


@check("association_rules", points=3)
@pytest.mark.parametrize("seed,min_confidence", [(701, 0.5), (702, 0.8)], ids=["loose", "strict"])
def test_rules_random_baskets(seed, min_confidence):
    rng = np.random.default_rng(seed)
    popularity = np.linspace(0.85, 0.2, 8)
    transactions = [[f"i{j}" for j in range(8) if rng.random() < popularity[j]] for _ in range(30)]
    supports = brute_force_supports(transactions, 0.25)
    assert max(map(len, supports)) >= 3
    same_rules(un.association_rules(dict(supports), min_confidence),
               reference_rules(supports, min_confidence), f"association_rules(random, {min_confidence})")


@check("association_rules", points=1)
def test_rules_none_from_single_items():
    supports = {frozenset(["x"]): 0.5, frozenset(["y"]): 0.4}
    got = un.association_rules(supports, 0.0)
    expect(isinstance(got, list) and len(got) == 0, "single items give no rules: a rule needs an itemset "
                                                   "of at least two items")


# --- silhouette ----------------------------------------------------------------------------------

@check("silhouette_score", points=2)
@pytest.mark.parametrize("k", [2, 5])
def test_silhouette_matches_sklearn(k):
    from sklearn.metrics import silhouette_score as sk_silhouette

    rng = np.random.default_rng(800 + k)
    X = blobs(810 + k, rng.normal(size=(k, 3)) * 4, 9, 1.2)  # (9k, 3)
    labels = np.repeat(np.arange(k) * 3 + 7, 9)  # non-contiguous label values
    labels[rng.choice(len(X), 5, replace=False)] = 7 + 3 * rng.integers(0, k, 5)  # some misplaced
    got = un.silhouette_score(X.copy(), labels.copy())
    assert_close(got, sk_silhouette(X, labels), name="silhouette score",
                 hint="b is the SMALLEST mean distance to another cluster; a excludes the point itself")


@check("silhouette_score", points=2)
def test_silhouette_singleton_cluster_counts_as_zero():
    from sklearn.metrics import silhouette_score as sk_silhouette

    rng = np.random.default_rng(821)
    X = rng.normal(size=(14, 2))
    labels = np.array([0] * 6 + [1] * 7 + [2])  # cluster 2 holds one point
    got = un.silhouette_score(X.copy(), labels)
    assert_close(got, sk_silhouette(X, labels), name="silhouette score with a one-point cluster",
                 hint="a point alone in its cluster has s = 0 (and its cluster still counts for b)")


@check("silhouette_score", points=1)
def test_silhouette_well_separated_close_to_one():
    X = np.array([[0, 0], [0, 0.1], [0.1, 0], [10, 10], [10, 10.1], [10.1, 10], [10.05, 10.05]])
    got = float(un.silhouette_score(X, np.array([1, 1, 1, 4, 4, 4, 4])))
    from sklearn.metrics import silhouette_score as sk_silhouette

    assert_close(got, sk_silhouette(X, [1, 1, 1, 4, 4, 4, 4]), name="silhouette score")
    expect(got > 0.95, "two far-apart tight clusters should score close to 1")
