"""Supervised learning from scratch in numpy. Brief: exercises/supervised/README.md

Conventions everywhere: X is a float64 array (n_samples, n_features), y is (n_samples,), fit
returns self, fitted attributes end in an underscore (coef_, intercept_, ...), inputs are never
changed in place. Classifier labels can be any integers (negative too); predict returns an array
of those label values with their dtype (integer labels -> integer predictions). scikit-learn's estimator
or metric for a kata is banned inside this file; numpy (np.linalg included) is fine.
"""
import numpy as np


# --- linear_regression -----------------------------------------------------------------------

class LinearRegression:
    """Ordinary least squares with an intercept.

    After fit: coef_ float64 array (n_features,), intercept_ a float (Python float or np.float64,
    not an array). predict(X) -> float64 array (n_samples,).
    Example: X = np.array([[0.], [1.], [2.]]), y = 3x + 1 -> coef_ = [3.], intercept_ = 1.0
    """

    def fit(self, X, y):
        """Fit on X (n, d), y (n,); return self."""
        raise NotImplementedError("linear_regression: see exercises/supervised/README.md")

    def predict(self, X):
        """X (m, d) -> predictions (m,)."""
        raise NotImplementedError("linear_regression: see exercises/supervised/README.md")


# --- ridge_regression ------------------------------------------------------------------------

class RidgeRegression:
    """Minimise ||y - X w - b||^2 + alpha * ||w||^2 (the intercept b is NOT penalised).

    Same attributes (and types) as LinearRegression. alpha=0 is ordinary least squares;
    RidgeRegression() means alpha=1.0.
    """

    def __init__(self, alpha=1.0):
        raise NotImplementedError("ridge_regression: see exercises/supervised/README.md")

    def fit(self, X, y):
        """Fit on X (n, d), y (n,); return self."""
        raise NotImplementedError("ridge_regression: see exercises/supervised/README.md")

    def predict(self, X):
        """X (m, d) -> predictions (m,)."""
        raise NotImplementedError("ridge_regression: see exercises/supervised/README.md")


# --- logistic_regression ---------------------------------------------------------------------

def sigmoid(z):
    """Elementwise 1 / (1 + exp(-z)), same shape as z, with no overflow warning at |z| = 1000.

    Returns a new float64 array, also for an integer z; z itself is left unchanged.

    sigmoid(np.array([-1000., 0., 1000.])) -> array([0. , 0.5, 1. ])
    """
    raise NotImplementedError("logistic_regression: see exercises/supervised/README.md")


class LogisticRegression:
    """Binary (labels 0/1) logistic regression by full-batch gradient descent.

    Start from coef_ = zeros(d), intercept_ = 0.0. Each of n_iter iterations:
        z = X @ coef_ + intercept_
        loss_history_.append(mean(logaddexp(0, z) - y * z))      # loss BEFORE the update
        p = sigmoid(z)
        coef_      -= lr * X.T @ (p - y) / n
        intercept_ -= lr * mean(p - y)
    predict_proba(X) -> P(y=1 | x), float64 shape (m,). predict(X) -> integer array (not bool):
    1 where proba >= 0.5 else 0. coef_ float64 (d,), intercept_ a float. n_iter=0 leaves the zero
    start and loss_history_ == []. LogisticRegression() means lr=0.1, n_iter=1000.
    """

    def __init__(self, lr=0.1, n_iter=1000):
        raise NotImplementedError("logistic_regression: see exercises/supervised/README.md")

    def fit(self, X, y):
        """Run n_iter gradient steps; fill coef_, intercept_, loss_history_ (a list of n_iter floats); return self."""
        raise NotImplementedError("logistic_regression: see exercises/supervised/README.md")

    def predict_proba(self, X):
        """X (m, d) -> P(y=1 | x), shape (m,)."""
        raise NotImplementedError("logistic_regression: see exercises/supervised/README.md")

    def predict(self, X):
        """X (m, d) -> int labels 0/1, shape (m,)."""
        raise NotImplementedError("logistic_regression: see exercises/supervised/README.md")


# --- decision_tree ---------------------------------------------------------------------------

def gini(y):
    """Gini impurity 1 - sum_k p_k^2 of a label array (any label values: negative, strings) as a float; 0.0 if empty.

    gini(np.array([0, 0, 1, 1])) -> 0.5
    """
    raise NotImplementedError("decision_tree: see exercises/supervised/README.md")


def best_split(X, y):
    """Return (feature, threshold) minimising (n_L * gini(y_L) + n_R * gini(y_R)) / n, or None.

    feature is an int, threshold a float. Left child: X[:, feature] <= threshold. Candidates:
    midpoints between consecutive sorted distinct values of each feature. Ties (scores within
    1e-12: compare with that tolerance): lowest feature, then lowest threshold.
    None when no feature has two distinct values.
    best_split(np.array([[1.], [2.], [4.]]), np.array([0, 0, 1])) -> (0, 3.0)
    """
    raise NotImplementedError("decision_tree: see exercises/supervised/README.md")


