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

from grader.check import as_number, assert_close, assert_shape, check, describe, expect, expect_number_close, expect_raises, learner

sv = learner("supervised")


def _regression_data(seed, n=40, d=5, shift=0.0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d)) * rng.uniform(0.5, 3.0, size=d) + shift
    y = X @ rng.normal(size=d) + 7.0 + 0.3 * rng.normal(size=n)
    return X, y


def _assert_scalar(value, expected, *, rtol=1e-7, atol=1e-9, name="result", hint=""):
    """A single number against the reference; the message never prints either value (no leak)."""
    expect_number_close(as_number(value, name), expected, rtol=rtol, atol=atol, name=name, hint=hint)


def _expect_float(value, name):
    expect(isinstance(value, float) and not isinstance(value, np.ndarray),
           f"{name} is {describe(value)}; the brief asks for a float (a Python float or np.float64, not an array)")


def _expect_array(value, name, dtype="float64", shape=None):
    """Type and dtype first, with their own messages, then the shape."""
    expect(isinstance(value, np.ndarray), f"{name} is {describe(value)}; the brief asks for a numpy array")
    if dtype == "int":
        expect(np.issubdtype(value.dtype, np.integer),
               f"{name} is {describe(value)}; the brief asks for an integer array (not float, not bool)")
    elif dtype is not None:
        expect(value.dtype == np.dtype(dtype), f"{name} is {describe(value)}; the brief asks for a {dtype} array")
    if shape is not None:
        assert_shape(value, shape, name=name)


def _majority(y):
    """The most frequent label, ties to the smallest (an independent reference: a dict of counts)."""
    counts = {}
    for label in np.asarray(y).tolist():
        counts[label] = counts.get(label, 0) + 1
    top = max(counts.values())
    return min(label for label, c in counts.items() if c == top)


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

@check("linear_regression", points=2, pins=["intercept"])
@pytest.mark.parametrize("shift", [0.0, 25.0], ids=["centred", "offset_features"])
def test_linear_regression_matches_sklearn(shift):
    X, y = _regression_data(101, n=40, d=5, shift=shift)
    ours = sv.LinearRegression().fit(X, y)
    ref = SkLinearRegression().fit(X, y)
    assert_shape(ours.coef_, (5,), name="coef_", hint="one weight per feature")
    assert_close(ours.coef_, ref.coef_, rtol=1e-7, atol=1e-8, name="coef_",
                 hint="solve least squares with an intercept column or on centred data")
    _assert_scalar(float(ours.intercept_), ref.intercept_, rtol=1e-7, atol=1e-8, name="intercept_",
                 hint="intercept_ = mean(y) - mean(X, axis=0) @ coef_")


@check("linear_regression", points=1, pins=["fit-returns-self"])
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


@check("linear_regression", points=1, pins=["intercept"])
def test_linear_regression_recovers_an_exact_line():
    x = np.linspace(-2, 5, 11)
    X = np.stack([x, x ** 2], axis=1)                       # (11, 2)
    y = -4.0 + 2.5 * x - 0.5 * x ** 2
    model = sv.LinearRegression().fit(X, y)
    assert_close(model.coef_, [2.5, -0.5], rtol=1e-7, atol=1e-8, name="coef_ on noise-free data")
    _assert_scalar(float(model.intercept_), -4.0, rtol=1e-7, atol=1e-8, name="intercept_ on noise-free data",
                 hint="a model without an intercept cannot fit y = -4 + ...")


@check("linear_regression", points=1, pins=["no-mutation"])
def test_linear_regression_does_not_mutate_inputs():
    X, y = _regression_data(104, n=25, d=3, shift=5.0)
    X0, y0 = X.copy(), y.copy()
    sv.LinearRegression().fit(X, y).predict(X)
    expect(np.array_equal(X, X0) and np.array_equal(y, y0),
           "fit/predict changed X or y in place: centre a copy (X - X.mean(0)), not X -= ...")


@check("linear_regression", points=1, pins=["attribute-types"])
def test_linear_regression_attribute_and_prediction_types():
    X, y = _regression_data(105, n=26, d=3, shift=1.0)
    model = sv.LinearRegression().fit(X, y)
    _expect_array(model.coef_, "coef_", "float64", (3,))
    _expect_float(model.intercept_, "intercept_")
    _expect_array(model.predict(X[:7]), "predict(X)", "float64", (7,))
    # one feature: coef_ keeps its length-1 axis, intercept_ is still a plain float
    x = np.linspace(0.0, 4.0, 9)[:, None]                   # (9, 1)
    single = sv.LinearRegression().fit(x, 2.0 * x[:, 0] - 3.0)
    _expect_array(single.coef_, "coef_ with one feature", "float64", (1,))
    _expect_float(single.intercept_, "intercept_ with one feature")
    _assert_scalar(single.coef_[0], 2.0, name="coef_ with one feature")
    _assert_scalar(single.intercept_, -3.0, name="intercept_ with one feature")


# ---------------------------------------------------------------------------------------------
# ridge_regression
# ---------------------------------------------------------------------------------------------

@check("ridge_regression", points=2, pins=["intercept-unpenalised", "alpha-as-given"])
@pytest.mark.parametrize("alpha", [0.1, 3.0, 50.0], ids=["small_alpha", "medium_alpha", "large_alpha"])
def test_ridge_matches_sklearn(alpha):
    X, y = _regression_data(201, n=30, d=6, shift=8.0)    # offset features: penalising b shows
    ours = sv.RidgeRegression(alpha=alpha).fit(X, y)
    ref = SkRidge(alpha=alpha).fit(X, y)
    assert_close(ours.coef_, ref.coef_, rtol=1e-7, atol=1e-8, name="coef_",
                 hint="minimise ||y - Xw - b||^2 + alpha ||w||^2 (alpha not scaled by n, b not penalised)")
    _assert_scalar(float(ours.intercept_), ref.intercept_, rtol=1e-7, atol=1e-8, name="intercept_",
                 hint="the intercept must not be penalised: centre X and y, then b = mean(y) - mean(X) @ w")


