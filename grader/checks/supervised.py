"""Hidden checks for the supervised topic: every model against scikit-learn, plus the pinned
conventions (tie-breaks, zero division, stability at |z| = 1000) and inputs not mutated."""
import warnings

import numpy as np
import pytest
from scipy.special import expit
from sklearn.linear_model import LinearRegression as SkLinearRegression
from sklearn.linear_model import LogisticRegression as SkLogisticRegression
from sklearn.linear_model import Ridge as SkRidge
from sklearn.metrics import confusion_matrix as sk_confusion_matrix
from sklearn.metrics import precision_recall_fscore_support, roc_auc_score
from sklearn.model_selection import KFold
from sklearn.naive_bayes import GaussianNB as SkGaussianNB
from sklearn.neighbors import KNeighborsClassifier as SkKNN
from sklearn.tree import DecisionTreeClassifier as SkTree

from grader.check import assert_close, assert_shape, check, expect, learner

sv = learner("supervised")


def _regression_data(seed, n=40, d=5, shift=0.0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d)) * rng.uniform(0.5, 3.0, size=d) + shift
    y = X @ rng.normal(size=d) + 7.0 + 0.3 * rng.normal(size=n)
    return X, y


def _no_runtime_warnings(fn, what):
    """Run fn() with numpy warnings recorded; fail with a teaching message if any was raised."""
    # underflow (exp(-1000) == 0.0) is harmless and expected; overflow, 0/0 and x/0 are not
    with warnings.catch_warnings(record=True) as caught, \
            np.errstate(over="warn", divide="warn", invalid="warn", under="ignore"):
        warnings.simplefilter("always")
        result = fn()
    bad = [w for w in caught if issubclass(w.category, RuntimeWarning)]
    expect(not bad, f"{what} emitted a RuntimeWarning ({str(bad[0].message) if bad else ''}): "
                    "never exponentiate a large positive number or divide by zero")
    return result


# ---------------------------------------------------------------------------------------------
# linear_regression
# ---------------------------------------------------------------------------------------------

@check("linear_regression", points=2)
@pytest.mark.parametrize("shift", [0.0, 25.0], ids=["centred", "offset_features"])
def test_linear_regression_matches_sklearn(shift):
    X, y = _regression_data(101, n=40, d=5, shift=shift)
    ours = sv.LinearRegression().fit(X, y)
    ref = SkLinearRegression().fit(X, y)
    assert_shape(ours.coef_, (5,), name="coef_", hint="one weight per feature")
    assert_close(ours.coef_, ref.coef_, rtol=1e-7, atol=1e-8, name="coef_",
                 hint="solve least squares with an intercept column or on centred data")
    assert_close(float(ours.intercept_), ref.intercept_, rtol=1e-7, atol=1e-8, name="intercept_",
                 hint="intercept_ = mean(y) - mean(X, axis=0) @ coef_")


@check("linear_regression", points=1)
def test_linear_regression_predict_and_returns_self():
    X, y = _regression_data(102, n=30, d=4, shift=3.0)
    model = sv.LinearRegression()
    fitted = model.fit(X, y)
    expect(fitted is model, "fit must return self so that LinearRegression().fit(X, y).predict(X) works")
    X_new = np.random.default_rng(103).normal(size=(13, 4))
    pred = model.predict(X_new)
    assert_shape(pred, (13,), name="predict(X_new)", hint="one prediction per row of X_new")
    assert_close(pred, SkLinearRegression().fit(X, y).predict(X_new), rtol=1e-7, atol=1e-8,
                 name="predict(X_new)")


@check("linear_regression", points=1)
def test_linear_regression_recovers_an_exact_line():
    x = np.linspace(-2, 5, 11)
    X = np.stack([x, x ** 2], axis=1)                       # (11, 2)
    y = -4.0 + 2.5 * x - 0.5 * x ** 2
    model = sv.LinearRegression().fit(X, y)
    assert_close(model.coef_, [2.5, -0.5], rtol=1e-7, atol=1e-8, name="coef_ on noise-free data")
    assert_close(float(model.intercept_), -4.0, rtol=1e-7, atol=1e-8, name="intercept_ on noise-free data",
                 hint="a model without an intercept cannot fit y = -4 + ...")


@check("linear_regression", points=1)
def test_linear_regression_does_not_mutate_inputs():
    X, y = _regression_data(104, n=25, d=3, shift=5.0)
    X0, y0 = X.copy(), y.copy()
    sv.LinearRegression().fit(X, y).predict(X)
    expect(np.array_equal(X, X0) and np.array_equal(y, y0),
           "fit/predict changed X or y in place: centre a copy (X - X.mean(0)), not X -= ...")


# ---------------------------------------------------------------------------------------------
# ridge_regression
# ---------------------------------------------------------------------------------------------

