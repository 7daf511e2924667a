"""inverse_transform does not add the mean back."""
import numpy as np


class PCA(PCA):
    def inverse_transform(self, Z):
        return np.asarray(Z, dtype=float) @ self.components_