@check("ridge_regression", points=1, pins=["alpha-zero-is-ols"])
def test_ridge_with_zero_alpha_is_least_squares():
    X, y = _regression_data(202, n=20, d=3, shift=-4.0)
    ours = sv.RidgeRegression(alpha=0.0).fit(X, y)
    A = np.column_stack([X, np.ones(len(X))])               # (20, 4): an intercept column
    w, *_ = np.linalg.lstsq(A, y, rcond=None)
    assert_close(ours.coef_, w[:3], rtol=1e-7, atol=1e-8, name="coef_ with alpha=0")
    _assert_scalar(float(ours.intercept_), w[3], rtol=1e-7, atol=1e-8, name="intercept_ with alpha=0")


@check("ridge_regression", points=1, pins=["intercept-unpenalised"])
def test_ridge_huge_alpha_keeps_the_mean():
    X, y = _regression_data(203, n=24, d=4, shift=6.0)
    ours = sv.RidgeRegression(alpha=1e12).fit(X, y)
    expect(np.max(np.abs(ours.coef_)) < 1e-6, "with an enormous alpha every weight should shrink to ~0")
    _assert_scalar(float(ours.intercept_), y.mean(), rtol=1e-6, atol=1e-6, name="intercept_ with alpha=1e12",
                 hint="an unpenalised intercept becomes mean(y) when the weights vanish")


@check("ridge_regression", points=1, pins=["fit-returns-self", "no-mutation"])
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


@check("ridge_regression", points=1, pins=["alpha-default", "attribute-types"])
def test_ridge_default_alpha_and_attribute_types():
    X, y = _regression_data(206, n=18, d=4, shift=3.0)
    model = sv.RidgeRegression().fit(X, y)
    _expect_array(model.coef_, "coef_", "float64", (4,))
    _expect_float(model.intercept_, "intercept_")
    ref = SkRidge().fit(X, y)
    assert_close(model.coef_, ref.coef_, rtol=1e-7, atol=1e-8, name="coef_ of RidgeRegression()",
                 hint="the default is alpha=1.0")
    _assert_scalar(model.intercept_, ref.intercept_, rtol=1e-7, atol=1e-8, name="intercept_ of RidgeRegression()",
                   hint="the default is alpha=1.0")
    _expect_array(model.predict(X[:5]), "predict(X)", "float64", (5,))


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


@check("logistic_regression", points=2, pins=["sigmoid-no-overflow"])
def test_sigmoid_is_stable_at_extremes():
    z = np.array([-1000.0, -745.0, -30.0, 0.0, 30.0, 745.0, 1000.0])
    out = _no_runtime_warnings(lambda: sv.sigmoid(z.copy()), "sigmoid(z) at |z| up to 1000")
    assert_close(out, expit(z), rtol=1e-12, atol=1e-15, name="sigmoid(z)",
                 hint="use exp(-|z|), which never overflows")


@check("logistic_regression", points=1, pins=["sigmoid-float64"])
def test_sigmoid_elementwise_keeps_shape():
    z = np.random.default_rng(301).normal(size=(3, 4)) * 10
    out = sv.sigmoid(z)
    assert_shape(out, (3, 4), name="sigmoid(z)", hint="apply it elementwise")
    assert_close(out, expit(z), rtol=1e-12, atol=1e-15, name="sigmoid(z)")


@check("logistic_regression", points=2, pins=["loss-before-update", "mean-gradient-step"])
def test_logistic_gradient_steps_match_reference():
    X, y = _logistic_data(302, n=50, d=4)
    model = sv.LogisticRegression(lr=0.3, n_iter=25).fit(X, y)
    w, b, losses = _reference_gd(X, y, lr=0.3, n_iter=25)
    assert_close(model.coef_, w, rtol=1e-9, atol=1e-12, name="coef_ after 25 steps",
                 hint="start at zeros; w -= lr * X.T @ (p - y) / n (mean, not sum, and minus)")
    _assert_scalar(float(model.intercept_), b, rtol=1e-9, atol=1e-12, name="intercept_ after 25 steps",
                 hint="b -= lr * mean(p - y)")
    assert_close(np.asarray(model.loss_history_, dtype=float), losses, rtol=1e-9, atol=1e-12,
                 name="loss_history_", hint="record the mean cross-entropy before each update")


@check("logistic_regression", points=2, pins=["matches-sklearn", "proba-shape", "predict-ge-half"])
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


@check("logistic_regression", points=1, pins=["loss-before-update"])
def test_logistic_loss_history_starts_at_log2_and_decreases():
    X, y = _logistic_data(305, n=45, d=2)
    history = np.asarray(sv.LogisticRegression(lr=0.2, n_iter=200).fit(X, y).loss_history_, dtype=float)
    assert_shape(history, (200,), name="loss_history_", hint="one loss per iteration")
    _assert_scalar(history[0], np.log(2), rtol=1e-12, atol=1e-12, name="loss_history_[0]",
                 hint="weights start at zero, so every p is 0.5 and the first loss is log 2")
    expect(np.all(np.diff(history) <= 1e-12),
           "the loss went up during gradient descent: check the sign of the update and the 1/n")


