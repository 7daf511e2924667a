"""Wraps sklearn's DecisionTreeClassifier instead of growing the tree."""
from sklearn.tree import DecisionTreeClassifier as _Sk


class DecisionTreeClassifier:
    def __init__(self, max_depth=None, min_samples_split=2):
        self.max_depth, self.min_samples_split = max_depth, min_samples_split

    def fit(self, X, y):
        self.model_ = _Sk(max_depth=self.max_depth, min_samples_split=self.min_samples_split).fit(X, y)
        return self

    def predict(self, X):
        return self.model_.predict(X)
