"""Hidden checks for `unsupervised`: every kata against scikit-learn or an independent reference.

Clusterings are compared as partitions (any relabelling is accepted, noise -1 must stay -1, the ids
used are 0..c-1) and PCA components up to the sign of each component. Types, shapes and dtypes are
established first, each with its own message, before any value is compared; scalar answers are
judged without printing the expected number.
"""
from __future__ import annotations

import copy
from itertools import combinations, permutations

import numpy as np
import pytest
from scipy import stats

from grader.check import assert_close, assert_same_partition, assert_shape, check, describe, expect, expect_number_close, learner

un = learner("unsupervised")


# --- helpers -------------------------------------------------------------------------------------

def _expect_float64_array(value, name: str, shape=None, hint: str = "") -> None:
    expect(value is not None, f"{name} is None: did you forget a return statement?")
    expect(isinstance(value, np.ndarray), f"{name} is {describe(value)}; the brief asks for a float64 numpy array")
    expect(value.dtype == np.float64, f"{name} is {describe(value)}; the brief asks for a float64 numpy array")
    if shape is not None:
        assert_shape(value, shape, name=name, hint=hint)


def _expect_int_labels(value, n: int, name: str = "labels") -> None:
    expect(value is not None, f"{name} is None: did you forget a return statement?")
    expect(isinstance(value, np.ndarray), f"{name} is {describe(value)}; the brief asks for an integer numpy array")
    expect(np.issubdtype(value.dtype, np.integer),
           f"{name} is {describe(value)}; the brief asks for an integer array (np.full(n, -1) is int, "
           "-np.ones(n) and np.zeros(n) are float)")
    assert_shape(value, (n,), name=name, hint="one label per row of X")


def _expect_ids_contiguous(labels, name: str = "labels") -> None:
    ids = sorted(set(np.asarray(labels).tolist()) - {-1})
    expect(ids == list(range(len(ids))),
           f"{name}: with {len(ids)} clusters the ids must be exactly 0..{len(ids) - 1} (no gaps, no "
           "point indices, noise only -1): renumber the clusters in the order you create them")


def _expect_float(value, name: str) -> None:
    expect(value is not None, f"{name} is None: did you forget a return statement?")
    expect(isinstance(value, float) and not isinstance(value, np.ndarray),
           f"{name} is {describe(value)}; the brief asks for a float (a Python float or np.float64, not an array)")


def _expect_scalar_close(value, expected: float, *, rtol: float = 1e-7, atol: float = 1e-12, name: str,
                         hint: str) -> None:
    """A scalar answer: its type first, then closeness, reported without the number (it would leak)."""
    _expect_float(value, name)
    expect_number_close(value, expected, rtol=rtol, atol=atol, name=name, hint=hint)


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

def _kmeans(X, C0, *args):
    """Call the learner's kmeans and establish the result's types, dtypes and shapes first."""
    result = un.kmeans(X, C0, *args)
    expect(isinstance(result, tuple) and len(result) == 3,
           f"kmeans returned {describe(result)}; the brief asks for the tuple (centers, labels, n_iter)")
    centers, labels, n_iter = result
    _expect_float64_array(centers, "centers", shape=C0.shape, hint="one row per initial center")
    _expect_int_labels(labels, len(X))
    expect(isinstance(n_iter, (int, np.integer)) and not isinstance(n_iter, (bool, np.bool_)),
           f"n_iter is {describe(n_iter)}; the brief asks for an int (count iterations with an integer)")
    return centers, labels, int(n_iter)


@check("kmeans", points=2, pins=["nearest-then-mean", "stop-shift-le-tol", "n-iter-from-one",
                                 "labels-from-final-centers", "ban-any-path"])
@pytest.mark.parametrize("tol", [0.0, 1e-2], ids=["until_stable", "with_tol"])
def test_kmeans_matches_sklearn_lloyd(tol):
    rng = np.random.default_rng(101)
    X = blobs(102, [[0, 0, 0], [4, 1, 0], [1, 5, 2], [6, 6, 6]], 15, 1.3)  # (60, 3)
    C0 = X[rng.choice(len(X), size=4, replace=False)]
    centers, labels, n_iter = _kmeans(X.copy(), C0.copy(), 100, tol)
    ref = sk_kmeans(X, C0, 100, tol)
    assert_close(centers, ref.cluster_centers_, name="centers",
                 hint="assign to the nearest center, move each center to the mean of its points")
    expect(np.array_equal(labels, ref.labels_),
           "labels do not match the final centers: recompute the labels from the centers you return")
    expect(n_iter == ref.n_iter_,
           "n_iter is off: count iterations from 1 and stop as soon as the total squared center "
           "shift is <= tol")


@check("kmeans", points=1, pins=["result-types", "n-iter-int", "new-result"])
def test_kmeans_result_types_and_new_arrays():
    X = blobs(106, [[0, 0], [5, 0], [0, 5]], 6, 0.6)  # (18, 2)
    C0 = X[[0, 6, 12]].copy()
    centers, labels, n_iter = _kmeans(X, C0, 30, 0.0)
    expect(not np.shares_memory(centers, C0) and not np.shares_memory(centers, X),
           "centers shares memory with an argument: return a new array (np.array(init_centers, dtype=float) copies)")
    expect(not np.shares_memory(labels, X), "labels shares memory with X: return a new array")
    expect(set(labels.tolist()) <= {0, 1, 2}, "labels must be center indices 0..k-1")


@check("kmeans", points=2, pins=["n-iter-from-one", "labels-from-final-centers"])
@pytest.mark.parametrize("max_iter", [1, 2], ids=["one_step", "two_steps"])
def test_kmeans_max_iter_returns_labels_of_final_centers(max_iter):
    rng = np.random.default_rng(111)
    X = rng.normal(size=(50, 2)) * [3.0, 1.0]
    C0 = X[:5].copy()
    centers, labels, n_iter = _kmeans(X.copy(), C0.copy(), max_iter, 0.0)
    ref = sk_kmeans(X, C0, max_iter, 0.0)
    expect(n_iter == max_iter, f"with max_iter={max_iter} the loop must stop after {max_iter} iteration(s) "
                               "(and n_iter counts from 1)")
    assert_close(centers, ref.cluster_centers_, name="centers",
                 hint=f"exactly {max_iter} assign-then-update step(s) from init_centers")
    d = ((X[:, None, :] - centers[None]) ** 2).sum(-1)  # (50, 5)
    expect(np.array_equal(labels, d.argmin(1)),
           "the labels you return are not the nearest centers of the centers you return: "
           "after the loop, assign the points once more")


@check("kmeans", points=2, pins=["empty-keeps-center"])
def test_kmeans_empty_cluster_keeps_its_center():
    X = blobs(121, [[0, 0], [5, 5]], 12, 0.5)  # (24, 2)
    far = np.array([[100.0, -100.0]])
    C0 = np.concatenate([X[[0, 20]], far])  # the third center never gets a point
    centers, labels, n_iter = _kmeans(X.copy(), C0.copy(), 50, 0.0)
    expect(not np.isnan(centers).any(),
           "a center became NaN: the mean of an empty cluster is undefined, keep its old center")
    assert_close(centers[2], far[0], name="the empty cluster's center",
                 hint="a center that receives no point must stay where it was")
    ref = sk_kmeans(X, C0[:2], 50, 0.0)
    assert_close(centers[:2], ref.cluster_centers_, name="the other centers")
    expect(not (labels == 2).any(), "no point is closer to the far center")


