"""log-sum-exp shifted by the row mean instead of the row max: overflows far from the data."""
import numpy as np


class GaussianNB(GaussianNB):
    def predict_log_proba(self, X):
        jll = self._joint_log_likelihood(X)
        shift = jll.mean(axis=1, keepdims=True)
        return jll - (shift + np.log(np.exp(jll - shift).sum(axis=1, keepdims=True)))
