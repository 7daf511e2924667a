"""Wraps sklearn's Ridge instead of implementing it."""
from sklearn.linear_model import Ridge


class RidgeRegression:
    def __init__(self, alpha=1.0):
        self.alpha = alpha

    def fit(self, X, y):
        m = Ridge(alpha=self.alpha).fit(X, y)
        self.coef_, self.intercept_ = m.coef_, m.intercept_
        return self

    def predict(self, X):
        return X @ self.coef_ + self.intercept_