class DecisionTreeClassifier:
    """CART classifier with Gini impurity, built from best_split.

    A node is a leaf when it is pure, when its depth == max_depth (the root has depth 0, so
    max_depth=0 makes the root a leaf; max_depth=None means no limit), when it holds fewer than
    min_samples_split samples (exactly min_samples_split may split), or when best_split returns
    None. Otherwise it splits, even if the impurity does not drop. A leaf predicts its majority
    label (ties: the smallest label).
    """

    def __init__(self, max_depth=None, min_samples_split=2):
        raise NotImplementedError("decision_tree: see exercises/supervised/README.md")

    def fit(self, X, y):
        """Grow the tree on X (n, d), y (n,); return self."""
        raise NotImplementedError("decision_tree: see exercises/supervised/README.md")

    def predict(self, X):
        """X (m, d) -> labels (m,), values taken from the y seen in fit."""
        raise NotImplementedError("decision_tree: see exercises/supervised/README.md")


# --- knn -------------------------------------------------------------------------------------

class KNNClassifier:
    """k nearest neighbours, Euclidean distance, majority vote.

    Ties in distance: the lower training index is nearer (stable sort).
    Ties in the vote: the smallest label wins. 1 <= k <= n_train; KNNClassifier() means k=5.
    """

    def __init__(self, k=5):
        raise NotImplementedError("knn: see exercises/supervised/README.md")

    def fit(self, X, y):
        """Remember the training data; return self."""
        raise NotImplementedError("knn: see exercises/supervised/README.md")

    def predict(self, X):
        """X (m, d) -> labels (m,)."""
        raise NotImplementedError("knn: see exercises/supervised/README.md")


# --- gaussian_nb -----------------------------------------------------------------------------

class GaussianNB:
    """Gaussian naive Bayes, as sklearn.naive_bayes.GaussianNB.

    After fit: classes_ (C,) sorted, class_prior_ (C,), theta_ (C, d) means,
    var_ (C, d) = per-class variance (ddof=0) + var_smoothing * np.var(X, axis=0).max().
    predict_proba(X) -> float64 (m, C) in classes_ order; predict(X) -> labels (m,), values of classes_.
    class_prior_, theta_, var_ are float64 arrays.
    """

    def __init__(self, var_smoothing=1e-9):
        raise NotImplementedError("gaussian_nb: see exercises/supervised/README.md")

    def fit(self, X, y):
        """Estimate priors, means and smoothed variances; return self."""
        raise NotImplementedError("gaussian_nb: see exercises/supervised/README.md")

    def predict_proba(self, X):
        """X (m, d) -> posterior probabilities (m, C), rows sum to 1, never NaN."""
        raise NotImplementedError("gaussian_nb: see exercises/supervised/README.md")

    def predict(self, X):
        """X (m, d) -> the most probable class for each row, shape (m,)."""
        raise NotImplementedError("gaussian_nb: see exercises/supervised/README.md")


# --- classification_metrics ------------------------------------------------------------------

def confusion_matrix(y_true, y_pred, labels=None):
    """C[i, j] = #samples with true label labels[i] predicted as labels[j]; int array (K, K).

    y_true, y_pred (and labels) may be lists or arrays. labels=None: the sorted union of y_true
    and y_pred. Given labels: that order, and pairs with a label not in labels are not counted.
    confusion_matrix([0, 1, 1], [0, 0, 1]) -> [[1, 0], [1, 1]]
    """
    raise NotImplementedError("classification_metrics: see exercises/supervised/README.md")


def precision_recall_f1(y_true, y_pred):
    """(precision, recall, f1), a tuple of three floats (not an array), positive label 1; a 0/0 ratio is 0.0.

    precision_recall_f1([0, 1, 1, 1], [1, 1, 0, 1]) -> (0.666..., 0.666..., 0.666...)
    """
    raise NotImplementedError("classification_metrics: see exercises/supervised/README.md")


# --- roc_auc ---------------------------------------------------------------------------------

def roc_auc(y_true, scores):
    """Area under the ROC curve for labels 0/1, as a float; tied scores count 1/2. ValueError if one class.

    y_true and scores may be lists or arrays; neither is sorted or changed in place.

    roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.4, 0.8]) -> 0.875
    """
    raise NotImplementedError("roc_auc: see exercises/supervised/README.md")


# --- kfold -----------------------------------------------------------------------------------

def kfold_indices(n, k, shuffle=False, seed=None):
    """A list (not a generator) of k (train_idx, test_idx) tuples of integer arrays, like sklearn's KFold.

    idx = np.arange(n), or np.random.default_rng(seed).permutation(n) if shuffle. Test fold i
    is the i-th consecutive chunk of idx; the first n % k folds hold n // k + 1 indices, the
    others n // k. train_idx = every other index, sorted. ValueError unless 2 <= k <= n.
    [t.tolist() for _, t in kfold_indices(5, 2)] -> [[0, 1, 2], [3, 4]]
    """
    raise NotImplementedError("kfold: see exercises/supervised/README.md")