@check("kmeans", points=2, pins=["ties-lowest-index", "empty-keeps-center"])
def test_kmeans_exact_ties_go_to_the_lowest_index():
    # integer coordinates: every distance below is exact, so the ties are exact ties
    # (a) points 2 and 4 are equally far from two centers in the first iteration
    X = np.c_[[0.0, 2.0, 4.0, 6.0, 7.0], np.full(5, 1.0)]  # (5, 2)
    C0 = np.c_[[1.0, 3.0, 5.0], np.full(3, 1.0)]           # (3, 2)
    ref = sk_kmeans(X, C0, 50, 0.0)                         # sklearn breaks ties to the lowest index too
    centers, labels, n_iter = _kmeans(X.copy(), C0.copy(), 50, 0.0)
    assert_close(centers, ref.cluster_centers_, name="centers after an exact tie",
                 hint="a point at the same distance from two centers goes to the LOWER center index "
                      "(np.argmin does that; a loop with `<=` picks the last one)")
    expect(np.array_equal(labels, ref.labels_), "labels after an exact tie: ties go to the lowest center index")
    # (b) two identical initial centers on the mean of a symmetric group: every point of the group
    # is tied between centers 0 and 1 in every iteration; the lower index takes them all
    Y = np.array([[-1, 0], [1, 0], [0, -1], [0, 1], [0, 0], [6, 2], [7, 2], [6, 3], [7, 3]], dtype=float)  # (9, 2)
    C1 = np.array([[0.0, 0.0], [0.0, 0.0], [6.0, 2.0]])
    centers, labels, n_iter = _kmeans(Y.copy(), C1.copy(), 50, 0.0)
    expect(np.array_equal(labels, [0, 0, 0, 0, 0, 2, 2, 2, 2]),
           "with two identical centers 0 and 1, every tied point goes to center 0 (the lowest index) "
           "and center 1 gets no point")
    assert_close(centers, [[0.0, 0.0], [0.0, 0.0], [6.5, 2.5]], name="centers with a duplicated center",
                 hint="center 1 received no point, so it keeps its old position; no NaN, no relocation")


@check("kmeans", points=1, pins=["shift-absolute-squared", "stop-shift-le-tol"])
def test_kmeans_tol_is_the_absolute_squared_shift():
    # on this data the squared shifts fall through tol=0.6 one iteration before their square
    # root does, and the data's variance is large: the stopping iteration tells the three apart
    rng = np.random.default_rng(154)
    X = rng.uniform(0, 10, size=(45, 2)) * [1.0, 3.0]      # (45, 2)
    C0 = X[:6].copy()
    centers, labels, n_iter = _kmeans(X.copy(), C0.copy(), 100, 0.6)
    ref = sk_kmeans(X, C0, 100, 0.6)
    expect(n_iter == ref.n_iter_,
           "n_iter is off with tol=0.6: stop when shift = ((new - old) ** 2).sum() is <= tol; the "
           "shift is squared (no square root) and tol is absolute (not scaled by the data's variance)")
    assert_close(centers, ref.cluster_centers_, name="centers with tol=0.6")


@check("kmeans", points=1, pins=["default-args"])
def test_kmeans_defaults_max_iter_300_tol_1e_4():
    # many points in few clusters: late shifts are tiny, so tol=1e-4 stops earlier than 0 or 1e-5
    # would, and later than 1e-3 would
    X = np.random.default_rng(162).uniform(0, 2, size=(300, 2)) * [1.0, 0.6]  # (300, 2)
    C0 = X[:5].copy()
    ref = sk_kmeans(X, C0, 300, 1e-4)
    assert len({ref.n_iter_, sk_kmeans(X, C0, 300, 1e-3).n_iter_, sk_kmeans(X, C0, 300, 0.0).n_iter_}) == 3
    centers, labels, n_iter = _kmeans(X.copy(), C0.copy())
    expect(n_iter == ref.n_iter_, "called without max_iter and tol, n_iter is off: the defaults are "
                                  "max_iter=300 and tol=1e-4 (absolute squared shift)")
    assert_close(centers, ref.cluster_centers_, name="centers with the default max_iter and tol")
    expect(np.array_equal(labels, ref.labels_), "labels with the default max_iter and tol")


@check("kmeans", points=1, pins=["inputs-unchanged"])
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


def _kpp(X, k, rng):
    """Call the learner's kmeans_plus_plus_init and establish the result's type and shape first."""
    C = un.kmeans_plus_plus_init(X, k, rng)
    _expect_float64_array(C, "the centers", shape=(k, X.shape[1]),
                          hint="k rows of X stacked into one (k, d) array")
    return C


def _kpp_indices(k, n_runs, first_seed):
    rows = {row.tobytes(): i for i, row in enumerate(KPP_X)}  # centers are rows of X, bit for bit
    out = []
    for seed in range(first_seed, first_seed + n_runs):
        C = _kpp(KPP_X.copy(), k, np.random.default_rng(seed))
        idx = tuple(rows.get(np.ascontiguousarray(c).tobytes(), -1) for c in C)
        expect(-1 not in idx, "every center must be a row of X (copied unchanged)")
        out.append(idx)
    return out


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


@check("kmeans_plus_plus_init", points=2, pins=["first-uniform", "ban-any-path"])
def test_kpp_first_center_uniform():
    firsts = [s[0] for s in _kpp_indices(1, 800, 1000)]
    counts = np.bincount(firsts, minlength=5)
    p = stats.chisquare(counts).pvalue
    expect(p > 1e-4, "the first center is not drawn uniformly: use rng.integers(n)")


@check("kmeans_plus_plus_init", points=3, pins=["d2-sampling", "rows-in-order"])
def test_kpp_second_center_follows_d_squared():
    seqs = _kpp_indices(2, 1000, 2000)
    expect(len(set(seqs)) > 5, "the same centers come out for every seed: sample, do not take the argmax")
    expect(_chi2_pvalue(seqs, 2) > 1e-4,
           "the second center is not drawn with probability proportional to D(x)^2 "
           "(squared distance to the first center), or the rows are not returned in the order chosen")


@check("kmeans_plus_plus_init", points=3, pins=["nearest-chosen", "rows-in-order"])
def test_kpp_third_center_uses_nearest_chosen_center():
    seqs = _kpp_indices(3, 1000, 6000)
    expect(_chi2_pvalue(seqs, 3) > 1e-4,
           "the third center is not drawn with probability proportional to D(x)^2, where D is the "
           "distance to the NEAREST center chosen so far (and rows come back in the order chosen)")


@check("kmeans_plus_plus_init", points=1, pins=["never-twice", "rng-only"])
def test_kpp_covers_all_distinct_points_and_is_reproducible():
    rng = np.random.default_rng(141)
    base = rng.normal(size=(4, 3)) * 5
    X = np.repeat(base, [1, 6, 2, 9], axis=0)  # (18, 3): 4 distinct points, many duplicates
    C = _kpp(X.copy(), 4, np.random.default_rng(7))
    found = sorted(int(np.flatnonzero(np.all(np.isclose(base, c), axis=1))[0]) for c in C
                   if np.all(np.isclose(base, c), axis=1).any())
    expect(found == [0, 1, 2, 3], "with 4 distinct points and k=4 every distinct point must be picked "
                                  "once: an already chosen point has D = 0 and can never be drawn again")
    # on distinct points: the same seed gives the same centers, another seed (almost surely) others
    Y = np.random.default_rng(142).normal(size=(40, 3))  # (40, 3)
    runs = [_kpp(Y.copy(), 6, np.random.default_rng(seed)) for seed in (8, 8, 9)]
    expect(np.array_equal(runs[0], runs[1]),
           "same rng seed, different centers: draw all randomness from `rng` (not np.random.*)")
    expect(not np.array_equal(runs[0], runs[2]),
           "two different seeds gave the same centers: draw the randomness from the `rng` you are given")


