"""predict uses proba > 0.5, so a probability of exactly 0.5 predicts 0."""
import numpy as np


class LogisticRegression(LogisticRegression):
    def predict(self, X):
        return (self.predict_proba(X) > 0.5).astype(int)