@check("logistic_regression", points=1, pins=["loss-from-z", "sigmoid-no-overflow"])
def test_logistic_loss_is_finite_with_huge_logits():
    X = np.array([[-3.0], [-1.0], [1.0], [3.0], [2.0]]) * 300   # large features: overshooting GD
    y = np.array([0, 1, 0, 1, 0])
    model = _no_runtime_warnings(lambda: sv.LogisticRegression(lr=1.0, n_iter=6).fit(X, y),
                                 "fit with logits in the hundreds")
    _, _, losses = _reference_gd(X, y, lr=1.0, n_iter=6)
    assert_close(np.asarray(model.loss_history_, dtype=float), losses, rtol=1e-9, atol=1e-9,
                 name="loss_history_ with huge logits",
                 hint="compute the loss from z: mean(logaddexp(0, z) - y * z), never log(sigmoid(z))")


@check("logistic_regression", points=1, pins=["sigmoid-float64"])
def test_sigmoid_returns_a_new_float64_array():
    z = np.array([[-3, 0, 2], [5, -1, 1]])                  # integers
    z0 = z.copy()
    out = sv.sigmoid(z)
    _expect_array(out, "sigmoid(integer z)", "float64", (2, 3))
    assert_close(out, expit(z0.astype(float)), rtol=1e-12, atol=1e-15, name="sigmoid(integer z)",
                 hint="an output array made like z (np.empty_like, np.zeros_like) is an integer array: truncated")
    expect(np.array_equal(z, z0), "sigmoid changed z in place")
    w = np.random.default_rng(306).normal(size=7) * 4
    w0 = w.copy()
    out = sv.sigmoid(w)
    expect(not np.shares_memory(out, w), "sigmoid(z) wrote its result into z: return a new array")
    expect(np.array_equal(w, w0), "sigmoid changed z in place")


@check("logistic_regression", points=1, pins=["defaults"])
def test_logistic_default_lr_and_n_iter():
    X, y = _logistic_data(307, n=40, d=3)
    model = sv.LogisticRegression().fit(X, y)
    history = model.loss_history_
    expect(len(history) == 1000, "LogisticRegression() should run n_iter=1000 steps (one loss per step)")
    w, b, _ = _reference_gd(X, y, lr=0.1, n_iter=1000)
    assert_close(model.coef_, w, rtol=1e-8, atol=1e-10, name="coef_ of LogisticRegression()",
                 hint="the defaults are lr=0.1, n_iter=1000")
    _assert_scalar(model.intercept_, b, rtol=1e-8, atol=1e-10, name="intercept_ of LogisticRegression()",
                   hint="the defaults are lr=0.1, n_iter=1000")


@check("logistic_regression", points=1, pins=["n-iter-zero", "history-list", "attribute-types"])
def test_logistic_zero_and_one_iteration_and_types():
    X, y = _logistic_data(308, n=30, d=4)
    none = sv.LogisticRegression(lr=0.4, n_iter=0).fit(X, y)
    history = none.loss_history_
    expect(isinstance(history, list), f"loss_history_ is {describe(history)}; the brief asks for a list")
    expect(len(history) == 0, "with n_iter=0 nothing runs: loss_history_ should be empty")
    _expect_array(none.coef_, "coef_ after n_iter=0", "float64", (4,))
    expect(np.all(none.coef_ == 0), "with n_iter=0 coef_ stays at its start, zeros(d)")
    _expect_float(none.intercept_, "intercept_ after n_iter=0")
    expect(none.intercept_ == 0.0, "with n_iter=0 intercept_ stays at its start, 0.0")
    proba = none.predict_proba(X[:6])
    _expect_array(proba, "predict_proba(X)", "float64", (6,))
    expect(np.all(proba == 0.5), "with zero weights every probability is 0.5")
    one = sv.LogisticRegression(lr=0.4, n_iter=1).fit(X, y)
    history = one.loss_history_
    expect(isinstance(history, list), f"loss_history_ is {describe(history)}; the brief asks for a list")
    expect(len(history) == 1, "with n_iter=1 loss_history_ holds exactly one loss")
    _expect_float(history[0], "loss_history_[0]")
    _assert_scalar(history[0], np.log(2), rtol=1e-12, atol=1e-12, name="loss_history_[0] with n_iter=1",
                   hint="the loss before the first update, at zero weights")
    assert_close(one.coef_, -0.4 * X.T @ (0.5 - y) / len(y), rtol=1e-12, atol=1e-14, name="coef_ after one step",
                 hint="one step from zeros: coef_ = -lr * X.T @ (0.5 - y) / n")
    _expect_float(one.intercept_, "intercept_ after one step")
    _assert_scalar(one.intercept_, -0.4 * np.mean(0.5 - y), rtol=1e-12, atol=1e-14, name="intercept_ after one step")


@check("logistic_regression", points=1, pins=["predict-int", "proba-shape"])
def test_logistic_predict_is_an_integer_array():
    X, y = _logistic_data(309, n=36, d=2)
    model = sv.LogisticRegression(lr=0.5, n_iter=40).fit(X, y)
    X_new = np.random.default_rng(310).normal(size=(11, 2)) * 2
    proba = model.predict_proba(X_new)
    _expect_array(proba, "predict_proba(X_new)", "float64", (11,))
    pred = model.predict(X_new)
    _expect_array(pred, "predict(X_new)", "int", (11,))
    expect(np.array_equal(pred, (proba >= 0.5).astype(int)), "predict must be 1 where predict_proba >= 0.5, else 0")


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


@check("decision_tree", points=1, pins=["gini-proportions", "gini-any-labels"])
@pytest.mark.parametrize("labels", [[0, 1], [-2, 5, 11], [4, 1, 8, 2]], ids=["binary", "three_classes", "four_classes"])
def test_gini_matches_definition(labels):
    rng = np.random.default_rng(401 + len(labels))
    y = rng.choice(labels, size=29)
    value = sv.gini(y)
    _assert_scalar(float(value), _gini_reference(y), rtol=1e-12, atol=1e-12, name="gini(y)",
                 hint="1 - sum of squared class *proportions* (counts / n)")


