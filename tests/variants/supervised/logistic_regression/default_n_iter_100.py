"""The default of n_iter is 100 instead of the pinned 1000."""


class LogisticRegression(LogisticRegression):
    def __init__(self, lr=0.1, n_iter=100):
        self.lr = lr
        self.n_iter = n_iter