@check("kmeans_plus_plus_init", points=1, pins=["result-type", "new-result", "inputs-unchanged"])
@pytest.mark.parametrize("k", [1, 3], ids=["k1", "k3"])
def test_kpp_returns_a_new_float64_array_of_rows(k):
    X = np.random.default_rng(150 + k).normal(size=(11, 4))  # (11, 4)
    before = X.copy()
    C = _kpp(X, k, np.random.default_rng(3))
    expect(np.array_equal(X, before), "kmeans_plus_plus_init changed X in place")
    expect(not np.shares_memory(C, X), "the centers share memory with X: return a new array (X[idx] copies, "
                                       "a slice X[i:i+1] does not)")
    expect(all(np.any(np.all(X == c, axis=1)) for c in C), "every center must be a row of X, unchanged")


# --- PCA -----------------------------------------------------------------------------------------

def _pca_data(seed, n, d, offset=10.0):
    rng = np.random.default_rng(seed)
    A = rng.normal(size=(d, d)) * np.linspace(3, 0.2, d)
    return rng.normal(size=(n, d)) @ A.T + rng.normal(size=d) * offset  # far from the origin


def _expect_fitted(model, k: int, d: int) -> None:
    """The four attributes: float64 arrays of the right shapes, before any value is compared."""
    _expect_float64_array(model.mean_, "mean_", shape=(d,), hint="one mean per column of X")
    _expect_float64_array(model.components_, "components_", shape=(k, d), hint="one principal direction per row")
    _expect_float64_array(model.explained_variance_, "explained_variance_", shape=(k,))
    _expect_float64_array(model.explained_variance_ratio_, "explained_variance_ratio_", shape=(k,))


@check("pca", points=2, pins=["fit-returns-self", "centre-first", "ddof-n-minus-1", "ratio-all-directions",
                              "orthonormal-largest-first", "ban-any-path"])
@pytest.mark.parametrize("n,d,k", [(40, 6, 3), (7, 12, 5)], ids=["tall", "wide"])
def test_pca_matches_sklearn_up_to_sign(n, d, k):
    from sklearn.decomposition import PCA as SkPCA

    X = _pca_data(201 + n, n, d)
    ref = SkPCA(n_components=k, svd_solver="full").fit(X)
    model = un.PCA(k)
    fitted = model.fit(X.copy())
    expect(fitted is model, "fit should return self")
    _expect_fitted(model, k, d)
    assert_close(model.mean_, ref.mean_, name="mean_")
    comps = model.components_
    s = align_signs(comps, ref.components_)
    assert_close(comps * s[:, None], ref.components_, rtol=1e-6, atol=1e-8, name="components_",
                 hint="did you centre X before the SVD? are the directions sorted by decreasing variance?")
    assert_close(model.explained_variance_, ref.explained_variance_, name="explained_variance_",
                 hint="use singular values squared / (n - 1), like np.var(..., ddof=1), largest first")
    assert_close(model.explained_variance_ratio_, ref.explained_variance_ratio_,
                 name="explained_variance_ratio_",
                 hint="divide by the total variance of ALL directions, computed with the same n - 1")


@check("pca", points=2, pins=["transform-formula", "inverse-formula", "inputs-unchanged"])
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
    Z = model.transform(Xnew.copy())
    _expect_float64_array(Z, "transform(X)", shape=(9, 2), hint="(m, n_components)")
    assert_close(Z * s, ref.transform(Xnew), rtol=1e-6, atol=1e-8, name="transform(X)",
                 hint="subtract the training mean_, then project on the components")
    Z0 = Z.copy()
    back = model.inverse_transform(Z)
    expect(np.array_equal(Z, Z0), "inverse_transform changed Z in place")
    _expect_float64_array(back, "inverse_transform(Z)", shape=(9, 5), hint="(m, d)")
    assert_close(back, ref.inverse_transform(ref.transform(Xnew)), rtol=1e-6, atol=1e-8,
                 name="inverse_transform(Z)", hint="project back with components_ and add mean_ again")


@check("pca", points=1, pins=["orthonormal-largest-first", "inverse-formula", "ratio-all-directions"])
def test_pca_full_rank_round_trip_and_orthonormal():
    X = _pca_data(221, 25, 4)
    model = un.PCA(4).fit(X.copy())
    _expect_fitted(model, 4, 4)
    C = model.components_
    assert_close(C @ C.T, np.eye(4), name="components_ @ components_.T",
                 hint="components must be orthonormal rows")
    assert_close(model.inverse_transform(model.transform(X)), X, rtol=1e-7, atol=1e-8,
                 name="inverse_transform(transform(X)) with all components")
    total = float(np.sum(model.explained_variance_ratio_))
    expect(abs(total - 1.0) <= 1e-9, "with every component kept, explained_variance_ratio_ must sum to 1")
    expect(np.all(np.diff(model.explained_variance_) <= 0), "explained_variance_ must be sorted, largest first")


@check("pca", points=1, pins=["float64-arrays", "new-result", "inputs-unchanged"])
def test_pca_one_component_types_and_new_arrays():
    X = _pca_data(231, 14, 3)  # (14, 3)
    X0 = X.copy()
    model = un.PCA(1)
    model.fit(X)
    expect(np.array_equal(X, X0), "fit changed X in place")
    _expect_fitted(model, 1, 3)
    expect(not np.shares_memory(model.mean_, X), "mean_ shares memory with X: compute a new array")
    Z = model.transform(X)
    _expect_float64_array(Z, "transform(X) with n_components=1", shape=(14, 1),
                          hint="keep the 2-D shape (m, 1), do not squeeze it to (m,)")
    expect(not np.shares_memory(Z, X), "transform returned an array sharing memory with its input")
    back = model.inverse_transform(Z)
    _expect_float64_array(back, "inverse_transform(Z) with n_components=1", shape=(14, 3))
    expect(not np.shares_memory(back, Z), "inverse_transform returned an array sharing memory with its input")


@check("pca", points=1, pins=["far-from-origin", "centre-first", "ddof-n-minus-1"])
def test_pca_far_from_the_origin():
    # a mean of ~1e6 and a spread of ~1: E[x^2] - E[x]^2 loses ~5 digits here, X - mean_ loses none
    rng = np.random.default_rng(241)
    Q, _ = np.linalg.qr(rng.normal(size=(4, 4)))
    X = (rng.normal(size=(50, 4)) * [3.0, 2.0, 1.0, 0.5]) @ Q + 1e6 * rng.uniform(0.5, 1.5, 4)  # (50, 4)
    Xc = X - X.mean(axis=0)
    variances = np.linalg.svd(Xc, compute_uv=False) ** 2 / (len(X) - 1)  # the reference: centred first
    model = un.PCA(2).fit(X.copy())
    _expect_fitted(model, 2, 4)
    assert_close(model.explained_variance_, variances[:2], rtol=1e-7, name="explained_variance_ far from the origin",
                 hint="subtract the mean first; never E[x^2] - E[x]^2")
    assert_close(model.explained_variance_ratio_, variances[:2] / variances.sum(), rtol=1e-7,
                 name="explained_variance_ratio_ far from the origin",
                 hint="the total variance is the sum over ALL directions of the centred data (two-pass, n - 1)")


# --- DBSCAN --------------------------------------------------------------------------------------

def sk_dbscan(X, eps, min_samples):
    from sklearn.cluster import DBSCAN

    return DBSCAN(eps=eps, min_samples=min_samples).fit(X)