@check("decision_tree", points=1, pins=["gini-float-empty"])
def test_gini_edge_cases():
    _assert_scalar(float(sv.gini(np.array([6, 6, 6]))), 0.0, atol=1e-12, name="gini of a pure node")
    _assert_scalar(float(sv.gini(np.array([], dtype=int))), 0.0, atol=1e-12, name="gini of an empty node",
                 hint="an empty array has impurity 0.0 (no 0/0)")
    _assert_scalar(float(sv.gini(np.array([1, 2, 3, 4]))), 0.75, atol=1e-12, name="gini of four distinct labels")


@check("decision_tree", points=2, pins=["midpoints", "left-is-le"])
@pytest.mark.parametrize("seed", [402, 403], ids=["data_a", "data_b"])
def test_best_split_matches_a_sklearn_stump(seed):
    X, y, _ = _tree_data(seed, n=40, d=3)
    split = sv.best_split(X.copy(), y.copy())
    expect(split is not None and len(split) == 2, "best_split should return a (feature, threshold) pair")
    stump = SkTree(max_depth=1, random_state=0).fit(X, y).tree_
    expect(int(split[0]) == int(stump.feature[0]), "best_split chose a different feature than CART with Gini would")
    _assert_scalar(float(split[1]), float(stump.threshold[0]), rtol=0, atol=1e-9, name="threshold",
                 hint="the threshold is the midpoint between two consecutive sorted distinct values")


@check("decision_tree", points=2, pins=["split-ties"])
def test_best_split_pinned_tie_breaks():
    x = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0])
    y = np.array([0, 0, 1, 1, 1, 0, 0])
    # two identical columns: every score ties across features -> lowest feature index
    split = sv.best_split(np.stack([x, x], axis=1), y)
    expect(split is not None and int(split[0]) == 0, "on a tie between features, pick the lowest feature index")
    # thresholds 2.5 and 5.5 give the same impurity -> the lowest threshold
    _assert_scalar(float(split[1]), 2.5, atol=1e-12, name="threshold on a tie",
                 hint="on a tie between thresholds of one feature, pick the lowest")
    # a constant feature offers no split: the best is on feature 1
    split = sv.best_split(np.stack([np.full(7, 3.0), x], axis=1), y)
    expect(split is not None and int(split[0]) == 1, "a constant feature has no candidate threshold")


@check("decision_tree", points=1, pins=["split-none"])
def test_best_split_none_when_nothing_varies():
    X = np.tile(np.array([[1.0, -2.0]]), (5, 1))             # (5, 2) identical rows
    expect(sv.best_split(X, np.array([0, 1, 0, 1, 1])) is None,
           "best_split should return None when no feature has two distinct values")


@check("decision_tree", points=2, pins=["matches-cart", "root-depth-zero", "no-mutation"])
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


@check("decision_tree", points=1, pins=["leaf-tie-smallest"])
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


@check("decision_tree", points=1, pins=["fit-returns-self", "label-values"])
def test_unlimited_tree_fits_training_data():
    X, y, _ = _tree_data(405, n=50, d=3)
    model = sv.DecisionTreeClassifier()
    expect(model.fit(X, y) is model, "fit must return self")
    pred = np.asarray(model.predict(X))
    expect(np.array_equal(pred, y), "with max_depth=None the tree should split until every leaf is pure, "
                                    "and predict the original label values")


def _exact_best_split(X, y):
    """Independent reference: exact (Fraction) weighted Gini of every midpoint, ties by (feature, threshold)."""
    from fractions import Fraction

    def impurity(labels):
        n = len(labels)
        if n == 0:
            return Fraction(0)
        counts = {}
        for v in labels:
            counts[v] = counts.get(v, 0) + 1
        return 1 - sum(Fraction(c, n) ** 2 for c in counts.values())

    y, n, best = np.asarray(y).tolist(), len(y), None
    for feature in range(X.shape[1]):
        values = sorted(set(X[:, feature].tolist()))
        for a, b in zip(values[:-1], values[1:]):
            threshold = (a + b) / 2
            left = [lab for x, lab in zip(X[:, feature].tolist(), y) if x <= threshold]
            right = [lab for x, lab in zip(X[:, feature].tolist(), y) if x > threshold]
            score = (len(left) * impurity(left) + len(right) * impurity(right)) / n
            if best is None or score < best[0]:
                best = (score, feature, threshold)
    return None if best is None else (best[1], best[2])


@check("decision_tree", points=1, pins=["split-types", "gini-float-empty", "gini-any-labels"])
def test_gini_and_best_split_return_types():
    empty = sv.gini(np.array([], dtype=int))
    _expect_float(empty, "gini of an empty array")
    expect(empty == 0.0, "gini of an empty array is 0.0")
    words = sv.gini(np.array(["b", "a", "b", "c", "b"]))
    _expect_float(words, "gini of string labels")
    _assert_scalar(words, 1 - (9 + 1 + 1) / 25, rtol=1e-12, atol=1e-12, name="gini of string labels",
                   hint="labels can be any values: count each distinct one (np.unique), no np.bincount")
    split = sv.best_split(np.array([[1.0, 5.0], [2.0, 3.0], [4.0, 1.0]]), np.array([0, 0, 1]))
    expect(isinstance(split, tuple), f"best_split returns {describe(split)}; the brief asks for a (feature, threshold) tuple")
    expect(len(split) == 2, "best_split should return a pair (feature, threshold)")
    feature, threshold = split
    expect(isinstance(feature, (int, np.integer)) and not isinstance(feature, (bool, np.bool_)),
           f"the feature of best_split is {describe(feature)}; the brief asks for an int")
    _expect_float(threshold, "the threshold of best_split")