@check("ridge_regression", points=2)
@pytest.mark.parametrize("alpha", [0.1, 3.0, 50.0], ids=["small_alpha", "medium_alpha", "large_alpha"])
def test_ridge_matches_sklearn(alpha):
    X, y = _regression_data(201, n=30, d=6, shift=8.0)    # offset features: penalising b shows
    ours = sv.RidgeRegression(alpha=alpha).fit(X, y)
    ref = SkRidge(alpha=alpha).fit(X, y)
    assert_close(ours.coef_, ref.coef_, rtol=1e-7, atol=1e-8, name="coef_",
                 hint="minimise ||y - Xw - b||^2 + alpha ||w||^2 (alpha not scaled by n, b not penalised)")
    assert_close(float(ours.intercept_), ref.intercept_, rtol=1e-7, atol=1e-8, name="intercept_",
                 hint="the intercept must not be penalised: centre X and y, then b = mean(y) - mean(X) @ w")


@check("ridge_regression", points=1)
def test_ridge_with_zero_alpha_is_least_squares():
    X, y = _regression_data(202, n=20, d=3, shift=-4.0)
    ours = sv.RidgeRegression(alpha=0.0).fit(X, y)
    A = np.column_stack([X, np.ones(len(X))])               # (20, 4): an intercept column
    w, *_ = np.linalg.lstsq(A, y, rcond=None)
    assert_close(ours.coef_, w[:3], rtol=1e-7, atol=1e-8, name="coef_ with alpha=0")
    assert_close(float(ours.intercept_), w[3], rtol=1e-7, atol=1e-8, name="intercept_ with alpha=0")


@check("ridge_regression", points=1)
def test_ridge_huge_alpha_keeps_the_mean():
    X, y = _regression_data(203, n=24, d=4, shift=6.0)
    ours = sv.RidgeRegression(alpha=1e12).fit(X, y)
    expect(np.max(np.abs(ours.coef_)) < 1e-6, "with an enormous alpha every weight should shrink to ~0")
    assert_close(float(ours.intercept_), y.mean(), rtol=1e-6, atol=1e-6, name="intercept_ with alpha=1e12",
                 hint="an unpenalised intercept becomes mean(y) when the weights vanish")


@check("ridge_regression", points=1)
def test_ridge_predict_returns_self_and_keeps_inputs():
    X, y = _regression_data(204, n=22, d=3, shift=2.0)
    X0, y0 = X.copy(), y.copy()
    model = sv.RidgeRegression(alpha=2.0)
    expect(model.fit(X, y) is model, "fit must return self")
    X_new = np.random.default_rng(205).normal(size=(9, 3))
    pred = model.predict(X_new)
    assert_shape(pred, (9,), name="predict(X_new)")
    assert_close(pred, SkRidge(alpha=2.0).fit(X0, y0).predict(X_new), rtol=1e-7, atol=1e-8, name="predict(X_new)")
    expect(np.array_equal(X, X0) and np.array_equal(y, y0), "fit/predict changed X or y in place")


# ---------------------------------------------------------------------------------------------
# logistic_regression
# ---------------------------------------------------------------------------------------------

def _logistic_data(seed, n=60, d=3):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    w = rng.normal(size=d) * 1.5
    y = (rng.random(n) < expit(X @ w + 0.3)).astype(int)   # noisy labels: not separable
    return X, y


def _reference_gd(X, y, lr, n_iter):
    """Independent reference: vectorised GD with scipy's expit and the log1p form of the loss."""
    n, d = X.shape
    theta = np.zeros(d + 1)                                 # [w, b]
    A = np.column_stack([X, np.ones(n)])                    # (n, d + 1)
    losses = []
    for _ in range(n_iter):
        z = A @ theta
        losses.append(np.mean(np.where(z > 0, z + np.log1p(np.exp(-np.abs(z))),
                                       np.log1p(np.exp(-np.abs(z)))) - y * z))
        theta -= lr * A.T @ (expit(z) - y) / n
    return theta[:d], theta[d], np.array(losses)


@check("logistic_regression", points=2)
def test_sigmoid_is_stable_at_extremes():
    z = np.array([-1000.0, -745.0, -30.0, 0.0, 30.0, 745.0, 1000.0])
    out = _no_runtime_warnings(lambda: sv.sigmoid(z.copy()), "sigmoid(z) at |z| up to 1000")
    assert_close(out, expit(z), rtol=1e-12, atol=1e-15, name="sigmoid(z)",
                 hint="use exp(-|z|), which never overflows")


@check("logistic_regression", points=1)
def test_sigmoid_elementwise_keeps_shape():
    z = np.random.default_rng(301).normal(size=(3, 4)) * 10
    out = sv.sigmoid(z)
    assert_shape(out, (3, 4), name="sigmoid(z)", hint="apply it elementwise")
    assert_close(out, expit(z), rtol=1e-12, atol=1e-15, name="sigmoid(z)")


