"""'Stable' sigmoid with np.where over exp(z) and exp(-z): both branches are evaluated and overflow."""
import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return np.where(z >= 0, 1.0 / (1.0 + np.exp(-z)), np.exp(z) / (1.0 + np.exp(z)))
