"""Wraps sklearn's LinearRegression instead of implementing it."""
from sklearn.linear_model import LinearRegression as _Sk


class LinearRegression:
    def fit(self, X, y):
        m = _Sk().fit(X, y)
        self.coef_, self.intercept_ = m.coef_, m.intercept_
        return self

    def predict(self, X):
        return X @ self.coef_ + self.intercept_