@check("logistic_regression", points=2)
def test_logistic_gradient_steps_match_reference():
    X, y = _logistic_data(302, n=50, d=4)
    model = sv.LogisticRegression(lr=0.3, n_iter=25).fit(X, y)
    w, b, losses = _reference_gd(X, y, lr=0.3, n_iter=25)
    assert_close(model.coef_, w, rtol=1e-9, atol=1e-12, name="coef_ after 25 steps",
                 hint="start at zeros; w -= lr * X.T @ (p - y) / n (mean, not sum, and minus)")
    assert_close(float(model.intercept_), b, rtol=1e-9, atol=1e-12, name="intercept_ after 25 steps",
                 hint="b -= lr * mean(p - y)")
    assert_close(np.asarray(model.loss_history_, dtype=float), losses, rtol=1e-9, atol=1e-12,
                 name="loss_history_", hint="record the mean cross-entropy before each update")


@check("logistic_regression", points=2)
def test_logistic_converges_to_sklearn():
    X, y = _logistic_data(303, n=60, d=3)
    model = sv.LogisticRegression(lr=0.5, n_iter=3000).fit(X, y)
    ref = SkLogisticRegression(C=np.inf, tol=1e-12, max_iter=10000).fit(X, y)
    X_new = np.random.default_rng(304).normal(size=(17, 3))
    proba = model.predict_proba(X_new)
    assert_shape(proba, (17,), name="predict_proba(X_new)", hint="return P(y=1 | x), one per row")
    # gradient descent stops near, not at, the optimum: 1e-5 is far below any wrong answer
    assert_close(proba, ref.predict_proba(X_new)[:, 1], rtol=0, atol=1e-5, name="predict_proba(X_new)",
                 hint="unregularised maximum likelihood should land where sklearn's does")
    pred = np.asarray(model.predict(X_new))
    expect(np.array_equal(pred, (proba >= 0.5).astype(int)), "predict must be 1 where predict_proba >= 0.5, else 0")
    # lr=0 keeps every weight at zero: every probability is exactly 0.5, which predicts 1 (>=)
    flat = sv.LogisticRegression(lr=0.0, n_iter=3).fit(X, y)
    expect(np.array_equal(np.asarray(flat.predict(X_new)), np.ones(17, dtype=int)),
           "a probability of exactly 0.5 must predict 1: predict is 1 where predict_proba >= 0.5")


@check("logistic_regression", points=1)
def test_logistic_loss_history_starts_at_log2_and_decreases():
    X, y = _logistic_data(305, n=45, d=2)
    history = np.asarray(sv.LogisticRegression(lr=0.2, n_iter=200).fit(X, y).loss_history_, dtype=float)
    assert_shape(history, (200,), name="loss_history_", hint="one loss per iteration")
    assert_close(history[0], np.log(2), rtol=1e-12, atol=1e-12, name="loss_history_[0]",
                 hint="weights start at zero, so every p is 0.5 and the first loss is log 2")
    expect(np.all(np.diff(history) <= 1e-12),
           "the loss went up during gradient descent: check the sign of the update and the 1/n")


@check("logistic_regression", points=1)
def test_logistic_loss_is_finite_with_huge_logits():
    X = np.array([[-3.0], [-1.0], [1.0], [3.0], [2.0]]) * 300   # large features: overshooting GD
    y = np.array([0, 1, 0, 1, 0])
    model = _no_runtime_warnings(lambda: sv.LogisticRegression(lr=1.0, n_iter=6).fit(X, y),
                                 "fit with logits in the hundreds")
    _, _, losses = _reference_gd(X, y, lr=1.0, n_iter=6)
    assert_close(np.asarray(model.loss_history_, dtype=float), losses, rtol=1e-9, atol=1e-9,
                 name="loss_history_ with huge logits",
                 hint="compute the loss from z: mean(logaddexp(0, z) - y * z), never log(sigmoid(z))")


# ---------------------------------------------------------------------------------------------
# decision_tree
# ---------------------------------------------------------------------------------------------

def _gini_reference(y):
    y = np.asarray(y)
    if y.size == 0:
        return 0.0
    counts = np.array([np.sum(y == v) for v in set(y.tolist())], dtype=float)
    return 1.0 - float(((counts / counts.sum()) ** 2).sum())


def _tree_data(seed, n=80, d=4, n_test=50):
    """Distinct integer-valued features (exact in float32, no near-ties) and labels {3, 7, 9}."""
    rng = np.random.default_rng(seed)
    X = np.stack([rng.permutation(n) for _ in range(d)], axis=1) * 1.5 - 20.0   # (n, d)
    score = X[:, 0] - 0.7 * X[:, 2] + 0.4 * X[:, 1] + 25 * rng.normal(size=n)
    y = np.array([3, 7, 9])[np.digitize(score, np.quantile(score, [0.35, 0.7]))]
    X_test = rng.integers(-1, n + 1, size=(n_test, d)) * 1.5 - 20.0 + 0.25        # between values
    return X, y, X_test


