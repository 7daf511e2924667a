"""predict returns the column index of the best class, not the class label."""
import numpy as np


class GaussianNB(GaussianNB):
    def predict(self, X):
        return np.argmax(self._joint_log_likelihood(X), axis=1)
