"""Fits sklearn's LogisticRegression and copies its coefficients."""
import numpy as np
from sklearn.linear_model import LogisticRegression as _Sk


class LogisticRegression(LogisticRegression):  # noqa: F821 - the reference class above
    def fit(self, X, y):
        m = _Sk(C=np.inf, max_iter=self.n_iter).fit(X, y)
        self.coef_, self.intercept_ = m.coef_[0], float(m.intercept_[0])
        self.loss_history_ = [float(np.log(2))] * self.n_iter
        return self
