"""The default of k is 3 instead of the pinned 5."""


class KNNClassifier(KNNClassifier):
    def __init__(self, k=3):
        self.k = k