@check("decision_tree", points=2, pins=["midpoints", "split-ties"])
@pytest.mark.parametrize("seed", [406, 407, 408], ids=["data_a", "data_b", "data_c"])
def test_best_split_with_duplicated_values_and_ties(seed):
    rng = np.random.default_rng(seed)
    X = rng.integers(0, 5, size=(21, 3)).astype(float) * 0.5 - 1.0   # (21, 3): many repeated values
    y = rng.choice([-1, 2, 4], size=21)
    split = sv.best_split(X.copy(), y.copy())
    want = _exact_best_split(X, y)
    expect(split is not None and len(split) == 2, "best_split should return a (feature, threshold) pair")
    expect(int(split[0]) == want[0], "best_split chose another feature: with repeated values, candidates are the "
                                     "midpoints of the sorted DISTINCT values; ties go to the lowest feature")
    _assert_scalar(split[1], want[1], rtol=0, atol=1e-9, name="threshold",
                   hint="midpoints between consecutive distinct values (np.unique), ties to the lowest threshold")


@check("decision_tree", points=1, pins=["split-tie-tolerance"])
def test_best_split_tie_within_rounding():
    # the best weighted Gini is 2/5 for feature 0 (threshold 8.5) and for feature 1 (threshold 4.5),
    # but summed in floating point the second comes out one ulp lower: only a tolerance finds the tie
    X = np.array([[2, 2], [8, 0], [7, 5], [0, 6], [4, 8], [5, 4], [9, 7], [3, 1], [1, 9], [6, 3]], dtype=float)
    y = np.array([0, 0, 0, 0, 0, 2, 1, 2, 0, 2])
    split = sv.best_split(X, y)
    expect(split is not None and int(split[0]) == 0,
           "two splits tie exactly but their float scores differ in the last bit: a score counts as better "
           "only when it is lower by more than 1e-12, so the lowest feature keeps the tie")
    _assert_scalar(split[1], 8.5, rtol=0, atol=1e-9, name="threshold on a tie within rounding")


@check("decision_tree", points=1, pins=["max-depth-zero", "min-samples-split"])
def test_tree_depth_zero_and_min_samples_split_boundary():
    X, y, X_test = _tree_data(409, n=30, d=3, n_test=9)
    pred = np.asarray(sv.DecisionTreeClassifier(max_depth=0).fit(X, y).predict(X_test))
    expect(np.array_equal(pred, np.full(9, _majority(y))),
           "max_depth=0 makes the root a leaf: every prediction is the majority label (0 is not 'no limit')")
    X4, y4 = np.array([[0.0], [1.0], [2.0], [3.0]]), np.array([5, 5, 2, 2])
    pred = np.asarray(sv.DecisionTreeClassifier(min_samples_split=4).fit(X4, y4).predict(X4))
    expect(np.array_equal(pred, y4), "a node with exactly min_samples_split samples may split: only FEWER "
                                     "samples make it a leaf")


@check("decision_tree", points=1, pins=["always-split"])
def test_tree_splits_even_without_impurity_gain():
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]] * 2)   # XOR: no single split helps
    y = np.array([0, 1, 1, 0] * 2)
    for depth in (2, None):
        pred = np.asarray(sv.DecisionTreeClassifier(max_depth=depth).fit(X, y).predict(X))
        expect(np.array_equal(pred, y), "on XOR the first split does not lower the Gini impurity, but the tree "
                                        "must still split: only purity, depth, min_samples_split or None stop it")


@check("decision_tree", points=1, pins=["label-values", "any-integer-labels", "no-mutation"])
def test_tree_negative_labels_and_prediction_dtype():
    X, y, X_test = _tree_data(410, n=60, d=3, n_test=25)
    y = np.array([-4, 0, 5])[np.searchsorted([3, 7, 9], y)]    # the same classes, renamed to {-4, 0, 5}
    X0, y0 = X.copy(), y.copy()
    model = sv.DecisionTreeClassifier(max_depth=3).fit(X, y)
    expect(np.array_equal(X, X0) and np.array_equal(y, y0), "fit changed X or y in place")
    pred = model.predict(X_test)
    _expect_array(pred, "predict(X_test)", "int", (25,))
    ref = SkTree(max_depth=3, random_state=0).fit(X, y).predict(X_test)
    wrong = int(np.sum(pred != ref))
    expect(wrong == 0, f"{wrong} of 25 predictions differ from CART with labels -4, 0, 5: labels are any integers "
                       "(count them with np.unique, not np.bincount) and predictions are those label values")


@check("decision_tree", points=1, pins=["split-none", "leaf-tie-smallest"])
def test_tree_on_rows_that_no_feature_separates_is_a_leaf():
    X = np.tile([[1.5, -2.0, 0.0]], (6, 1))           # six identical rows: best_split has no split to offer
    for y, label in [(np.array([7, 3, 7, 3, 7, 9]), 7), (np.array([5, -1, 5, -1, 2, 2]), -1)]:
        model = sv.DecisionTreeClassifier().fit(X, y)
        pred = model.predict(np.array([[0.0, 0.0, 0.0], [1.5, -2.0, 0.0], [9.0, 9.0, 9.0]]))
        _expect_array(pred, "predict(X)", "int", (3,))
        expect(np.array_equal(pred, [label] * 3),
               "with rows no feature separates, the root is a leaf: it predicts the majority label "
               "(ties: the smallest) for every point")


# ---------------------------------------------------------------------------------------------
# knn
# ---------------------------------------------------------------------------------------------

@check("knn", points=2, pins=["euclidean"])
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


