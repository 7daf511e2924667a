"""Exponentiates the joint log-likelihood before normalising: 0/0 = NaN far from the data."""
import numpy as np


class GaussianNB(GaussianNB):  # noqa: F821 - the reference class above
    def predict_proba(self, X):
        joint = np.exp(self._joint_log_likelihood(X))
        return joint / joint.sum(axis=1, keepdims=True)