@check("decision_tree", points=1)
@pytest.mark.parametrize("labels", [[0, 1], [-2, 5, 11], [4, 1, 8, 2]], ids=["binary", "three_classes", "four_classes"])
def test_gini_matches_definition(labels):
    rng = np.random.default_rng(401 + len(labels))
    y = rng.choice(labels, size=29)
    value = sv.gini(y)
    assert_close(float(value), _gini_reference(y), rtol=1e-12, atol=1e-12, name="gini(y)",
                 hint="1 - sum of squared class *proportions* (counts / n)")


@check("decision_tree", points=1)
def test_gini_edge_cases():
    assert_close(float(sv.gini(np.array([6, 6, 6]))), 0.0, atol=1e-12, name="gini of a pure node")
    assert_close(float(sv.gini(np.array([], dtype=int))), 0.0, atol=1e-12, name="gini of an empty node",
                 hint="an empty array has impurity 0.0 (no 0/0)")
    assert_close(float(sv.gini(np.array([1, 2, 3, 4]))), 0.75, atol=1e-12, name="gini of four distinct labels")


@check("decision_tree", points=2)
@pytest.mark.parametrize("seed", [402, 403], ids=["data_a", "data_b"])
def test_best_split_matches_a_sklearn_stump(seed):
    X, y, _ = _tree_data(seed, n=40, d=3)
    split = sv.best_split(X.copy(), y.copy())
    expect(split is not None and len(split) == 2, "best_split should return a (feature, threshold) pair")
    stump = SkTree(max_depth=1, random_state=0).fit(X, y).tree_
    expect(int(split[0]) == int(stump.feature[0]), "best_split chose a different feature than CART with Gini would")
    assert_close(float(split[1]), float(stump.threshold[0]), rtol=0, atol=1e-9, name="threshold",
                 hint="the threshold is the midpoint between two consecutive sorted distinct values")


@check("decision_tree", points=2)
def test_best_split_pinned_tie_breaks():
    x = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0])
    y = np.array([0, 0, 1, 1, 1, 0, 0])
    # two identical columns: every score ties across features -> lowest feature index
    split = sv.best_split(np.stack([x, x], axis=1), y)
    expect(split is not None and int(split[0]) == 0, "on a tie between features, pick the lowest feature index")
    # thresholds 2.5 and 5.5 give the same impurity -> the lowest threshold
    assert_close(float(split[1]), 2.5, atol=1e-12, name="threshold on a tie",
                 hint="on a tie between thresholds of one feature, pick the lowest")
    # a constant feature offers no split: the best is on feature 1
    split = sv.best_split(np.stack([np.full(7, 3.0), x], axis=1), y)
    expect(split is not None and int(split[0]) == 1, "a constant feature has no candidate threshold")


@check("decision_tree", points=1)
def test_best_split_none_when_nothing_varies():
    X = np.tile(np.array([[1.0, -2.0]]), (5, 1))             # (5, 2) identical rows
    expect(sv.best_split(X, np.array([0, 1, 0, 1, 1])) is None,
           "best_split should return None when no feature has two distinct values")


@check("decision_tree", points=2)
@pytest.mark.parametrize("max_depth,min_samples_split",
                         [(1, 2), (2, 2), (3, 2), (4, 12)], ids=["depth1", "depth2", "depth3", "depth4_min12"])
def test_tree_predictions_match_sklearn(max_depth, min_samples_split):
    # seed 404's data has no impurity ties at these depths: sklearn agrees with itself for
    # every random_state (checked when writing this), so its tree is the unique CART answer
    X, y, X_test = _tree_data(404)
    X0 = X.copy()
    ours = sv.DecisionTreeClassifier(max_depth=max_depth, min_samples_split=min_samples_split).fit(X, y)
    expect(np.array_equal(X, X0), "fit changed X in place")
    ref = SkTree(max_depth=max_depth, min_samples_split=min_samples_split, random_state=0).fit(X, y)
    pred = np.asarray(ours.predict(X_test))
    assert_shape(pred, (len(X_test),), name="predict(X_test)")
    wrong = int(np.sum(pred != ref.predict(X_test)))
    expect(wrong == 0, f"{wrong} of {len(X_test)} test predictions differ from CART: check the depth "
                       "limit (the root has depth 0), min_samples_split, the <= threshold and leaf votes")