def _dbscan(X, eps, min_samples):
    """Call the learner's dbscan; establish an integer array with ids 0..c-1 (and -1) first."""
    labels = un.dbscan(X, eps, min_samples)
    _expect_int_labels(labels, len(X))
    _expect_ids_contiguous(labels)
    return labels


@check("dbscan", points=2, pins=["core-min-samples", "border-joins", "noise-minus-one", "int-array",
                                 "ids-contiguous", "ban-any-path"])
@pytest.mark.parametrize("seed,eps,min_samples", [(301, 0.8, 5), (302, 1.1, 4)], ids=["tight", "loose"])
def test_dbscan_matches_sklearn(seed, eps, min_samples):
    rng = np.random.default_rng(seed)
    X = np.concatenate([blobs(seed, [[0, 0], [6, 1], [2, 7]], 20, 0.7),
                        rng.uniform(-4, 10, size=(12, 2))])  # (72, 2): blobs + scattered noise
    ref = sk_dbscan(X, eps, min_samples)
    core = np.zeros(len(X), bool)
    core[ref.core_sample_indices_] = True
    assert (~core & (ref.labels_ >= 0)).any() and (ref.labels_ == -1).any()  # border + noise present
    labels = _dbscan(X.copy(), eps, min_samples)
    assert_same_partition(labels, ref.labels_, noise=True)


@check("dbscan", points=2, pins=["border-joins"])
def test_dbscan_border_points_join_a_cluster():
    # a line of points 1 apart; with eps=1 and min_samples=3 the two ends are border points
    X = np.array([[float(i), 0.0] for i in range(6)] + [[20.0, 0.0]])  # (7, 2)
    labels = _dbscan(X.copy(), 1.0, 3)
    ref = sk_dbscan(X, 1.0, 3).labels_
    expect(labels[0] != -1 and labels[5] != -1,
           "the end points of the chain are border points (within eps of a core point): they belong "
           "to the cluster, not to noise")
    assert_same_partition(labels, ref, noise=True)


@check("dbscan", points=2, pins=["eps-inclusive", "self-included"])
def test_dbscan_neighbourhood_counts_the_point_and_uses_le_eps():
    # integer grid: distances are exactly 1.0, so `<= eps` and counting the point itself both matter
    X = np.array([[0, 0], [1, 0], [0, 1], [10, 10], [11, 10], [30, 30]], dtype=float)  # (6, 2)
    labels = _dbscan(X.copy(), 1.0, 3)
    ref = sk_dbscan(X, 1.0, 3).labels_
    assert_same_partition(labels, ref, noise=True,
                          name="labels (min_samples counts the point itself, neighbours at distance <= eps)")


@check("dbscan", points=2, pins=["first-found", "border-no-extend"])
def test_dbscan_border_between_two_clusters_goes_to_first_found():
    # two clusters on a line (y = 1), eps = 1, min_samples = 4; every distance is exact (dyadic).
    # Point 2 (x = 2.0) is a border point of both: its core neighbours are x = 1.0 (index 8, cluster
    # A, distance 1) and x = 2.5 (index 1, cluster C, distance 0.5). A is found first (index 0 is
    # its core point), so point 2 joins A although C's core point is nearer and has the lower index.
    xs = [0.0, 2.5, 2.0, 0.25, 0.5, 3.25, 3.5, 3.75, 1.0, 9.0]
    X = np.c_[xs, np.full(len(xs), 1.0)]  # (10, 2)
    ref = sk_dbscan(X, 1.0, 4)
    assert 2 not in ref.core_sample_indices_ and ref.labels_[2] == ref.labels_[0] != ref.labels_[1]
    labels = _dbscan(X.copy(), 1.0, 4)
    expect(labels[1] != labels[0] and labels[1] != -1 and labels[0] != -1,
           "the two groups are two clusters: a border point joins a cluster but never links two")
    expect(labels[2] == labels[0],
           "a border point within eps of two clusters joins the one FOUND FIRST in the scan i = 0, 1, ... "
           "(label a point only if it is still unlabelled), not the nearest core point, not the last one")
    assert_same_partition(labels, ref.labels_, noise=True,
                          name="labels (a border point shared by two clusters joins the one found first)")


@check("dbscan", points=1, pins=["all-noise", "min-samples-one", "self-included", "ids-contiguous"])
def test_dbscan_edges_all_noise_and_min_samples_one():
    X = np.array([[0.0, 0.0], [0.5, 0.0], [3.0, 0.0], [3.0, 0.75], [8.0, 8.0]])  # (5, 2)
    none = _dbscan(X.copy(), 0.25, 2)  # no point has a neighbour: every point is noise
    expect(np.all(none == -1), "no point is core (nobody has a neighbour within eps): every label is -1")
    each = _dbscan(X.copy(), 1.0, 1)  # min_samples=1: every point is core, nothing is noise
    expect(not np.any(each == -1), "with min_samples=1 every point is core (its neighbourhood holds itself): "
                                   "nothing is noise")
    assert_same_partition(each, sk_dbscan(X, 1.0, 1).labels_, noise=True,
                          name="labels with min_samples=1 (two pairs and a point alone)")


@check("dbscan", points=1, pins=["inputs-unchanged", "new-result"])
def test_dbscan_does_not_mutate_its_input():
    X = blobs(311, [[0, 0], [4, 4]], 8, 0.5)  # (16, 2)
    before = X.copy()
    labels = _dbscan(X, 1.0, 3)
    expect(np.array_equal(X, before), "dbscan changed X in place")
    expect(not np.shares_memory(labels, X), "labels shares memory with X: return a new array")


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


def sk_gmm(X, w0, m0, c0, max_iter, tol, reg_covar=1e-6):
    import warnings

    from sklearn.mixture import GaussianMixture

    with warnings.catch_warnings():  # a few-step run "did not converge": that is the point
        warnings.simplefilter("ignore")
        return GaussianMixture(n_components=len(w0), covariance_type="full", weights_init=w0,
                               means_init=m0, precisions_init=np.linalg.inv(c0), n_init=1,
                               max_iter=max_iter, tol=tol, reg_covar=reg_covar).fit(X)


def _gmm(X, w0, m0, c0, *args, **kwargs):
    """Call the learner's EM; establish the 4-tuple's types and shapes before any value."""
    result = un.gaussian_mixture_em(X, w0, m0, c0, *args, **kwargs)
    expect(isinstance(result, tuple) and len(result) == 4,
           f"gaussian_mixture_em returned {describe(result)}; the brief asks for the tuple "
           "(weights, means, covariances, log_likelihoods)")
    w, m, c, ll = result
    k, d = m0.shape
    _expect_float64_array(w, "weights", shape=(k,))
    _expect_float64_array(m, "means", shape=(k, d))
    _expect_float64_array(c, "covariances", shape=(k, d, d))
    expect(isinstance(ll, list), f"log_likelihoods is {describe(ll)}; the brief asks for a Python list of floats "
                                 "(append one float per iteration)")
    for value in ll:
        _expect_float(value, "an entry of log_likelihoods")
    return w, m, c, ll


def _ll_close(ll, want, name: str, hint: str) -> None:
    """The last log-likelihood, without giving the number away."""
    expect(len(ll) > 0, "log_likelihoods is empty: record one value per iteration")
    _expect_scalar_close(ll[-1], float(want), rtol=1e-8, atol=1e-10, name=name, hint=hint)


@check("gaussian_mixture_em", points=3, pins=["rows-sum-to-one", "ll-before-m-step", "m-step-formulas",
                                              "never-after-first", "ban-any-path"])
