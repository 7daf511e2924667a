"""predict returns the boolean mask predict_proba >= 0.5 instead of int 0/1."""


class LogisticRegression(LogisticRegression):
    def predict(self, X):
        return self.predict_proba(X) >= 0.5
