"""Iterative tree in parallel arrays (like sklearn's tree_), labels encoded 0..C-1 and decoded in predict."""
import numpy as np


class DecisionTreeClassifier(DecisionTreeClassifier):
    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        self.classes_, codes = np.unique(np.asarray(y), return_inverse=True)
        self.feature_, self.threshold_, self.children_, self.value_ = [], [], [], []
        stack = [(np.arange(len(X)), 0, None)]                 # (sample indices, depth, (parent, side))
        while stack:
            idx, depth, link = stack.pop()
            node = len(self.feature_)
            if link is not None:
                self.children_[link[0]][link[1]] = node
            counts = np.bincount(codes[idx], minlength=len(self.classes_))
            self.value_.append(int(np.argmax(counts)))          # first max = smallest label
            self.feature_.append(-1)
            self.threshold_.append(0.0)
            self.children_.append([-1, -1])
            if (np.count_nonzero(counts) == 1 or len(idx) < self.min_samples_split
                    or (self.max_depth is not None and depth >= self.max_depth)):
                continue
            split = best_split(X[idx], codes[idx])
            if split is None:
                continue
            self.feature_[node], self.threshold_[node] = split
            go_left = X[idx, split[0]] <= split[1]
            stack.append((idx[~go_left], depth + 1, (node, 1)))
            stack.append((idx[go_left], depth + 1, (node, 0)))
        return self

    def predict(self, X):
        X = np.asarray(X, dtype=float)
        out = np.empty(len(X), dtype=int)
        for r, x in enumerate(X):
            node = 0
            while self.feature_[node] >= 0:
                node = self.children_[node][0 if x[self.feature_[node]] <= self.threshold_[node] else 1]
            out[r] = self.value_[node]
        return self.classes_[out]