@pytest.mark.parametrize("max_iter,tol", [(5, 1e-12), (200, 1e-4)], ids=["five_steps", "converged"])
def test_gmm_matches_sklearn(max_iter, tol):
    X, w0, m0, c0 = _gmm_setup(401)
    ref = sk_gmm(X, w0, m0, c0, max_iter, tol)
    w, m, c, ll = _gmm(X.copy(), w0.copy(), m0.copy(), c0.copy(), max_iter, tol)
    assert_close(c, ref.covariances_, rtol=1e-6, atol=1e-8, name="covariances",
                 hint="sum_i r_ij (x_i - mu_j)(x_i - mu_j)^T / N_j, plus reg_covar on the diagonal")
    assert_close(w, ref.weights_, rtol=1e-6, atol=1e-9, name="weights",
                 hint="responsibilities: normalise each ROW (each point) over the components")
    assert_close(m, ref.means_, rtol=1e-6, atol=1e-8, name="means")
    expect(len(ll) == ref.n_iter_, "number of iterations (len(log_likelihoods)) differs: stop once "
                                   "|ll[t] - ll[t-1]| < tol, never after the first iteration")
    _ll_close(ll, ref.lower_bound_, name="the last log-likelihood",
              hint="mean over samples of log sum_k w_k N(x | mu_k, Sigma_k), before the M-step")


@check("gaussian_mixture_em", points=2, pins=["ll-before-m-step", "stop-strict"])
def test_gmm_log_likelihood_never_decreases():
    X, w0, m0, c0 = _gmm_setup(411)
    _, _, _, ll = _gmm(X.copy(), w0.copy(), m0.copy(), c0.copy(), 40, 0.0)
    expect(len(ll) == 40, "with tol=0 every one of the max_iter iterations runs: one log-likelihood each")
    expect(np.all(np.diff(np.asarray(ll, dtype=float)) >= -1e-9),
           "the log-likelihood decreased between two EM iterations: check the E-step normalisation and "
           "the M-step formulas")


@check("gaussian_mixture_em", points=2, pins=["reg-covar-every-step"])
def test_gmm_reg_covar_keeps_collapsed_component_finite():
    # a component sitting on 4 identical points collapses: only reg_covar keeps it invertible
    rng = np.random.default_rng(421)
    X = np.concatenate([np.tile([[5.0, 5.0]], (4, 1)), rng.normal(size=(36, 2))])  # (40, 2)
    w0 = np.array([0.1, 0.9])
    m0 = np.array([[5.0, 5.0], [0.0, 0.0]])
    c0 = np.stack([np.eye(2) * 0.01, np.eye(2)])
    ref = sk_gmm(X, w0, m0, c0, 3, 1e-12)
    w, m, c, ll = _gmm(X.copy(), w0, m0, c0, 3, 1e-12)
    expect(np.all(np.isfinite(c)) and np.all(np.isfinite(ll)),
           "NaN or inf: a component collapsed onto identical points; add reg_covar to the diagonal")
    assert_close(c, ref.covariances_, rtol=1e-6, atol=1e-12, name="covariances",
                 hint="add reg_covar (1e-6) to the diagonal of every covariance in the M-step")


@check("gaussian_mixture_em", points=2, pins=["reg-covar-every-step"])
@pytest.mark.parametrize("reg_covar", [1e-3, 0.05], ids=["small", "large"])
def test_gmm_uses_the_reg_covar_it_is_given(reg_covar):
    X, w0, m0, c0 = _gmm_setup(425)
    ref = sk_gmm(X, w0, m0, c0, 4, 1e-12, reg_covar=reg_covar)
    w, m, c, ll = _gmm(X.copy(), w0.copy(), m0.copy(), c0.copy(), 4, 1e-12, reg_covar)
    assert_close(c, ref.covariances_, rtol=1e-6, atol=1e-10, name=f"covariances with reg_covar={reg_covar}",
                 hint="add the reg_covar argument (not a hard-coded 1e-6) to every covariance's diagonal")
    assert_close(w, ref.weights_, rtol=1e-6, atol=1e-9, name=f"weights with reg_covar={reg_covar}")
    _ll_close(ll, ref.lower_bound_, name=f"the last log-likelihood with reg_covar={reg_covar}",
              hint="the E-step uses the covariances of the previous M-step, reg_covar included")


@check("gaussian_mixture_em", points=1, pins=["default-args"])
def test_gmm_defaults_max_iter_100_tol_1e_3_reg_covar_1e_6():
    # on this data tol=1e-3 stops after 15 iterations, 1e-2 after 5 and 1e-4 after 17
    X, w0, m0, c0 = _gmm_setup(453)
    ref = sk_gmm(X, w0, m0, c0, 100, 1e-3)
    assert ref.n_iter_ not in (sk_gmm(X, w0, m0, c0, 100, 1e-2).n_iter_, sk_gmm(X, w0, m0, c0, 100, 1e-4).n_iter_)
    w, m, c, ll = _gmm(X.copy(), w0.copy(), m0.copy(), c0.copy())
    expect(len(ll) == ref.n_iter_, "called without max_iter, tol and reg_covar, the number of iterations is "
                                   "off: the defaults are max_iter=100, tol=1e-3, reg_covar=1e-6")
    assert_close(c, ref.covariances_, rtol=1e-6, atol=1e-8, name="covariances with the defaults")
    assert_close(m, ref.means_, rtol=1e-6, atol=1e-8, name="means with the defaults")


@check("gaussian_mixture_em", points=1, pins=["single-component", "stop-strict"])
def test_gmm_single_component_and_strict_tol():
    # k = 1: one M-step reaches the maximum, after which the log-likelihood does not change at all;
    # with tol=0 the test |change| < 0 never holds, so every one of the 6 iterations runs
    rng = np.random.default_rng(431)
    X = rng.normal(size=(30, 2)) @ np.array([[1.0, 0.3], [0.0, 0.5]]) + 2.0  # (30, 2)
    w0, m0, c0 = np.array([1.0]), np.zeros((1, 2)), np.eye(2)[None]
    w, m, c, ll = _gmm(X.copy(), w0, m0, c0, 6, 0.0)
    expect(len(ll) == 6, "with tol=0 all max_iter iterations run even once the log-likelihood stops "
                         "changing: the stopping test is strict, |ll[t] - ll[t-1]| < tol")
    assert_close(w, [1.0], name="the single weight")
    assert_close(m, X.mean(axis=0)[None], name="the single mean")
    assert_close(c, np.cov(X.T, bias=True)[None] + 1e-6 * np.eye(2), rtol=1e-9, atol=1e-12,
                 name="the single covariance", hint="divide by N_j (= n here), then add reg_covar")


@check("gaussian_mixture_em", points=1, pins=["never-after-first", "huge-tol-two-steps"])
@pytest.mark.parametrize("max_iter,tol", [(1, 1e-3), (50, 1e6)], ids=["one_step", "huge_tol"])
def test_gmm_stops_after_one_step_only_when_max_iter_is_one(max_iter, tol):
    X, w0, m0, c0 = _gmm_setup(435)
    ref = sk_gmm(X, w0, m0, c0, max_iter, tol)
    assert ref.n_iter_ == min(max_iter, 2)
    w, m, c, ll = _gmm(X.copy(), w0.copy(), m0.copy(), c0.copy(), max_iter, tol)
    expect(len(ll) == ref.n_iter_,
           f"with max_iter={max_iter} and tol={tol:g}, {ref.n_iter_} iteration(s) must run: never stop "
           "after the first one (there is no previous log-likelihood to compare with), and stop at max_iter")
    assert_close(c, ref.covariances_, rtol=1e-6, atol=1e-8, name="covariances",
                 hint="return the parameters after the last M-step")
    assert_close(m, ref.means_, rtol=1e-6, atol=1e-8, name="means")


