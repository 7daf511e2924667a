"""Draw the supervised chapter's figures: python content/supervised/figures.py"""
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.linear_model import LogisticRegression, Ridge  # noqa: E402
from sklearn.metrics import roc_curve  # noqa: E402
from sklearn.naive_bayes import GaussianNB  # noqa: E402
from sklearn.neighbors import KNeighborsClassifier  # noqa: E402
from sklearn.tree import DecisionTreeClassifier  # noqa: E402

OUT = Path(__file__).resolve().parent / "figures"
OUT.mkdir(exist_ok=True)


def boundaries():
    """Four classifiers, four shapes of decision boundary, on the same two-moons-like data."""
    rng = np.random.default_rng(0)
    n = 120
    t = rng.uniform(0, np.pi, n)
    y = rng.integers(0, 2, n)
    X = np.column_stack([np.cos(t) + y * 1.0, np.sin(t) * (1 - 2 * y) + y * 0.4]) + 0.2 * rng.normal(size=(n, 2))
    models = [("logistic regression", LogisticRegression()),
              ("decision tree, depth 4", DecisionTreeClassifier(max_depth=4)),
              ("k-NN, k = 7", KNeighborsClassifier(7)),
              ("Gaussian naive Bayes", GaussianNB())]
    g0, g1 = np.meshgrid(np.linspace(-1.8, 2.8, 160), np.linspace(-1.6, 1.9, 120))
    grid = np.column_stack([g0.ravel(), g1.ravel()])  # (120 * 160, 2)
    fig, axes = plt.subplots(1, 4, figsize=(12, 3.1))
    for ax, (name, model) in zip(axes, models):
        model.fit(X, y)
        p = model.predict_proba(grid)[:, 1].reshape(g0.shape)  # (120, 160)
        ax.contourf(g0, g1, p, levels=np.linspace(0, 1, 11), cmap="RdBu_r", alpha=0.6)
        ax.contour(g0, g1, p, levels=[0.5], colors="k", linewidths=1)
        ax.scatter(X[:, 0], X[:, 1], c=y, cmap="RdBu_r", s=9, edgecolors="k", linewidths=0.3)
        ax.set_title(f"{name}\ntrain acc {model.score(X, y):.2f}", fontsize=9)
        ax.set_xticks([]), ax.set_yticks([])
    fig.tight_layout()
    fig.savefig(OUT / "boundaries.png", dpi=80)
    plt.close(fig)


def ridge_path_and_roc():
    """Left: ridge coefficients shrink smoothly with alpha. Right: a ROC curve with tied scores."""
    rng = np.random.default_rng(1)
    X = rng.normal(size=(40, 6)) * [1, 1, 2, 0.5, 1, 3]
    y = X @ np.array([3.0, -2.0, 1.0, 4.0, 0.0, -0.5]) + rng.normal(size=40)
    alphas = np.logspace(-2, 4, 60)
    coefs = np.array([Ridge(alpha=a).fit(X, y).coef_ for a in alphas])  # (60, 6)
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(9, 3.3))
    a1.semilogx(alphas, coefs)
    a1.axhline(0, color="k", lw=0.5)
    a1.set_xlabel(r"$\alpha$"), a1.set_ylabel("coefficient"), a1.set_title("ridge: shrinkage path", fontsize=10)

    labels = rng.integers(0, 2, 60)
    scores = np.clip(np.round(rng.normal(size=60) + 1.2 * labels, 0), -1, 3)  # few levels: many ties
    fpr, tpr, _ = roc_curve(labels, scores)
    a2.plot(fpr, tpr, "o-", ms=4)
    a2.fill_between(fpr, tpr, alpha=0.2)
    a2.plot([0, 1], [0, 1], "k--", lw=0.7)
    a2.set_xlabel("false positive rate"), a2.set_ylabel("true positive rate")
    a2.set_title("ROC with tied scores: diagonal segments = ties", fontsize=10)
    fig.tight_layout()
    fig.savefig(OUT / "ridge_roc.png", dpi=80)
    plt.close(fig)


if __name__ == "__main__":
    boundaries()
    ridge_path_and_roc()
    print("wrote", sorted(p.name for p in OUT.glob("*.png")))