@check("decision_tree", points=1)
def test_tree_leaf_tie_goes_to_smallest_label():
    # depth 1 splits at 4.5: the right leaf holds one 7 (seen first) and one 3 -> a tie, predict 3
    X = np.arange(1.0, 7.0)[:, None]                        # (6, 1)
    y = np.array([0, 0, 0, 0, 7, 3])
    pred = np.asarray(sv.DecisionTreeClassifier(max_depth=1).fit(X, y).predict(np.array([[5.2], [6.3]])))
    expect(np.array_equal(pred, [3, 3]), "a leaf whose vote is tied must predict the smallest of the tied "
                                         "labels, not the one seen first")
    # a root that may not split (fewer than min_samples_split samples) is a leaf with a 2-2 tie
    pred = np.asarray(sv.DecisionTreeClassifier(min_samples_split=5)
                      .fit(np.array([[0.0], [1.0], [2.0], [3.0]]), np.array([8, 1, 8, 1])).predict(np.zeros((2, 1))))
    expect(np.array_equal(pred, [1, 1]), "a tied leaf predicts the smallest label (min_samples_split stopped the root)")


@check("decision_tree", points=1)
def test_unlimited_tree_fits_training_data():
    X, y, _ = _tree_data(405, n=50, d=3)
    model = sv.DecisionTreeClassifier()
    expect(model.fit(X, y) is model, "fit must return self")
    pred = np.asarray(model.predict(X))
    expect(np.array_equal(pred, y), "with max_depth=None the tree should split until every leaf is pure, "
                                    "and predict the original label values")


# ---------------------------------------------------------------------------------------------
# knn
# ---------------------------------------------------------------------------------------------

@check("knn", points=2)
@pytest.mark.parametrize("k", [1, 3, 7], ids=["k1", "k3", "k7"])
def test_knn_matches_sklearn(k):
    rng = np.random.default_rng(500 + k)
    X = rng.normal(size=(50, 3)) * [1.0, 2.0, 0.5]
    y = rng.choice([2, 5, 8], size=50)
    X_test = rng.normal(size=(20, 3))
    pred = np.asarray(sv.KNNClassifier(k=k).fit(X, y).predict(X_test))
    assert_shape(pred, (20,), name="predict(X_test)")
    ref = SkKNN(n_neighbors=k, algorithm="brute").fit(X, y).predict(X_test)
    wrong = int(np.sum(pred != ref))
    expect(wrong == 0, f"{wrong} of 20 predictions differ: Euclidean distance, the k closest, majority vote "
                       "(ties to the smallest label)")


@check("knn", points=2)
def test_knn_vote_tie_goes_to_smallest_label():
    X = np.array([[0.0, 1.0], [0.0, 2.0], [0.0, 3.0], [0.0, 4.0], [0.0, 50.0]])
    y = np.array([7, 3, 7, 3, 1])
    model = sv.KNNClassifier(k=2).fit(X, y)
    expect(int(model.predict(np.array([[0.0, 0.0]]))[0]) == 3,
           "k=2 neighbours with labels 7 (nearer) and 3: a tied vote goes to the smallest label")
    model = sv.KNNClassifier(k=4).fit(X, y)
    expect(int(model.predict(np.array([[0.0, 0.0]]))[0]) == 3, "a 2-2 tie among 4 neighbours goes to the smallest label")


@check("knn", points=2)
def test_knn_distance_tie_goes_to_lower_index():
    ring = np.array([[3, 4], [-3, 4], [3, -4], [-3, -4], [4, 3], [-4, 3], [4, -3], [-4, -3],
                     [5, 0], [-5, 0], [0, 5], [0, -5]], dtype=float)   # all exactly at distance 5
    far = np.random.default_rng(503).normal(size=(30, 2)) * 3 + 40
    X = np.concatenate([far[:10], ring, far[10:]])          # (42, 2): the ring starts at index 10
    y = np.concatenate([np.full(10, 1), [9, 2, 2, 8, 8, 2, 2, 2, 2, 2, 2, 2], np.full(20, 1)])
    query = np.zeros((1, 2))
    expect(int(sv.KNNClassifier(k=1).fit(X, y).predict(query)[0]) == 9,
           "k=1 with 12 neighbours at the same distance: the lowest training index wins (use a stable sort)")
    expect(int(sv.KNNClassifier(k=3).fit(X, y).predict(query)[0]) == 2,
           "k=3 with distance ties: take the 3 lowest-index points among the tied ones")


@check("knn", points=1)
def test_knn_keeps_inputs():
    rng = np.random.default_rng(504)
    X, y, X_test = rng.normal(size=(15, 2)), rng.choice([0, 1], size=15), rng.normal(size=(6, 2))
    X0, y0, T0 = X.copy(), y.copy(), X_test.copy()
    model = sv.KNNClassifier(k=3)
    expect(model.fit(X, y) is model, "fit must return self")
    model.predict(X_test)
    expect(np.array_equal(X, X0) and np.array_equal(y, y0) and np.array_equal(X_test, T0),
           "fit/predict changed an input array in place")


# ---------------------------------------------------------------------------------------------
# gaussian_nb
# ---------------------------------------------------------------------------------------------