@check("knn", points=2, pins=["vote-tie-smallest"])
def test_knn_vote_tie_goes_to_smallest_label():
    X = np.array([[0.0, 1.0], [0.0, 2.0], [0.0, 3.0], [0.0, 4.0], [0.0, 50.0]])
    y = np.array([7, 3, 7, 3, 1])
    model = sv.KNNClassifier(k=2).fit(X, y)
    expect(int(model.predict(np.array([[0.0, 0.0]]))[0]) == 3,
           "k=2 neighbours with labels 7 (nearer) and 3: a tied vote goes to the smallest label")
    model = sv.KNNClassifier(k=4).fit(X, y)
    expect(int(model.predict(np.array([[0.0, 0.0]]))[0]) == 3, "a 2-2 tie among 4 neighbours goes to the smallest label")


@check("knn", points=2, pins=["distance-tie-lower-index"])
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


@check("knn", points=1, pins=["fit-returns-self", "no-mutation"])
def test_knn_keeps_inputs():
    rng = np.random.default_rng(504)
    X, y, X_test = rng.normal(size=(15, 2)), rng.choice([0, 1], size=15), rng.normal(size=(6, 2))
    X0, y0, T0 = X.copy(), y.copy(), X_test.copy()
    model = sv.KNNClassifier(k=3)
    expect(model.fit(X, y) is model, "fit must return self")
    model.predict(X_test)
    expect(np.array_equal(X, X0) and np.array_equal(y, y0) and np.array_equal(X_test, T0),
           "fit/predict changed an input array in place")


@check("knn", points=1, pins=["k-default", "k-range"])
def test_knn_default_k_and_k_equal_to_n():
    rng = np.random.default_rng(505)
    X, y = rng.normal(size=(24, 3)), rng.choice([1, 4, 6], size=24)
    X_test = rng.normal(size=(9, 3))
    pred = np.asarray(sv.KNNClassifier().fit(X, y).predict(X_test))
    ref = SkKNN(n_neighbors=5, algorithm="brute").fit(X, y).predict(X_test)
    expect(np.array_equal(pred, ref), "KNNClassifier() should use k=5 neighbours")
    pred = np.asarray(sv.KNNClassifier(k=24).fit(X, y).predict(X_test))
    expect(np.array_equal(pred, np.full(9, _majority(y))),
           "with k = the number of training points every point votes: each prediction is the overall majority "
           "(np.argpartition needs k < n; a stable argsort works for every k)")


@check("knn", points=1, pins=["label-values", "any-integer-labels"])
def test_knn_negative_labels_and_prediction_dtype():
    rng = np.random.default_rng(506)
    X = rng.normal(size=(40, 2))
    y = rng.choice([-7, -1, 3], size=40)
    X_test = rng.normal(size=(15, 2))
    pred = sv.KNNClassifier(k=4).fit(X, y).predict(X_test)
    _expect_array(pred, "predict(X_test)", "int", (15,))
    ref = SkKNN(n_neighbors=4, algorithm="brute").fit(X, y).predict(X_test)
    wrong = int(np.sum(pred != ref))
    expect(wrong == 0, f"{wrong} of 15 predictions differ with labels -7, -1, 3: labels are any integers "
                       "(count votes with np.unique, not np.bincount), ties to the smallest label")


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


@check("gaussian_nb", points=2, pins=["classes-sorted", "variance-ddof0", "epsilon-largest-variance"])
def test_gaussian_nb_parameters_match_sklearn():
    X, y, _ = _nb_data(601)
    ours = sv.GaussianNB().fit(X, y)
    ref = SkGaussianNB().fit(X, y)
    expect(np.array_equal(np.asarray(ours.classes_), ref.classes_), "classes_ should be the sorted distinct labels")
    assert_close(ours.class_prior_, ref.class_prior_, name="class_prior_", hint="class counts / n")
    assert_close(ours.theta_, ref.theta_, name="theta_", hint="per-class feature means, shape (n_classes, n_features)")
    assert_close(ours.var_, ref.var_, rtol=1e-7, atol=0, name="var_",
                 hint="per-class variance with ddof=0, plus var_smoothing * the largest variance of any feature over all of X")


@check("gaussian_nb", points=2, pins=["proba-order"])
def test_gaussian_nb_predictions_match_sklearn():
    X, y, X_test = _nb_data(602)
    ours = sv.GaussianNB().fit(X, y)
    ref = SkGaussianNB().fit(X, y)
    proba = ours.predict_proba(X_test)
    assert_shape(proba, (14, 3), name="predict_proba(X_test)", hint="one column per class, in classes_ order")
    assert_close(proba, ref.predict_proba(X_test), rtol=1e-6, atol=1e-10, name="predict_proba(X_test)")
    expect(np.array_equal(np.asarray(ours.predict(X_test)), ref.predict(X_test)), "predict differs from argmax of the posterior")


@check("gaussian_nb", points=1, pins=["epsilon-largest-variance"])
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


@check("gaussian_nb", points=1, pins=["never-nan"])
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


@check("gaussian_nb", points=1, pins=["float64-arrays", "any-integer-labels", "predict-class-value",
                                       "classes-sorted", "fit-returns-self", "no-mutation"])
def test_gaussian_nb_types_labels_and_inputs():
    X, y, X_test = _nb_data(605, n=45, n_test=10)
    y = np.array([-2, 3, 10])[np.searchsorted([1, 4, 6], y)]    # renamed classes: negative, not consecutive
    X0, y0, T0 = X.copy(), y.copy(), X_test.copy()
    model = sv.GaussianNB()
    expect(model.fit(X, y) is model, "fit must return self")
    ref = SkGaussianNB().fit(X0, y0)
    expect(np.array_equal(np.asarray(model.classes_), [-2, 3, 10]), "classes_ should be the sorted distinct labels")
    _expect_array(model.class_prior_, "class_prior_", "float64", (3,))
    _expect_array(model.theta_, "theta_", "float64", (3, 4))
    _expect_array(model.var_, "var_", "float64", (3, 4))
    proba = model.predict_proba(X_test)
    _expect_array(proba, "predict_proba(X_test)", "float64", (10, 3))
    pred = model.predict(X_test)
    _expect_array(pred, "predict(X_test)", "int", (10,))
    expect(np.array_equal(pred, ref.predict(X_test)),
           "predict should return values of classes_ (here -2, 3, 10), not column indices")
    expect(np.array_equal(X, X0) and np.array_equal(y, y0) and np.array_equal(X_test, T0),
           "fit or predict changed an input array in place: work on copies")


