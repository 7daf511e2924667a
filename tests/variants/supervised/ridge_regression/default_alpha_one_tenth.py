"""The default of alpha is 0.1 instead of the pinned 1.0."""
import numpy as np


class RidgeRegression(RidgeRegression):
    def __init__(self, alpha=0.1):
        self.alpha = alpha
