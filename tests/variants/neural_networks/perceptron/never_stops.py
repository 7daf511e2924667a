"""Keeps running every epoch even after an epoch without mistakes."""
import numpy as np


def perceptron_train(X, y, epochs):
    X = np.asarray(X, dtype=float)
    w, b, n_mistakes = np.zeros(X.shape[1]), 0.0, 0
    for _ in range(epochs):
        for xi, yi in zip(X, y):
            if yi * (xi @ w + b) <= 0:
                w += yi * xi
                b += yi
                n_mistakes += 1
    return w, b, epochs, n_mistakes
