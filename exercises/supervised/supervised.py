"""Supervised learning from scratch in numpy. Brief: exercises/supervised/README.md

Conventions everywhere: X is (n_samples, n_features) float, y is (n_samples,), fit returns
self, fitted attributes end in an underscore (coef_, intercept_, ...). scikit-learn's estimator
or metric for a kata is banned inside this file; numpy (np.linalg included) is fine.
"""
import numpy as np


# --- linear_regression -----------------------------------------------------------------------

class LinearRegression:
    """Ordinary least squares with an intercept.

    After fit: coef_ (n_features,), intercept_ (float). predict(X) -> (n_samples,).
    Example: X = [[0], [1], [2]], y = 3x + 1 -> coef_ = [3.], intercept_ = 1.0
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

    Same attributes as LinearRegression. alpha=0 is ordinary least squares.
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
    predict_proba(X) -> P(y=1 | x), shape (m,). predict(X) -> 1 where proba >= 0.5 else 0.
    """

    def __init__(self, lr=0.1, n_iter=1000):
        raise NotImplementedError("logistic_regression: see exercises/supervised/README.md")

    def fit(self, X, y):
        """Run n_iter gradient steps; fill coef_, intercept_, loss_history_ (list of n_iter floats); return self."""
        raise NotImplementedError("logistic_regression: see exercises/supervised/README.md")

    def predict_proba(self, X):
        """X (m, d) -> P(y=1 | x), shape (m,)."""
        raise NotImplementedError("logistic_regression: see exercises/supervised/README.md")

    def predict(self, X):
        """X (m, d) -> int labels 0/1, shape (m,)."""
        raise NotImplementedError("logistic_regression: see exercises/supervised/README.md")


# --- decision_tree ---------------------------------------------------------------------------

def gini(y):
    """Gini impurity 1 - sum_k p_k^2 of a label array (any label values); 0.0 if empty.

    gini(np.array([0, 0, 1, 1])) -> 0.5
    """
    raise NotImplementedError("decision_tree: see exercises/supervised/README.md")


def best_split(X, y):
    """Return (feature, threshold) minimising (n_L * gini(y_L) + n_R * gini(y_R)) / n, or None.

    Left child: X[:, feature] <= threshold. Candidates: midpoints between consecutive sorted
    distinct values of each feature. Ties (within 1e-12): lowest feature, then lowest threshold.
    None when no feature has two distinct values.
    best_split(np.array([[1.], [2.], [4.]]), np.array([0, 0, 1])) -> (0, 3.0)
    """
    raise NotImplementedError("decision_tree: see exercises/supervised/README.md")


class DecisionTreeClassifier:
    """CART classifier with Gini impurity, built from best_split.

    A node is a leaf when it is pure, when its depth == max_depth (the root has depth 0;
    max_depth=None means no limit), when it holds fewer than min_samples_split samples, or when
    best_split returns None. A leaf predicts its majority label (ties: the smallest label).
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
    Ties in the vote: the smallest label wins.
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
    predict_proba(X) -> (m, C) in classes_ order; predict(X) -> labels (m,).
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

    labels=None: the sorted union of y_true and y_pred. Given labels: that order, and pairs
    with a label not in labels are not counted.
    confusion_matrix([0, 1, 1], [0, 0, 1]) -> [[1, 0], [1, 1]]
    """
    raise NotImplementedError("classification_metrics: see exercises/supervised/README.md")


def precision_recall_f1(y_true, y_pred):
    """(precision, recall, f1) as floats for the positive label 1; a 0/0 ratio is 0.0.

    precision_recall_f1([0, 1, 1, 1], [1, 1, 0, 1]) -> (0.666..., 0.666..., 0.666...)
    """
    raise NotImplementedError("classification_metrics: see exercises/supervised/README.md")


# --- roc_auc ---------------------------------------------------------------------------------

def roc_auc(y_true, scores):
    """Area under the ROC curve for labels 0/1; tied scores count 1/2. ValueError if one class.

    roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.4, 0.8]) -> 0.875
    """
    raise NotImplementedError("roc_auc: see exercises/supervised/README.md")


# --- kfold -----------------------------------------------------------------------------------

def kfold_indices(n, k, shuffle=False, seed=None):
    """List of k (train_idx, test_idx) integer arrays, like sklearn's KFold.

    idx = np.arange(n), or np.random.default_rng(seed).permutation(n) if shuffle. Test fold i
    is the i-th consecutive chunk of idx; the first n % k folds hold n // k + 1 indices, the
    others n // k. train_idx = every other index, sorted. ValueError unless 2 <= k <= n.
    [t.tolist() for _, t in kfold_indices(5, 2)] -> [[0, 1, 2], [3, 4]]
    """
    raise NotImplementedError("kfold: see exercises/supervised/README.md")
