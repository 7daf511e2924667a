"""Public checks for the supervised topic: the basics. `make check TOPIC=supervised`.
The hidden checks (`make grade PHASE=2`) go further: other data, edge cases, tie-breaks, stability."""
import numpy as np
from sklearn.linear_model import LinearRegression as SkLinearRegression
from sklearn.linear_model import Ridge as SkRidge
from sklearn.metrics import confusion_matrix as sk_confusion_matrix
from sklearn.metrics import roc_auc_score
from sklearn.naive_bayes import GaussianNB as SkGaussianNB
from sklearn.neighbors import KNeighborsClassifier as SkKNN

from grader.check import assert_close, assert_shape, check, expect, learner

sv = learner("supervised")


@check("linear_regression", points=1)
def test_linear_regression_matches_sklearn():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(30, 4))
    y = X @ np.array([1.0, -2.0, 0.5, 3.0]) + 4.0 + 0.1 * rng.normal(size=30)
    model = sv.LinearRegression()
    expect(model.fit(X, y) is model, "fit must return self")
    ref = SkLinearRegression().fit(X, y)
    assert_close(model.coef_, ref.coef_, name="coef_")
    assert_close(float(model.intercept_), ref.intercept_, name="intercept_")


@check("ridge_regression", points=1)
def test_ridge_matches_sklearn():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(25, 3)) + 5.0
    y = X @ np.array([2.0, 0.0, -1.0]) + 1.0 + 0.1 * rng.normal(size=25)
    model = sv.RidgeRegression(alpha=2.0).fit(X, y)
    ref = SkRidge(alpha=2.0).fit(X, y)
    assert_close(model.coef_, ref.coef_, name="coef_")
    assert_close(float(model.intercept_), ref.intercept_, name="intercept_", hint="do not penalise the intercept")


@check("logistic_regression", points=1)
def test_sigmoid_values():
    assert_close(sv.sigmoid(np.array([-1000.0, 0.0, 1000.0])), [0.0, 0.5, 1.0], name="sigmoid")


@check("logistic_regression", points=1)
def test_logistic_first_loss_is_log2_and_loss_decreases():
    rng = np.random.default_rng(2)
    X = rng.normal(size=(40, 2))
    y = (X[:, 0] + rng.normal(size=40) > 0).astype(int)
    model = sv.LogisticRegression(lr=0.5, n_iter=50).fit(X, y)
    history = np.asarray(model.loss_history_, dtype=float)
    assert_shape(history, (50,), name="loss_history_")
    assert_close(history[0], np.log(2), name="loss_history_[0]")
    expect(history[-1] < history[0], "the loss should go down")
    assert_shape(model.predict_proba(X), (40,), name="predict_proba(X)")


@check("decision_tree", points=1)
def test_gini_and_best_split_examples():
    assert_close(float(sv.gini(np.array([0, 0, 1, 1]))), 0.5, name="gini([0, 0, 1, 1])")
    feature, threshold = sv.best_split(np.array([[1.0], [2.0], [4.0]]), np.array([0, 0, 1]))
    expect(feature == 0, "only feature 0 exists")
    assert_close(float(threshold), 3.0, name="threshold", hint="midpoint between 2 and 4")


@check("decision_tree", points=1)
def test_stump_separates_two_blobs():
    X = np.array([[0.0, 5.0], [1.0, 4.0], [2.0, 6.0], [10.0, 5.0], [11.0, 4.5]])
    y = np.array([1, 1, 1, 2, 2])
    pred = sv.DecisionTreeClassifier(max_depth=1).fit(X, y).predict(np.array([[1.5, 0.0], [9.0, 0.0]]))
    expect(list(np.asarray(pred)) == [1, 2], "a depth-1 tree should split feature 0 between 2 and 10")


@check("knn", points=1)
def test_knn_matches_sklearn():
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(30, 2)), rng.choice([0, 1, 2], size=30)
    X_test = rng.normal(size=(10, 2))
    pred = np.asarray(sv.KNNClassifier(k=3).fit(X, y).predict(X_test))
    expect(np.array_equal(pred, SkKNN(n_neighbors=3).fit(X, y).predict(X_test)), "predictions differ from sklearn")


@check("gaussian_nb", points=1)
def test_gaussian_nb_matches_sklearn():
    rng = np.random.default_rng(4)
    y = rng.choice([0, 1], size=40)
    X = rng.normal(size=(40, 3)) + y[:, None]
    ours, ref = sv.GaussianNB().fit(X, y), SkGaussianNB().fit(X, y)
    assert_close(ours.theta_, ref.theta_, name="theta_")
    assert_close(ours.var_, ref.var_, name="var_")
    assert_close(ours.predict_proba(X[:5]), ref.predict_proba(X[:5]), rtol=1e-6, name="predict_proba")


@check("classification_metrics", points=1)
def test_metrics_small_example():
    y_true, y_pred = np.array([0, 1, 1, 1, 2]), np.array([0, 0, 1, 1, 1])
    assert_close(sv.confusion_matrix(y_true, y_pred), sk_confusion_matrix(y_true, y_pred), name="confusion_matrix")
    assert_close(np.asarray(sv.precision_recall_f1([0, 1, 1, 1], [1, 1, 0, 1]), dtype=float),
                 [2 / 3, 2 / 3, 2 / 3], name="(precision, recall, f1)")


@check("roc_auc", points=1)
def test_roc_auc_small_examples():
    assert_close(float(sv.roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])), 0.75, name="roc_auc")
    y, s = np.array([0, 1, 0, 1, 1]), np.array([0.2, 0.9, 0.5, 0.3, 0.7])
    assert_close(float(sv.roc_auc(y, s)), roc_auc_score(y, s), name="roc_auc")


@check("kfold", points=1)
def test_kfold_small_example():
    folds = sv.kfold_indices(5, 2)
    expect([list(np.asarray(te)) for _, te in folds] == [[0, 1, 2], [3, 4]],
           "test folds of kfold_indices(5, 2) should be [0, 1, 2] and [3, 4]")
    expect([list(np.asarray(tr)) for tr, _ in folds] == [[3, 4], [0, 1, 2]], "train = the other indices, sorted")