def _nb_data(seed, n=60, n_test=14):
    rng = np.random.default_rng(seed)
    y = rng.choice([1, 4, 6], size=n)
    X = np.column_stack([rng.normal(size=n) * 100 + 10 * y,    # large scale: epsilon ~ 1e-5
                         rng.normal(size=n) * 0.003 + y,       # tiny within-class variance
                         rng.normal(size=n) + 0.5 * y,
                         rng.normal(size=n) * 2])              # (n, 4)
    X_test = np.column_stack([rng.normal(size=n_test) * 100 + 40, rng.uniform(1, 6, n_test),
                              rng.normal(size=n_test) + 2, rng.normal(size=n_test) * 2])
    return X, y, X_test


@check("gaussian_nb", points=2)
def test_gaussian_nb_parameters_match_sklearn():
    X, y, _ = _nb_data(601)
    ours = sv.GaussianNB().fit(X, y)
    ref = SkGaussianNB().fit(X, y)
    expect(np.array_equal(np.asarray(ours.classes_), ref.classes_), "classes_ should be the sorted distinct labels")
    assert_close(ours.class_prior_, ref.class_prior_, name="class_prior_", hint="class counts / n")
    assert_close(ours.theta_, ref.theta_, name="theta_", hint="per-class feature means, shape (n_classes, n_features)")
    assert_close(ours.var_, ref.var_, rtol=1e-7, atol=0, name="var_",
                 hint="per-class variance with ddof=0, plus var_smoothing * the largest variance of any feature over all of X")


@check("gaussian_nb", points=2)
def test_gaussian_nb_predictions_match_sklearn():
    X, y, X_test = _nb_data(602)
    ours = sv.GaussianNB().fit(X, y)
    ref = SkGaussianNB().fit(X, y)
    proba = ours.predict_proba(X_test)
    assert_shape(proba, (14, 3), name="predict_proba(X_test)", hint="one column per class, in classes_ order")
    assert_close(proba, ref.predict_proba(X_test), rtol=1e-6, atol=1e-10, name="predict_proba(X_test)")
    expect(np.array_equal(np.asarray(ours.predict(X_test)), ref.predict(X_test)), "predict differs from argmax of the posterior")


@check("gaussian_nb", points=1)
def test_gaussian_nb_constant_feature_in_a_class():
    rng = np.random.default_rng(603)
    y = np.repeat([0, 1], [10, 12])
    X = np.column_stack([np.where(y == 0, 2.0, rng.normal(size=22)), rng.normal(size=22) + y])
    ours = sv.GaussianNB().fit(X, y)
    ref = SkGaussianNB().fit(X, y)
    X_test = rng.normal(size=(8, 2))
    proba = ours.predict_proba(X_test)
    expect(np.all(np.isfinite(proba)), "predict_proba is not finite when a feature is constant within a class: "
                                       "add the var_smoothing epsilon to every variance")
    assert_close(proba, ref.predict_proba(X_test), rtol=1e-6, atol=1e-10, name="predict_proba(X_test)")


@check("gaussian_nb", points=1)
def test_gaussian_nb_far_points_do_not_underflow():
    X, y, _ = _nb_data(604)
    ours = sv.GaussianNB(var_smoothing=1e-3).fit(X, y)
    ref = SkGaussianNB(var_smoothing=1e-3).fit(X, y)
    X_far = np.array([[5000.0, 30.0, 40.0, -50.0], [-3000.0, -20.0, 10.0, 60.0]])
    proba = ours.predict_proba(X_far)
    expect(np.all(np.isfinite(proba)), "predict_proba gave NaN/inf far from the data: normalise the "
                                       "joint log-likelihood with log-sum-exp instead of exponentiating it")
    assert_close(proba.sum(axis=1), np.ones(2), name="rows of predict_proba")
    assert_close(proba, ref.predict_proba(X_far), rtol=1e-6, atol=1e-10, name="predict_proba(X_far)")


# ---------------------------------------------------------------------------------------------
# classification_metrics
# ---------------------------------------------------------------------------------------------

@check("classification_metrics", points=2)
def test_confusion_matrix_matches_sklearn():
    rng = np.random.default_rng(701)
    y_true = rng.choice([1, 4, 6, 9], size=50)
    y_pred = np.where(rng.random(50) < 0.6, y_true, rng.choice([1, 4, 6, 9], size=50))
    C = sv.confusion_matrix(y_true, y_pred)
    assert_shape(C, (4, 4), name="confusion_matrix")
    expect(np.issubdtype(np.asarray(C).dtype, np.integer),
           f"confusion_matrix should be an int array of counts, got dtype {np.asarray(C).dtype} "
           "(np.zeros is float unless you pass dtype=int)")
    assert_close(C, sk_confusion_matrix(y_true, y_pred), rtol=0, atol=0, name="confusion_matrix",
                 hint="rows are true labels, columns predicted labels, both in sorted label order")


