"""Folds the bias into an augmented weight vector (a column of ones appended to X), while loop over epochs."""
import numpy as np


def perceptron_train(X, y, epochs):
    Xa = np.hstack([np.asarray(X, dtype=float), np.ones((len(X), 1))])   # (n, d + 1)
    wa = np.zeros(Xa.shape[1])
    n_epochs = n_mistakes = 0
    clean = False
    while n_epochs < epochs and not clean:
        n_epochs += 1
        clean = True
        for i in range(len(Xa)):
            if y[i] * np.dot(wa, Xa[i]) <= 0:
                wa = wa + y[i] * Xa[i]
                n_mistakes += 1
                clean = False
    return wa[:-1], float(wa[-1]), n_epochs, n_mistakes
