"""Supervised learning from scratch in numpy: the reference solutions.

Every model follows scikit-learn's shape conventions: ``X`` is ``(n_samples, n_features)``,
``y`` is ``(n_samples,)``, ``fit`` returns ``self``, fitted attributes end in ``_``.
"""
import numpy as np


# ---------------------------------------------------------------------------------------------
# linear_regression
# ---------------------------------------------------------------------------------------------

class LinearRegression:
    """Ordinary least squares with an intercept.

    Minimises ``||y - X @ coef_ - intercept_||^2``. Centring X and y removes the intercept from
    the problem; it is recovered afterwards as ``mean(y) - mean(X) @ coef_``.

    >>> X = np.array([[0.0], [1.0], [2.0]]); y = 3 * X[:, 0] + 1
    >>> m = LinearRegression().fit(X, y)
    >>> round(float(m.coef_[0]), 6), round(float(m.intercept_), 6)
    (3.0, 1.0)
    """

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        x_mean, y_mean = X.mean(axis=0), y.mean()
        Xc, yc = X - x_mean, y - y_mean                       # (n, d), (n,)
        self.coef_, *_ = np.linalg.lstsq(Xc, yc, rcond=None)  # (d,)
        self.intercept_ = float(y_mean - x_mean @ self.coef_)
        return self

    def predict(self, X):
        return np.asarray(X, dtype=float) @ self.coef_ + self.intercept_


# ---------------------------------------------------------------------------------------------
# ridge_regression
# ---------------------------------------------------------------------------------------------

class RidgeRegression:
    """Least squares plus ``alpha * ||coef_||^2``; the intercept is not penalised.

    After centring, the penalised normal equations are ``(Xc^T Xc + alpha I) w = Xc^T yc``.
    """

    def __init__(self, alpha=1.0):
        self.alpha = alpha

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        x_mean, y_mean = X.mean(axis=0), y.mean()
        Xc, yc = X - x_mean, y - y_mean
        d = X.shape[1]
        A = Xc.T @ Xc + self.alpha * np.eye(d)                # (d, d)
        self.coef_ = np.linalg.solve(A, Xc.T @ yc)            # (d,)
        self.intercept_ = float(y_mean - x_mean @ self.coef_)
        return self

    def predict(self, X):
        return np.asarray(X, dtype=float) @ self.coef_ + self.intercept_


# ---------------------------------------------------------------------------------------------
# logistic_regression
# ---------------------------------------------------------------------------------------------

def sigmoid(z):
    """``1 / (1 + exp(-z))`` without ever exponentiating a large positive number.

    With ``e = exp(-|z|)`` (always in (0, 1]): ``sigmoid(z) = 1 / (1 + e)`` for z >= 0 and
    ``e / (1 + e)`` for z < 0.

    >>> sigmoid(np.array([-1000.0, 0.0, 1000.0]))
    array([0. , 0.5, 1. ])
    """
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


class LogisticRegression:
    """Binary logistic regression by full-batch gradient descent on the mean cross-entropy.

    Loss ``L = mean(log(1 + exp(z)) - y * z)`` with ``z = X @ w + b``; its gradient is
    ``dL/dw = X^T (p - y) / n`` and ``dL/db = mean(p - y)`` with ``p = sigmoid(z)``.
    ``loss_history_[i]`` is the loss before update ``i``, so ``loss_history_[0] == log(2)``.
    """

    def __init__(self, lr=0.1, n_iter=1000):
        self.lr = lr
        self.n_iter = n_iter

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        n, d = X.shape
        self.coef_ = np.zeros(d)
        self.intercept_ = 0.0
        self.loss_history_ = []
        for _ in range(self.n_iter):
            z = X @ self.coef_ + self.intercept_               # (n,)
            self.loss_history_.append(float(np.mean(np.logaddexp(0.0, z) - y * z)))
            error = sigmoid(z) - y                              # (n,)
            self.coef_ = self.coef_ - self.lr * (X.T @ error) / n
            self.intercept_ = self.intercept_ - self.lr * float(error.mean())
        return self

    def predict_proba(self, X):
        return sigmoid(np.asarray(X, dtype=float) @ self.coef_ + self.intercept_)

    def predict(self, X):
        return (self.predict_proba(X) >= 0.5).astype(int)


# ---------------------------------------------------------------------------------------------
# decision_tree
# ---------------------------------------------------------------------------------------------

def gini(y):
    """Gini impurity ``1 - sum_k p_k^2`` of a label array; 0.0 for an empty one.

    >>> gini(np.array([0, 0, 1, 1]))
    0.5
    """
    y = np.asarray(y)
    if y.size == 0:
        return 0.0
    _, counts = np.unique(y, return_counts=True)
    p = counts / y.size
    return float(1.0 - np.sum(p ** 2))