# ---------------------------------------------------------------------------------------------
# classification_metrics
# ---------------------------------------------------------------------------------------------

@check("classification_metrics", points=2, pins=["rows-are-true", "int-counts"])
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


@check("classification_metrics", points=1, pins=["default-labels-union"])
def test_confusion_matrix_labels_from_both_arrays():
    y_true = np.array([0, 0, 2, 2, 2])
    y_pred = np.array([0, 5, 2, 0, 5])                      # 5 only ever predicted
    C = sv.confusion_matrix(y_true, y_pred)
    assert_close(C, sk_confusion_matrix(y_true, y_pred), rtol=0, atol=0, name="confusion_matrix",
                 hint="the default labels are the sorted union of y_true and y_pred")


@check("classification_metrics", points=1, pins=["given-labels"])
def test_confusion_matrix_with_given_labels():
    rng = np.random.default_rng(702)
    y_true, y_pred = rng.choice([0, 1, 2, 3], size=40), rng.choice([0, 1, 2, 3], size=40)
    labels = [3, 1, 7]                                       # reordered, a subset, one absent label
    C = sv.confusion_matrix(y_true, y_pred, labels=labels)
    assert_close(C, sk_confusion_matrix(y_true, y_pred, labels=labels), rtol=0, atol=0,
                 name="confusion_matrix(labels=[3, 1, 7])",
                 hint="use the given order; skip pairs whose true or predicted label is not in labels")


@check("classification_metrics", points=2, pins=["positive-label-1"])
@pytest.mark.parametrize("seed", [703, 704, 705], ids=["case_a", "case_b", "case_c"])
def test_precision_recall_f1_matches_sklearn(seed):
    rng = np.random.default_rng(seed)
    y_true = rng.choice([0, 1], size=31, p=[0.6, 0.4])
    y_pred = np.where(rng.random(31) < 0.7, y_true, 1 - y_true)
    got = sv.precision_recall_f1(y_true, y_pred)
    p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, average="binary", pos_label=1, zero_division=0)
    assert_close(np.asarray(got, dtype=float), [p, r, f], rtol=1e-12, atol=1e-12,
                 name="(precision, recall, f1)", hint="precision = tp/(tp+fp), recall = tp/(tp+fn), f1 their harmonic mean")


@check("classification_metrics", points=2, pins=["zero-division"])
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


@check("classification_metrics", points=1, pins=["list-inputs", "given-labels", "int-counts"])
def test_confusion_matrix_lists_and_edge_labels():
    y_true, y_pred = [2, 0, 2, 1, 0, 2], [2, 2, 0, 1, 0, 1]
    C = sv.confusion_matrix(y_true, y_pred)
    _expect_array(C, "confusion_matrix of lists", "int", (3, 3))
    expect(np.array_equal(C, sk_confusion_matrix(y_true, y_pred)), "confusion_matrix of two lists differs from the "
                                                                   "reference: accept lists as well as arrays")
    C = sv.confusion_matrix(y_true, y_pred, labels=np.array([2, 0]))   # labels as an array, reordered
    _expect_array(C, "confusion_matrix(labels=np.array([2, 0]))", "int", (2, 2))
    expect(np.array_equal(C, sk_confusion_matrix(y_true, y_pred, labels=[2, 0])),
           "confusion_matrix with labels given as a numpy array differs: use that order, skip other labels")
    C = sv.confusion_matrix(np.array(y_true), np.array(y_pred), labels=np.array([8, 9]))
    _expect_array(C, "confusion_matrix(labels=[8, 9])", "int", (2, 2))
    expect(np.all(C == 0), "no sample has a label in labels=[8, 9]: every count is 0")
    C = sv.confusion_matrix(y_true, y_pred, labels=[2])
    _expect_array(C, "confusion_matrix(labels=[2])", "int", (1, 1))
    expect(int(C[0, 0]) == 1, "with labels=[2] only the pairs (2, 2) are counted")


@check("classification_metrics", points=1, pins=["prf-tuple-of-floats", "zero-division", "list-inputs"])
def test_precision_recall_f1_returns_a_tuple_of_floats():
    for y_true, y_pred in [([1, 0, 1, 1, 0], [1, 1, 0, 1, 0]),        # ordinary
                           ([1, 1, 0, 0], [0, 0, 1, 1]),              # tp = 0: precision and recall are 0, f1 0/0
                           ([1, 0, 1, 0], [1, 1, 0, 0]),              # tp = fp = fn = 1: all three are 0.5
                           ([0, 0, 0], [0, 0, 0])]:                   # every denominator 0
        got = _no_runtime_warnings(lambda: sv.precision_recall_f1(y_true, y_pred), "precision_recall_f1")
        expect(isinstance(got, tuple), f"precision_recall_f1 returns {describe(got)}; the brief asks for a tuple "
                                       "(precision, recall, f1)")
        expect(len(got) == 3, "precision_recall_f1 should return three numbers")
        for name, value in zip(("precision", "recall", "f1"), got):
            _expect_float(value, name)
        p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, average="binary", pos_label=1, zero_division=0)
        for name, value, want in zip(("precision", "recall", "f1"), got, (p, r, f)):
            _assert_scalar(value, want, rtol=1e-12, atol=1e-12, name=name, hint="a 0/0 ratio is 0.0")