@check("gaussian_mixture_em", points=1, pins=["inputs-unchanged", "new-result", "result-types"])
def test_gmm_does_not_mutate_inputs():
    X, w0, m0, c0 = _gmm_setup(441)
    before = [a.copy() for a in (X, w0, m0, c0)]
    w, m, c, _ = _gmm(X, w0, m0, c0, 4, 1e-12)
    names = ("X", "weights", "means", "covariances")
    changed = [name for name, a, b in zip(names, (X, w0, m0, c0), before) if not np.array_equal(a, b)]
    expect(not changed, f"gaussian_mixture_em changed {', '.join(changed)} in place: start from copies "
                        "(np.array(weights, dtype=float)), np.asarray does not copy")
    shared = [name for name, out in (("weights", w), ("means", m), ("covariances", c))
              if any(np.shares_memory(out, a) for a in (X, w0, m0, c0))]
    expect(not shared, f"the returned {', '.join(shared)} share memory with an argument: return new arrays")


@check("gaussian_mixture_em", points=2, pins=["log-space"])
def test_gmm_far_outlier_is_stable():
    X, w0, m0, c0 = _gmm_setup(431)
    X = np.concatenate([X, [[80.0, -70.0, 60.0]]])  # density underflows to 0 under every component
    ref = sk_gmm(X, w0, m0, c0, 3, 1e-12)
    w, m, c, ll = _gmm(X.copy(), w0.copy(), m0.copy(), c0.copy(), 3, 1e-12)
    expect(np.all(np.isfinite(w)),
           "NaN weights with a far outlier: compute responsibilities in log space (log-sum-exp)")
    assert_close(c, ref.covariances_, rtol=1e-6, atol=1e-8, name="covariances",
                 hint="reg_covar on the diagonal; responsibilities computed in log space")
    assert_close(w, ref.weights_, rtol=1e-6, atol=1e-9, name="weights")
    assert_close(ll, ref.lower_bounds_, rtol=1e-8, atol=1e-10, name="log_likelihoods",
                 hint="log p(x) = log-sum-exp over components of log w_k + log N(x | mu_k, Sigma_k)")


# --- agglomerative -------------------------------------------------------------------------------

def _agglomerative(X, n_clusters, *args):
    """Call the learner's agglomerative; establish an integer array using the ids 0..n_clusters-1."""
    labels = un.agglomerative(X, n_clusters, *args)
    _expect_int_labels(labels, len(X))
    expect(sorted(set(labels.tolist())) == list(range(n_clusters)),
           f"labels must use exactly the ids 0..{n_clusters - 1} (one per remaining cluster, not the "
           "index of a member point): number the final clusters 0, 1, ...")
    return labels


@check("agglomerative", points=2, pins=["merge-closest", "single-min", "complete-max", "average-upgma",
                                        "ids-contiguous", "ban-any-path"])
@pytest.mark.parametrize("linkage", ["single", "complete", "average"])
def test_agglomerative_matches_sklearn(linkage):
    from sklearn.cluster import AgglomerativeClustering

    rng = np.random.default_rng(501)
    X = np.concatenate([blobs(502, [[0, 0, 0], [3, 3, 0], [0, 4, 4]], 6, 1.0),
                        rng.uniform(-2, 6, size=(6, 3))])  # (24, 3): a learner's O(n^3) loop stays quick
    for k in (2, 4, 7):
        ref = AgglomerativeClustering(n_clusters=k, linkage=linkage).fit(X).labels_
        labels = _agglomerative(X.copy(), k, linkage)
        assert_same_partition(labels, ref, name=f"labels with {linkage} linkage and n_clusters={k}")


@check("agglomerative", points=1, pins=["merge-closest", "ids-contiguous"])
def test_agglomerative_extremes():
    X = np.random.default_rng(511).normal(size=(9, 2))
    one = _agglomerative(X.copy(), 1, "average")
    expect(len(set(one.tolist())) == 1, "n_clusters=1 must put every point in one cluster")
    alone = _agglomerative(X.copy(), 9, "complete")
    expect(len(set(alone.tolist())) == 9, "n_clusters=n must leave every point alone")


@check("agglomerative", points=2, pins=["single-min", "complete-max", "average-upgma"])
def test_agglomerative_chain_separates_single_from_complete():
    # a chain of close points: single linkage keeps it whole, complete linkage cuts it
    from sklearn.cluster import AgglomerativeClustering

    rng = np.random.default_rng(521)
    X = np.concatenate([np.c_[np.arange(10) * 1.0, rng.normal(0, 0.05, 10)],
                        rng.normal([4.5, 4.0], 0.3, size=(5, 2))])  # (15, 2)
    for linkage in ("single", "complete", "average"):
        ref = AgglomerativeClustering(n_clusters=2, linkage=linkage).fit(X).labels_
        assert_same_partition(_agglomerative(X.copy(), 2, linkage), ref,
                              name=f"labels with {linkage} linkage on a chain")


@check("agglomerative", points=1, pins=["default-average", "inputs-unchanged", "new-result"])
def test_agglomerative_default_linkage_is_average():
    from sklearn.cluster import AgglomerativeClustering

    rng = np.random.default_rng(534)
    X = np.concatenate([blobs(534, [[0, 0], [3, 1], [1, 4]], 7, 0.9), rng.uniform(-2, 5, size=(6, 2))])  # (27, 2)
    refs = {l: AgglomerativeClustering(n_clusters=3, linkage=l).fit(X).labels_
            for l in ("single", "complete", "average", "ward")}
    assert all(len(set(zip(refs["average"], refs[l]))) > 3 for l in ("single", "complete", "ward"))
    before = X.copy()
    labels = _agglomerative(X, 3)
    expect(np.array_equal(X, before), "agglomerative changed X in place")
    expect(not np.shares_memory(labels, X), "labels shares memory with X: return a new array")
    assert_same_partition(labels, refs["average"],
                          name='labels called without linkage (the default is "average", UPGMA)')


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


def _expect_support_dict(got, what):
    """{frozenset: float}: the container, the keys and the values, before any support is compared."""
    expect(isinstance(got, dict), f"{what} returned {describe(got)}; the brief asks for a dict {{frozenset: support}}")
    for key, value in got.items():
        expect(isinstance(key, frozenset), f"{what}: a key is {describe(key)}; the brief asks for frozenset keys "
                                           "(frozenset(items), not a tuple or a sorted list)")
        expect(isinstance(value, float), f"{what}: a support is {describe(value)}; the brief asks for a float "
                                         "(the fraction count / n, not the count)")


def same_supports(got, want, what):
    _expect_support_dict(got, what)
    keys = set(got)
    missing = set(want) - keys
    extra = keys - set(want)
    expect(not missing, f"{what}: {len(missing)} frequent itemset(s) missing "
                        f"(largest missing has {max(map(len, missing)) if missing else 0} items): "
                        "keep growing candidates until a level is empty")
    expect(not extra, f"{what}: {len(extra)} itemset(s) returned that are not frequent")
    wrong = [k for k in want if not np.isclose(got[k], want[k], rtol=1e-12, atol=1e-12)]
    expect(not wrong, f"{what}: support wrong for {len(wrong)} itemset(s): support is the FRACTION "
                      "of transactions containing every item of the set")