@check("classification_metrics", points=1)
def test_confusion_matrix_labels_from_both_arrays():
    y_true = np.array([0, 0, 2, 2, 2])
    y_pred = np.array([0, 5, 2, 0, 5])                      # 5 only ever predicted
    C = sv.confusion_matrix(y_true, y_pred)
    assert_close(C, sk_confusion_matrix(y_true, y_pred), rtol=0, atol=0, name="confusion_matrix",
                 hint="the default labels are the sorted union of y_true and y_pred")


@check("classification_metrics", points=1)
def test_confusion_matrix_with_given_labels():
    rng = np.random.default_rng(702)
    y_true, y_pred = rng.choice([0, 1, 2, 3], size=40), rng.choice([0, 1, 2, 3], size=40)
    labels = [3, 1, 7]                                       # reordered, a subset, one absent label
    C = sv.confusion_matrix(y_true, y_pred, labels=labels)
    assert_close(C, sk_confusion_matrix(y_true, y_pred, labels=labels), rtol=0, atol=0,
                 name="confusion_matrix(labels=[3, 1, 7])",
                 hint="use the given order; skip pairs whose true or predicted label is not in labels")


@check("classification_metrics", points=2)
@pytest.mark.parametrize("seed", [703, 704, 705], ids=["case_a", "case_b", "case_c"])
def test_precision_recall_f1_matches_sklearn(seed):
    rng = np.random.default_rng(seed)
    y_true = rng.choice([0, 1], size=31, p=[0.6, 0.4])
    y_pred = np.where(rng.random(31) < 0.7, y_true, 1 - y_true)
    got = sv.precision_recall_f1(y_true, y_pred)
    p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, average="binary", pos_label=1, zero_division=0)
    assert_close(np.asarray(got, dtype=float), [p, r, f], rtol=1e-12, atol=1e-12,
                 name="(precision, recall, f1)", hint="precision = tp/(tp+fp), recall = tp/(tp+fn), f1 their harmonic mean")


@check("classification_metrics", points=2)
def test_precision_recall_f1_zero_division_is_zero():
    cases = [(np.array([0, 1, 1, 0]), np.array([0, 0, 0, 0])),   # nothing predicted positive
             (np.array([0, 0, 0]), np.array([1, 0, 1])),         # no actual positives
             (np.array([0, 0]), np.array([0, 0]))]               # neither
    for y_true, y_pred in cases:
        got = _no_runtime_warnings(lambda: sv.precision_recall_f1(y_true, y_pred), "precision_recall_f1")
        got = np.asarray(got, dtype=float)
        expect(not np.isnan(got).any(), "precision_recall_f1 returned NaN: a 0/0 ratio must be 0.0 (zero_division=0)")
        assert_close(got, [0.0, 0.0, 0.0], atol=0, name="(precision, recall, f1) with a 0/0",
                     hint="return 0.0 for any ratio whose denominator is 0")


# ---------------------------------------------------------------------------------------------
# roc_auc
# ---------------------------------------------------------------------------------------------

@check("roc_auc", points=2)
def test_roc_auc_matches_sklearn_on_continuous_scores():
    rng = np.random.default_rng(801)
    y = rng.choice([0, 1], size=37)
    scores = rng.normal(size=37) + y
    assert_close(float(sv.roc_auc(y, scores)), roc_auc_score(y, scores), rtol=1e-12, atol=1e-12, name="roc_auc")


@check("roc_auc", points=2)
@pytest.mark.parametrize("levels", [2, 4], ids=["two_levels", "four_levels"])
def test_roc_auc_handles_ties(levels):
    rng = np.random.default_rng(802 + levels)
    y = rng.choice([0, 1], size=43)
    scores = np.minimum(rng.integers(0, levels, size=43) + y, levels - 1).astype(float)   # many ties
    assert_close(float(sv.roc_auc(y, scores.copy())), roc_auc_score(y, scores), rtol=1e-12, atol=1e-12,
                 name="roc_auc with tied scores", hint="a tied positive/negative pair counts 1/2 (average ranks)")


@check("roc_auc", points=1)
def test_roc_auc_properties():
    rng = np.random.default_rng(805)
    y = np.array([0, 1] * 6 + [1, 1, 0])
    scores = rng.normal(size=15)
    auc = float(sv.roc_auc(y, scores))
    assert_close(float(sv.roc_auc(y, -scores)), 1 - auc, rtol=1e-12, atol=1e-12, name="roc_auc(y, -scores)",
                 hint="negating the scores should turn AUC into 1 - AUC")
    assert_close(float(sv.roc_auc(y, np.exp(scores))), auc, rtol=1e-12, atol=1e-12, name="roc_auc(y, exp(scores))",
                 hint="AUC depends only on the order of the scores")
    assert_close(float(sv.roc_auc(y, np.full(15, 0.3))), 0.5, atol=1e-12, name="roc_auc with all scores equal")
    assert_close(float(sv.roc_auc(y, y * 2.0 - 1)), 1.0, atol=1e-12, name="roc_auc of a perfect ranking")