def best_split(X, y):
    """``(feature, threshold)`` minimising the weighted child impurity, or None if none exists.

    Left child: ``X[:, feature] <= threshold``. Candidate thresholds are midpoints between
    consecutive distinct sorted values. Scanning features, then thresholds, in increasing order
    and replacing the best only when strictly better (by more than 1e-12) gives the pinned
    tie-break: lowest feature index, then lowest threshold.

    >>> best_split(np.array([[1.0], [2.0], [4.0]]), np.array([0, 0, 1]))
    (0, 3.0)
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    n = len(y)
    best, best_score = None, np.inf
    for feature in range(X.shape[1]):
        values = np.unique(X[:, feature])                     # sorted distinct values
        for threshold in (values[:-1] + values[1:]) / 2:
            left = X[:, feature] <= threshold
            score = (left.sum() * gini(y[left]) + (~left).sum() * gini(y[~left])) / n
            if score < best_score - 1e-12:
                best, best_score = (feature, float(threshold)), score
    return best


class DecisionTreeClassifier:
    """CART with Gini impurity.

    A node becomes a leaf when it is pure, at ``max_depth`` (root has depth 0), holds fewer than
    ``min_samples_split`` samples, or no feature varies. A leaf predicts its majority label
    (ties: the smallest label).
    """

    def __init__(self, max_depth=None, min_samples_split=2):
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        self.tree_ = self._grow(X, y, depth=0)
        return self

    def _grow(self, X, y, depth):
        labels, counts = np.unique(y, return_counts=True)
        leaf = {"label": labels[np.argmax(counts)]}           # argmax: first max = smallest label
        if (len(labels) == 1
                or (self.max_depth is not None and depth >= self.max_depth)
                or len(y) < self.min_samples_split):
            return leaf
        split = best_split(X, y)
        if split is None:
            return leaf
        feature, threshold = split
        left = X[:, feature] <= threshold
        return {"feature": feature, "threshold": threshold,
                "left": self._grow(X[left], y[left], depth + 1),
                "right": self._grow(X[~left], y[~left], depth + 1)}

    def _predict_one(self, x):
        node = self.tree_
        while "feature" in node:
            node = node["left"] if x[node["feature"]] <= node["threshold"] else node["right"]
        return node["label"]

    def predict(self, X):
        X = np.asarray(X, dtype=float)
        return np.array([self._predict_one(x) for x in X])


# ---------------------------------------------------------------------------------------------
# knn
# ---------------------------------------------------------------------------------------------

class KNNClassifier:
    """k nearest neighbours, Euclidean distance, majority vote.

    Ties in distance: the lower training index comes first (stable sort).
    Ties in votes: the smallest label wins.
    """

    def __init__(self, k=5):
        self.k = k

    def fit(self, X, y):
        self.X_ = np.array(X, dtype=float)
        self.y_ = np.array(y)
        return self

    def predict(self, X):
        X = np.asarray(X, dtype=float)
        diff = X[:, None, :] - self.X_[None, :, :]            # (m, n, d)
        dist = np.sqrt(np.sum(diff ** 2, axis=2))             # (m, n)
        nearest = np.argsort(dist, axis=1, kind="stable")[:, :self.k]  # (m, k)
        out = []
        for row in self.y_[nearest]:
            labels, counts = np.unique(row, return_counts=True)  # labels sorted ascending
            out.append(labels[np.argmax(counts)])
        return np.array(out)


# ---------------------------------------------------------------------------------------------
# gaussian_nb
# ---------------------------------------------------------------------------------------------

class GaussianNB:
    """Gaussian naive Bayes, as scikit-learn defines it.

    Per class c: prior ``n_c / n``, per-feature mean ``theta_[c]`` and variance ``var_[c]``
    (ddof=0) plus ``epsilon_ = var_smoothing * max(np.var(X, axis=0))``. Probabilities are
    normalised in log space (log-sum-exp) so far-away points do not underflow to 0/0.
    """

    def __init__(self, var_smoothing=1e-9):
        self.var_smoothing = var_smoothing

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        self.classes_ = np.unique(y)
        self.epsilon_ = self.var_smoothing * np.var(X, axis=0).max()
        self.theta_ = np.array([X[y == c].mean(axis=0) for c in self.classes_])   # (C, d)
        self.var_ = np.array([X[y == c].var(axis=0) for c in self.classes_]) + self.epsilon_
        self.class_prior_ = np.array([np.mean(y == c) for c in self.classes_])    # (C,)
        return self

    def _joint_log_likelihood(self, X):
        X = np.asarray(X, dtype=float)
        diff = X[:, None, :] - self.theta_[None, :, :]                            # (n, C, d)
        log_pdf = -0.5 * (np.log(2 * np.pi * self.var_)[None] + diff ** 2 / self.var_[None])
        return np.log(self.class_prior_)[None, :] + log_pdf.sum(axis=2)           # (n, C)

    def predict_log_proba(self, X):
        jll = self._joint_log_likelihood(X)
        top = jll.max(axis=1, keepdims=True)
        return jll - (top + np.log(np.exp(jll - top).sum(axis=1, keepdims=True)))

    def predict_proba(self, X):
        return np.exp(self.predict_log_proba(X))

    def predict(self, X):
        return self.classes_[np.argmax(self._joint_log_likelihood(X), axis=1)]


# ---------------------------------------------------------------------------------------------
# classification_metrics
# ---------------------------------------------------------------------------------------------

def confusion_matrix(y_true, y_pred, labels=None):
    """``C[i, j]`` = number of samples with true label ``labels[i]`` predicted as ``labels[j]``.

    ``labels`` defaults to the sorted union of both arrays; pairs involving a label outside
    ``labels`` are not counted.

    >>> confusion_matrix([0, 1, 1], [0, 0, 1])
    array([[1, 0],
           [1, 1]])
    """
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if labels is None:
        labels = np.unique(np.concatenate([y_true, y_pred]))
    labels = np.asarray(labels)
    index = {label: i for i, label in enumerate(labels.tolist())}
    C = np.zeros((len(labels), len(labels)), dtype=int)
    for t, p in zip(y_true.tolist(), y_pred.tolist()):
        if t in index and p in index:
            C[index[t], index[p]] += 1
    return C


def precision_recall_f1(y_true, y_pred):
    """Binary precision, recall and F1 for the positive label 1; 0.0 wherever a ratio is 0/0."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = int(np.sum((y_true == 1) & (y_pred == 1)))
    fp = int(np.sum((y_true != 1) & (y_pred == 1)))
    fn = int(np.sum((y_true == 1) & (y_pred != 1)))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