@check("apriori", points=2, pins=["fraction", "inclusive", "dict-of-frozensets"])
def test_apriori_shop_baskets():
    got = un.apriori([list(t) for t in SHOP], 0.6)
    # by hand: bread, milk, diaper 4/5; beer 3/5; {bread,milk} {bread,diaper} {milk,diaper} {diaper,beer} 3/5
    want = {frozenset(["bread"]): 0.8, frozenset(["milk"]): 0.8, frozenset(["diaper"]): 0.8,
            frozenset(["beer"]): 0.6, frozenset(["bread", "milk"]): 0.6,
            frozenset(["bread", "diaper"]): 0.6, frozenset(["milk", "diaper"]): 0.6,
            frozenset(["diaper", "beer"]): 0.6}
    same_supports(got, want, "apriori(shop, 0.6)")


@check("apriori", points=2, pins=["all-sizes", "fraction"])
@pytest.mark.parametrize("seed,min_support", [(601, 0.2), (602, 0.3)], ids=["low", "high"])
def test_apriori_random_baskets_vs_brute_force(seed, min_support):
    rng = np.random.default_rng(seed)
    popularity = np.linspace(0.8, 0.15, 9)
    transactions = [[f"i{j}" for j in range(9) if rng.random() < popularity[j]] for _ in range(40)]
    want = brute_force_supports(transactions, min_support)
    assert max(map(len, want)) >= 3  # the data must exercise supersets beyond pairs
    same_supports(un.apriori(transactions, min_support), want, f"apriori(random, {min_support})")


@check("apriori", points=1, pins=["inclusive", "duplicates-once"])
def test_apriori_threshold_inclusive_and_duplicates_counted_once():
    transactions = [["a", "a", "b"], ["a", "c"], ["b", "c"], ["a", "b", "c"]]
    want = brute_force_supports(transactions, 0.5)  # {a},{b},{c}: 3/4; {a,b},{a,c},{b,c}: 2/4
    same_supports(un.apriori(transactions, 0.5), want,
                  "apriori with support exactly at min_support (>=) and a repeated item")


@check("apriori", points=1, pins=["compare-fraction", "inclusive"])
def test_apriori_threshold_is_compared_as_a_fraction():
    # 25 baskets: {x}, {x, y} in 7 of them (7 / 25 == 0.28 exactly as floats go, but
    # 0.28 * 25 == 7.000000000000001 > 7), {y} in 14 (0.56 * 25 > 14 too), {w} in 11, {z} in 6
    transactions = ([["x", "y"]] * 7 + [["y", "z"]] * 6 + [["y"]] + [["w"]] * 11)
    transactions = [list(t) for t in transactions]
    assert 0.28 * 25 > 7 and 7 / 25 >= 0.28
    for min_support in (0.28, 0.56):
        same_supports(un.apriori(copy.deepcopy(transactions), min_support),
                      brute_force_supports(transactions, min_support),
                      f"apriori with itemsets exactly at min_support={min_support} (compare count / n "
                      "with min_support, not count with min_support * n)")


@check("apriori", points=1, pins=["empty-result", "empty-basket-counts", "dict-of-frozensets"])
def test_apriori_empty_baskets_count_and_nothing_frequent():
    transactions = [["a", "b"], [], ["a"], [], ["b", "a"]]
    # 5 transactions, two of them empty: {a} 3/5, {b} 2/5, {a, b} 2/5
    same_supports(un.apriori(copy.deepcopy(transactions), 0.4), brute_force_supports(transactions, 0.4),
                  "apriori with empty baskets (an empty basket still counts in the denominator)")
    got = un.apriori(copy.deepcopy(transactions), 0.8)
    _expect_support_dict(got, "apriori with nothing frequent")
    expect(len(got) == 0, "no itemset reaches min_support=0.8 here: return an empty dict")


@check("apriori", points=1, pins=["basket-types", "all-sizes"])
def test_apriori_integer_items_in_sets_and_tuples():
    rng = np.random.default_rng(611)
    popularity = np.linspace(0.85, 0.25, 7)
    rows = [[j * 10 for j in range(7) if rng.random() < popularity[j]] for _ in range(24)]
    transactions = [set(r) if i % 2 else tuple(r) for i, r in enumerate(rows)]  # sets and tuples of ints
    want = brute_force_supports(transactions, 0.25)
    assert max(map(len, want)) >= 3
    same_supports(un.apriori(list(transactions), 0.25), want,
                  "apriori on baskets that are sets and tuples of integer items")


@check("apriori", points=1, pins=["transactions-unchanged"])
def test_apriori_does_not_modify_transactions():
    transactions = [["milk", "bread", "milk"], ["eggs", "bread"], ["bread", "milk", "eggs"], ["cola"]]
    before = copy.deepcopy(transactions)
    un.apriori(transactions, 0.5)
    expect(transactions == before, "apriori changed `transactions` (or a basket in it) in place: build "
                                   "frozensets from the baskets, do not sort or rewrite them")


# --- association rules ---------------------------------------------------------------------------

def reference_rules(supports, min_confidence, slack=1e-12):
    """{(A, C): (support, confidence, lift)} for the rules kept, and the set of borderline rules.

    A rule whose confidence is within `slack` of min_confidence may be kept or not: computed
    another way (counts, a product with the reciprocal) it can land on either side by one ulp.
    The exact-threshold check passes slack=0 with supports whose every ratio is exact.
    """
    out, borderline = {}, set()
    for S, s in supports.items():
        for A in (frozenset(a) for r in range(1, len(S)) for a in combinations(S, r)):
            C = S - A
            conf = s / supports[A]
            if conf >= min_confidence - slack:
                out[(A, C)] = (s, conf, s / (supports[A] * supports[C]))
                if slack and abs(conf - min_confidence) <= slack:
                    borderline.add((A, C))
    return out, borderline


def _expect_rule_list(got, what):
    """A list of 5-tuples (frozenset, frozenset, float, float, float), before any value is compared."""
    expect(isinstance(got, list), f"{what} returned {describe(got)}; the brief asks for a list of "
                                  "(antecedent, consequent, support, confidence, lift) tuples")
    for rule in got:
        expect(isinstance(rule, tuple), f"{what}: a rule is {describe(rule)}; the brief asks for a tuple "
                                        "(A, C, support, confidence, lift)")
        expect(len(rule) == 5, f"{what}: a rule is a tuple of {len(rule)}; the brief asks for 5 "
                               "(A, C, support, confidence, lift)")
        expect(isinstance(rule[0], frozenset) and isinstance(rule[1], frozenset),
               f"{what}: a rule's sides are {describe(rule[0])} and {describe(rule[1])}; the brief asks for two "
               "frozensets (frozenset(combo), not the tuple itertools.combinations gives)")
        for pos, name in ((2, "support"), (3, "confidence"), (4, "lift")):
            expect(isinstance(rule[pos], float), f"{what}: a rule's {name} is {describe(rule[pos])}; the brief "
                                                 "asks for a float")


def same_rules(got, expected, what):
    want, borderline = expected
    _expect_rule_list(got, what)
    table = {(rule[0], rule[1]): tuple(float(x) for x in rule[2:]) for rule in got}
    expect(len(table) == len(got), f"{what}: the same rule appears twice")
    missing = set(want) - set(table) - borderline
    extra = set(table) - set(want)
    expect(not missing, f"{what}: {len(missing)} rule(s) missing: use every non-empty proper subset "
                        "of each itemset as antecedent, keep confidence >= min_confidence")
    expect(not extra, f"{what}: {len(extra)} rule(s) that should not be there")
    names = ("support", "confidence", "lift")
    for pos, name in enumerate(names):
        bad = [r for r in want if r in table and not np.isclose(table[r][pos], want[r][pos], rtol=1e-9, atol=1e-12)]
        expect(not bad, f"{what}: {name} wrong for {len(bad)} rule(s)" + {
            "support": ": the support of A -> C is supp(A ∪ C)",
            "confidence": ": confidence = supp(A ∪ C) / supp(A)",
            "lift": ": lift = confidence / supp(C) = supp(A ∪ C) / (supp(A) supp(C))"}[name])