@check("roc_auc", points=1)
def test_roc_auc_keeps_inputs_and_rejects_one_class():
    rng = np.random.default_rng(806)
    y, scores = rng.choice([0, 1], size=12), rng.normal(size=12)
    y[:2] = [0, 1]
    y0, s0 = y.copy(), scores.copy()
    sv.roc_auc(y, scores)
    expect(np.array_equal(y, y0) and np.array_equal(scores, s0), "roc_auc sorted or changed its inputs in place")
    with pytest.raises(ValueError):
        sv.roc_auc(np.ones(5, dtype=int), rng.normal(size=5))       # no negatives
    with pytest.raises(ValueError):
        sv.roc_auc(np.zeros(6, dtype=int), rng.normal(size=6))      # no positives


# ---------------------------------------------------------------------------------------------
# kfold
# ---------------------------------------------------------------------------------------------

def _as_folds(folds, k):
    folds = list(folds)
    expect(len(folds) == k, f"expected {k} (train_idx, test_idx) pairs, got {len(folds)}")
    return [(np.asarray(tr), np.asarray(te)) for tr, te in folds]


@check("kfold", points=2)
@pytest.mark.parametrize("n,k", [(23, 5), (10, 10), (17, 4)], ids=["n23_k5", "leave_one_out", "n17_k4"])
def test_kfold_matches_sklearn_without_shuffle(n, k):
    folds = _as_folds(sv.kfold_indices(n, k), k)
    for i, ((tr, te), (rtr, rte)) in enumerate(zip(folds, KFold(n_splits=k).split(np.zeros((n, 1))))):
        expect(np.array_equal(te, rte), f"test indices of fold {i} differ from KFold: consecutive chunks, "
                                        "the first n % k folds one larger")
        expect(np.array_equal(tr, rtr), f"train indices of fold {i} differ: all other indices, sorted")


@check("kfold", points=2)
def test_kfold_shuffle_uses_default_rng_permutation():
    n, k, seed = 26, 4, 907
    folds = _as_folds(sv.kfold_indices(n, k, shuffle=True, seed=seed), k)
    perm = np.random.default_rng(seed).permutation(n)
    bounds = np.cumsum([0, 7, 7, 6, 6])                       # 26 = 7 + 7 + 6 + 6
    for i, (tr, te) in enumerate(folds):
        expect(np.array_equal(te, perm[bounds[i]:bounds[i + 1]]),
               f"shuffled test fold {i} is not the matching chunk of np.random.default_rng(seed).permutation(n)")
        expect(np.array_equal(tr, np.sort(np.setdiff1d(perm, te))), f"shuffled train fold {i}: all other indices, sorted")
    unseeded = np.concatenate([np.asarray(te) for _, te in _as_folds(sv.kfold_indices(40, 4, shuffle=True), 4)])
    expect(not np.array_equal(unseeded, np.arange(40)),
           "shuffle=True with seed=None did not shuffle: np.random.default_rng(None) draws a fresh random seed")


@check("kfold", points=2)
@pytest.mark.parametrize("n,k,shuffle", [(31, 6, False), (29, 3, True), (12, 7, True)], ids=["n31_k6", "n29_k3_shuffled", "n12_k7_shuffled"])
def test_kfold_partition_properties(n, k, shuffle):
    folds = _as_folds(sv.kfold_indices(n, k, shuffle=shuffle, seed=908), k)
    tests = [te for _, te in folds]
    every = np.concatenate(tests)
    expect(np.array_equal(np.sort(every), np.arange(n)), "the test folds must be disjoint and cover 0..n-1 exactly once")
    sizes = np.array([len(te) for te in tests])
    expect(np.array_equal(sizes, np.array([n // k + 1] * (n % k) + [n // k] * (k - n % k))),
           "fold sizes: the first n % k folds hold n // k + 1 samples, the rest n // k")
    for i, (tr, te) in enumerate(folds):
        expect(len(np.intersect1d(tr, te)) == 0, f"fold {i}: a test index is also in train")
        expect(len(tr) + len(te) == n and np.array_equal(np.sort(np.concatenate([tr, te])), np.arange(n)),
               f"fold {i}: train and test together must be every index once")
        expect(np.issubdtype(np.asarray(te).dtype, np.integer), "indices should be integer arrays")


@check("kfold", points=1)
def test_kfold_rejects_bad_k():
    with pytest.raises(ValueError):
        sv.kfold_indices(5, 1)
    with pytest.raises(ValueError):
        sv.kfold_indices(4, 6)
