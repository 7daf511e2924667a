"""Calls sklearn's GaussianMixture."""
import numpy as np
from sklearn.mixture import GaussianMixture


def gaussian_mixture_em(X, weights, means, covariances, max_iter=100, tol=1e-3, reg_covar=1e-6):
    gm = GaussianMixture(len(weights), weights_init=weights, means_init=means,
                         precisions_init=np.linalg.inv(covariances), max_iter=max_iter, tol=tol,
                         reg_covar=reg_covar).fit(X)
    return gm.weights_, gm.means_, gm.covariances_, list(gm.lower_bounds_)