# ---------------------------------------------------------------------------------------------
# roc_auc
# ---------------------------------------------------------------------------------------------

@check("roc_auc", points=2, pins=["matches-sklearn"])
def test_roc_auc_matches_sklearn_on_continuous_scores():
    rng = np.random.default_rng(801)
    y = rng.choice([0, 1], size=37)
    scores = rng.normal(size=37) + y
    _assert_scalar(float(sv.roc_auc(y, scores)), roc_auc_score(y, scores), rtol=1e-12, atol=1e-12, name="roc_auc")


@check("roc_auc", points=2, pins=["tie-half"])
@pytest.mark.parametrize("levels", [2, 4], ids=["two_levels", "four_levels"])
def test_roc_auc_handles_ties(levels):
    rng = np.random.default_rng(802 + levels)
    y = rng.choice([0, 1], size=43)
    scores = np.minimum(rng.integers(0, levels, size=43) + y, levels - 1).astype(float)   # many ties
    _assert_scalar(float(sv.roc_auc(y, scores.copy())), roc_auc_score(y, scores), rtol=1e-12, atol=1e-12,
                 name="roc_auc with tied scores", hint="a tied positive/negative pair counts 1/2 (average ranks)")


@check("roc_auc", points=1, pins=["tie-half"])
def test_roc_auc_properties():
    rng = np.random.default_rng(805)
    y = np.array([0, 1] * 6 + [1, 1, 0])
    scores = rng.normal(size=15)
    auc = float(sv.roc_auc(y, scores))
    _assert_scalar(float(sv.roc_auc(y, -scores)), 1 - auc, rtol=1e-12, atol=1e-12, name="roc_auc(y, -scores)",
                 hint="negating the scores should turn AUC into 1 - AUC")
    _assert_scalar(float(sv.roc_auc(y, np.exp(scores))), auc, rtol=1e-12, atol=1e-12, name="roc_auc(y, exp(scores))",
                 hint="AUC depends only on the order of the scores")
    _assert_scalar(float(sv.roc_auc(y, np.full(15, 0.3))), 0.5, atol=1e-12, name="roc_auc with all scores equal")
    _assert_scalar(float(sv.roc_auc(y, y * 2.0 - 1)), 1.0, atol=1e-12, name="roc_auc of a perfect ranking")


@check("roc_auc", points=1, pins=["no-sort-in-place", "one-class-error"])
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


@check("roc_auc", points=1, pins=["returns-float", "list-inputs"])
def test_roc_auc_returns_a_float_and_takes_lists():
    y, s = [1, 0, 0, 1, 1, 0, 1], [3, 1, 2, 2, 5, 0, 4]      # lists, integer scores, one tie across classes
    auc = sv.roc_auc(y, s)
    _expect_float(auc, "roc_auc of lists")
    _assert_scalar(auc, roc_auc_score(y, s), rtol=1e-12, atol=1e-12, name="roc_auc of lists with integer scores",
                   hint="accept lists (np.asarray them) and integer scores")


# ---------------------------------------------------------------------------------------------
# kfold
# ---------------------------------------------------------------------------------------------

def _as_folds(folds, k):
    folds = list(folds)
    expect(len(folds) == k, f"expected {k} (train_idx, test_idx) pairs, got {len(folds)}")
    return [(np.asarray(tr), np.asarray(te)) for tr, te in folds]


@check("kfold", points=2, pins=["consecutive-chunks", "first-folds-larger", "train-sorted"])
@pytest.mark.parametrize("n,k", [(23, 5), (10, 10), (17, 4)], ids=["n23_k5", "leave_one_out", "n17_k4"])
def test_kfold_matches_sklearn_without_shuffle(n, k):
    folds = _as_folds(sv.kfold_indices(n, k), k)
    for i, ((tr, te), (rtr, rte)) in enumerate(zip(folds, KFold(n_splits=k).split(np.zeros((n, 1))))):
        expect(np.array_equal(te, rte), f"test indices of fold {i} differ from KFold: consecutive chunks, "
                                        "the first n % k folds one larger")
        expect(np.array_equal(tr, rtr), f"train indices of fold {i} differ: all other indices, sorted")


@check("kfold", points=2, pins=["shuffle-default-rng"])
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


@check("kfold", points=2, pins=["first-folds-larger"])
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


@check("kfold", points=1, pins=["bad-k"])
def test_kfold_rejects_bad_k():
    with pytest.raises(ValueError):
        sv.kfold_indices(5, 1)
    with pytest.raises(ValueError):
        sv.kfold_indices(4, 6)


@check("kfold", points=1, pins=["list-of-pairs"])
def test_kfold_returns_a_list_of_integer_array_pairs():
    folds = sv.kfold_indices(11, 3, shuffle=True, seed=3)
    expect(isinstance(folds, list), f"kfold_indices returns {describe(folds)}; the brief asks for a list")
    expect(len(folds) == 3, "kfold_indices(11, 3) should hold 3 pairs")
    for i, pair in enumerate(folds):
        expect(isinstance(pair, (tuple, list)) and len(pair) == 2, f"fold {i} should be a pair (train_idx, test_idx)")
        for name, part in zip(("train_idx", "test_idx"), pair):
            _expect_array(part, f"{name} of fold {i}", "int")


@check("kfold", points=1, pins=["shuffle-default-rng", "consecutive-chunks"])
def test_kfold_seed_without_shuffle_changes_nothing():
    folds = _as_folds(sv.kfold_indices(10, 3, shuffle=False, seed=5), 3)
    for i, ((tr, te), (rtr, rte)) in enumerate(zip(folds, KFold(n_splits=3).split(np.zeros((10, 1))))):
        expect(np.array_equal(te, rte) and np.array_equal(tr, rtr),
               f"fold {i} with shuffle=False and a seed: the seed is used only when shuffle is True")
