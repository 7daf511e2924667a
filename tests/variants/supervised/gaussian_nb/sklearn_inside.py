"""Wraps sklearn's GaussianNB."""
from sklearn.naive_bayes import GaussianNB as _Sk


class GaussianNB:
    def __init__(self, var_smoothing=1e-9):
        self.var_smoothing = var_smoothing

    def fit(self, X, y):
        self.model_ = _Sk(var_smoothing=self.var_smoothing).fit(X, y)
        for name in ("classes_", "class_prior_", "theta_", "var_"):
            setattr(self, name, getattr(self.model_, name))
        return self

    def predict_proba(self, X):
        return self.model_.predict_proba(X)

    def predict(self, X):
        return self.model_.predict(X)
