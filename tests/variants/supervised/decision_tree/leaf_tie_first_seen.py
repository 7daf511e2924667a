"""A leaf's majority tie goes to the label seen first (Counter.most_common), not the smallest."""
from collections import Counter

import numpy as np


class DecisionTreeClassifier(DecisionTreeClassifier):
    def _grow(self, X, y, depth):
        node = super()._grow(X, y, depth)
        if "feature" not in node:
            node["label"] = Counter(y.tolist()).most_common(1)[0][0]
        return node