# ---------------------------------------------------------------------------------------------
# roc_auc
# ---------------------------------------------------------------------------------------------

def roc_auc(y_true, scores):
    """Area under the ROC curve = P(score of a random positive > a random negative) + 0.5 P(tie).

    Computed from average ranks (Mann-Whitney U): tied scores share the mean of their ranks,
    which is exactly the trapezoid under the ROC curve.

    >>> roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.4, 0.8])   # the tie at 0.4 counts one half
    0.875
    """
    y_true = np.asarray(y_true)
    scores = np.asarray(scores, dtype=float)
    n_pos = int(np.sum(y_true == 1))
    n_neg = len(y_true) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("roc_auc needs both classes in y_true")
    order = np.argsort(scores, kind="stable")
    sorted_scores = scores[order]
    ranks = np.empty(len(scores))
    start = 0
    while start < len(scores):                                # one block of equal scores at a time
        stop = start
        while stop + 1 < len(scores) and sorted_scores[stop + 1] == sorted_scores[start]:
            stop += 1
        ranks[order[start:stop + 1]] = (start + stop) / 2 + 1  # mean of ranks start+1 .. stop+1
        start = stop + 1
    u = ranks[y_true == 1].sum() - n_pos * (n_pos + 1) / 2
    return float(u / (n_pos * n_neg))


# ---------------------------------------------------------------------------------------------
# kfold
# ---------------------------------------------------------------------------------------------

def kfold_indices(n, k, shuffle=False, seed=None):
    """k (train_idx, test_idx) pairs, like ``sklearn.model_selection.KFold``.

    The (optionally permuted) indices are cut into k consecutive test folds; the first
    ``n % k`` folds get one extra sample. Train indices are the rest, sorted.

    >>> [t.tolist() for _, t in kfold_indices(5, 2)]
    [[0, 1, 2], [3, 4]]
    """
    if not 2 <= k <= n:
        raise ValueError(f"need 2 <= k <= n, got k={k}, n={n}")
    idx = np.random.default_rng(seed).permutation(n) if shuffle else np.arange(n)
    sizes = np.full(k, n // k)
    sizes[: n % k] += 1
    folds, start = [], 0
    for size in sizes:
        test = idx[start:start + size]
        mask = np.ones(n, dtype=bool)
        mask[test] = False
        folds.append((np.flatnonzero(mask), test))
        start += size
    return folds
