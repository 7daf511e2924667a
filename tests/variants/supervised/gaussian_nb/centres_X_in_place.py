"""epsilon is computed after centring X in place: the caller's X is changed."""
import numpy as np


class GaussianNB(GaussianNB):
    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        self.classes_ = np.unique(y)
        self.theta_ = np.array([X[y == c].mean(axis=0) for c in self.classes_])
        var = np.array([X[y == c].var(axis=0) for c in self.classes_])
        self.class_prior_ = np.array([np.mean(y == c) for c in self.classes_])
        X -= X.mean(axis=0)                                   # in place!
        self.epsilon_ = self.var_smoothing * (X ** 2).mean(axis=0).max()
        self.var_ = var + self.epsilon_
        return self