@check("association_rules", points=2, pins=["measures", "list-of-tuples", "frozenset-sides"])
def test_rules_shop_baskets():
    supports = brute_force_supports(SHOP, 0.6)
    got = un.association_rules(dict(supports), 0.7)
    _expect_rule_list(got, "association_rules(shop, 0.7)")
    # by hand: beer -> diaper has confidence (3/5)/(3/5) = 1 and lift 1 / (4/5) = 1.25
    table = {(r[0], r[1]): r for r in got}
    key = (frozenset(["beer"]), frozenset(["diaper"]))
    expect(key in table, "beer -> diaper (confidence 1.0) is missing")
    expect(np.isclose(float(table[key][4]), 1.25),
           "the lift of beer -> diaper is wrong: lift = confidence / supp(consequent)")
    same_rules(got, reference_rules(supports, 0.7), "association_rules(shop, 0.7)")


@check("association_rules", points=3, pins=["all-antecedents", "measures"])
@pytest.mark.parametrize("seed,min_confidence", [(701, 0.5), (702, 0.8)], ids=["loose", "strict"])
def test_rules_random_baskets(seed, min_confidence):
    rng = np.random.default_rng(seed)
    popularity = np.linspace(0.85, 0.2, 8)
    transactions = [[f"i{j}" for j in range(8) if rng.random() < popularity[j]] for _ in range(30)]
    supports = brute_force_supports(transactions, 0.25)
    assert max(map(len, supports)) >= 3
    same_rules(un.association_rules(dict(supports), min_confidence),
               reference_rules(supports, min_confidence), f"association_rules(random, {min_confidence})")


@check("association_rules", points=1, pins=["two-items", "empty-list"])
def test_rules_none_from_single_items():
    supports = {frozenset(["x"]): 0.5, frozenset(["y"]): 0.4}
    got = un.association_rules(supports, 0.0)
    _expect_rule_list(got, "association_rules(single items only)")
    expect(len(got) == 0, "single items give no rules: a rule needs an itemset of at least two items")
    got = un.association_rules({}, 0.5)
    _expect_rule_list(got, "association_rules({})")
    expect(len(got) == 0, "no itemsets, no rules: return an empty list")


@check("association_rules", points=1, pins=["confidence-inclusive"])
def test_rules_confidence_exactly_at_the_threshold_is_kept():
    # the supports of 8 baskets {a,b,c} {a,b} {b,c} {a} {a} {b} {} {}: every antecedent support is
    # a power of two, so every confidence is exact however it is computed; many are exactly 0.5 or 1
    q = 0.125
    supports = {frozenset("a"): 4 * q, frozenset("b"): 4 * q, frozenset("c"): 2 * q,
                frozenset("ab"): 2 * q, frozenset("ac"): 1 * q, frozenset("bc"): 2 * q,
                frozenset("abc"): 1 * q}
    for min_confidence in (0.5, 1.0):
        want = reference_rules(supports, min_confidence, slack=0.0)
        same_rules(un.association_rules(dict(supports), min_confidence), want,
                   f"association_rules with confidences exactly at min_confidence={min_confidence} (kept: >=)")


@check("association_rules", points=1, pins=["itemsets-unchanged"])
def test_rules_do_not_modify_itemsets():
    supports = brute_force_supports(SHOP, 0.4)
    given = dict(supports)
    un.association_rules(given, 0.6)
    expect(given == supports and list(given) == list(supports),
           "association_rules changed `itemsets` in place (an entry added, removed or changed): only read it")


# --- silhouette ----------------------------------------------------------------------------------

def _sk_silhouette(X, labels):
    from sklearn.metrics import silhouette_score as sk_silhouette

    return float(sk_silhouette(X, labels))


@check("silhouette_score", points=2, pins=["a-excludes-self", "b-minimum", "float-result", "ban-any-path"])
@pytest.mark.parametrize("k", [2, 5])
def test_silhouette_matches_sklearn(k):
    rng = np.random.default_rng(800 + k)
    X = blobs(810 + k, rng.normal(size=(k, 3)) * 4, 9, 1.2)  # (9k, 3)
    labels = np.repeat(np.arange(k) * 3 + 7, 9)  # non-contiguous label values
    labels[rng.choice(len(X), 5, replace=False)] = 7 + 3 * rng.integers(0, k, 5)  # some misplaced
    got = un.silhouette_score(X.copy(), labels.copy())
    _expect_scalar_close(got, _sk_silhouette(X, labels), name="the silhouette score",
                         hint="b is the SMALLEST mean distance to another cluster; a excludes the point itself")


@check("silhouette_score", points=2, pins=["singleton-zero"])
def test_silhouette_singleton_cluster_counts_as_zero():
    rng = np.random.default_rng(821)
    X = rng.normal(size=(14, 2))
    labels = np.array([0] * 6 + [1] * 7 + [2])  # cluster 2 holds one point
    got = un.silhouette_score(X.copy(), labels)
    _expect_scalar_close(got, _sk_silhouette(X, labels), name="the silhouette score with a one-point cluster",
                         hint="a point alone in its cluster has s = 0 (and its cluster still counts for b)")
    # one-point clusters in the middle of the data: the points after them are scored as usual
    labels = np.array([0, 0, 3, 0, 1, 1, 5, 1, 0, 1, 0, 1, 0, 1])  # clusters 3 and 5 hold one point each
    got = un.silhouette_score(X.copy(), labels)
    _expect_scalar_close(got, _sk_silhouette(X, labels),
                         name="the silhouette score with one-point clusters before other points",
                         hint="a point alone in its cluster has s = 0; skip only that point and go on "
                              "scoring the points after it")


@check("silhouette_score", points=1, pins=["a-excludes-self", "float-result"])
def test_silhouette_well_separated_close_to_one():
    X = np.array([[0, 0], [0, 0.1], [0.1, 0], [10, 10], [10, 10.1], [10.1, 10], [10.05, 10.05]])
    labels = np.array([1, 1, 1, 4, 4, 4, 4])
    got = un.silhouette_score(X, labels)
    _expect_scalar_close(got, _sk_silhouette(X, labels), name="the silhouette score of two tight clusters",
                         hint="a is the mean distance to the OTHER points of the cluster")
    expect(got > 0.95, "two far-apart tight clusters should score close to 1")


@check("silhouette_score", points=1, pins=["any-int-labels", "inputs-unchanged"])
def test_silhouette_negative_and_large_labels():
    rng = np.random.default_rng(831)
    X = blobs(832, [[0, 0], [4, 0], [2, 3]], 6, 0.8)  # (18, 2)
    labels = np.repeat(np.array([1000, -1, 3]), 6)  # -1 is an ordinary cluster here, 1000 a big id
    labels[rng.choice(18, 3, replace=False)] = [-1, 1000, 3]
    X0, labels0 = X.copy(), labels.copy()
    got = un.silhouette_score(X, labels)
    expect(np.array_equal(X, X0) and np.array_equal(labels, labels0),
           "silhouette_score changed X or labels in place")
    _expect_scalar_close(got, _sk_silhouette(X, labels), name="the silhouette score with labels -1, 3 and 1000",
                         hint="labels are arbitrary integers: -1 is a cluster like any other and ids need not "
                              "be 0..k-1 (np.unique maps them to 0..k-1; indexing with the raw ids does not)")
