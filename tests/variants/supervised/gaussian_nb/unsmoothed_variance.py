"""No var_smoothing: a feature constant within a class divides by zero."""
import numpy as np


class GaussianNB(GaussianNB):  # noqa: F821 - the reference class above
    def fit(self, X, y):
        super().fit(X, y)
        self.var_ = self.var_ - self.epsilon_
        return self
