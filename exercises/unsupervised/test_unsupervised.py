"""Public checks for `unsupervised`: the basics of each kata. The hidden checks go further."""
import numpy as np

from grader.check import assert_close, assert_same_partition, assert_shape, check, expect, learner

un = learner("unsupervised")


@check("kmeans", points=1)
def test_kmeans_two_groups_on_a_line():
    X = np.array([[0.0], [1.0], [10.0], [11.0]])
    centers, labels, n_iter = un.kmeans(X, np.array([[0.0], [1.0]]), 100, 0.0)
    assert_close(centers, [[0.5], [10.5]], name="centers")
    expect(list(np.asarray(labels)) == [0, 0, 1, 1], "labels should be [0, 0, 1, 1]")
    expect(int(n_iter) == 3, "n_iter should be 3: the third iteration moves nothing")


@check("kmeans", points=1)
def test_kmeans_matches_sklearn():
    from sklearn.cluster import KMeans

    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 3)) + np.repeat(np.eye(3) * 5, [14, 13, 13], axis=0)
    C0 = X[[0, 15, 30]]
    centers, labels, _ = un.kmeans(X, C0.copy(), 100, 0.0)
    ref = KMeans(3, init=C0, n_init=1, algorithm="lloyd", tol=0.0).fit(X)
    assert_close(centers, ref.cluster_centers_, name="centers")


@check("kmeans_plus_plus_init", points=1)
def test_kpp_returns_distinct_rows_of_x():
    X = np.random.default_rng(1).normal(size=(12, 2))
    C = np.asarray(un.kmeans_plus_plus_init(X, 4, np.random.default_rng(0)))
    assert_shape(C, (4, 2), name="centers")
    rows = {int(np.flatnonzero(np.all(np.isclose(X, c), axis=1))[0]) for c in C
            if np.all(np.isclose(X, c), axis=1).any()}
    expect(len(rows) == 4, "the 4 centers should be 4 different rows of X")


@check("kmeans_plus_plus_init", points=1)
def test_kpp_two_far_groups():
    # two tight far-apart pairs: the second center (∝ D^2) lands in the other pair nearly always
    X = np.array([[0.0, 0.0], [0.0, 0.01], [100.0, 0.0], [100.0, 0.01]])
    for seed in range(20):
        C = np.asarray(un.kmeans_plus_plus_init(X, 2, np.random.default_rng(seed)))
        expect(abs(C[0, 0] - C[1, 0]) > 50, "the second center should be far from the first")


@check("pca", points=1)
def test_pca_matches_sklearn():
    from sklearn.decomposition import PCA as SkPCA

    X = np.random.default_rng(2).normal(size=(20, 4)) @ np.diag([3.0, 2.0, 1.0, 0.5]) + 7
    ref = SkPCA(2).fit(X)
    model = un.PCA(2).fit(X)
    signs = np.sign((np.asarray(model.components_) * ref.components_).sum(1))
    assert_close(np.asarray(model.components_) * signs[:, None], ref.components_, rtol=1e-6, atol=1e-8,
                 name="components_ (up to sign)")
    assert_close(model.explained_variance_, ref.explained_variance_, name="explained_variance_")
    assert_close(model.explained_variance_ratio_, ref.explained_variance_ratio_, name="explained_variance_ratio_")


@check("dbscan", points=1)
def test_dbscan_two_groups_and_noise():
    X = np.array([[0, 0], [0, 1], [1, 0], [10, 10], [10, 11], [11, 10], [50, 50]], dtype=float)
    labels = np.asarray(un.dbscan(X, 1.5, 3))
    expect(labels[6] == -1, "the lonely point is noise (-1)")
    assert_same_partition(labels, [0, 0, 0, 1, 1, 1, -1], noise=True)   # two clusters of three, then noise


@check("gaussian_mixture_em", points=1)
def test_gmm_log_likelihood_increases():
    rng = np.random.default_rng(3)
    X = np.concatenate([rng.normal(0, 1, (30, 2)), rng.normal(4, 1, (20, 2))])
    w, m, c, ll = un.gaussian_mixture_em(X, np.array([0.5, 0.5]), X[[0, 40]].copy(),
                                         np.stack([np.eye(2)] * 2), 20, 0.0)
    expect(len(ll) == 20, "one log-likelihood per iteration")
    expect(np.all(np.diff(ll) >= -1e-9), "EM never decreases the log-likelihood")
    assert_close(np.sum(w), 1.0, name="sum of weights")


@check("agglomerative", points=1)
def test_agglomerative_three_groups():
    X = np.array([[0, 0], [0.1, 0], [5, 5], [5.1, 5], [9, 0], [9.1, 0.2]])
    for linkage in ("single", "complete", "average"):
        labels = un.agglomerative(X, 3, linkage)
        assert_same_partition(labels, [0, 0, 1, 1, 2, 2], name=f"{linkage} labels")   # the three pairs


@check("apriori", points=1)
def test_apriori_small():
    got = un.apriori([["a", "b"], ["a"], ["b", "c"]], 0.5)
    expect(set(got) == {frozenset("a"), frozenset("b")}, "frequent itemsets at 0.5 are {a} and {b}")
    assert_close(got[frozenset("a")], 2 / 3, name="support of {a}")


@check("association_rules", points=1)
def test_rules_small():
    supports = {frozenset("a"): 0.5, frozenset("b"): 0.75, frozenset("ab"): 0.5}
    rules = {(frozenset(r[0]), frozenset(r[1])): r[2:] for r in un.association_rules(supports, 0.6)}
    expect(set(rules) == {(frozenset("a"), frozenset("b")), (frozenset("b"), frozenset("a"))},
           "a -> b (confidence 1) and b -> a (confidence 2/3) both pass 0.6")
    assert_close(rules[(frozenset("a"), frozenset("b"))], [0.5, 1.0, 1 / 0.75], name="(support, confidence, lift) of a -> b")


@check("silhouette_score", points=1)
def test_silhouette_matches_sklearn():
    from sklearn.metrics import silhouette_score as sk

    rng = np.random.default_rng(4)
    X = np.concatenate([rng.normal(0, 1, (10, 2)), rng.normal(3, 1, (12, 2))])
    labels = np.array([0] * 10 + [1] * 12)
    assert_close(un.silhouette_score(X, labels), sk(X, labels), name="silhouette score")
