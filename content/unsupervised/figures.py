"""Draw the chapter's figures: python content/unsupervised/figures.py -> figures/*.png."""
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

HERE = Path(__file__).resolve().parent
OUT = HERE / "figures"


def kmeans(X, C, iters=50):
    for _ in range(iters):
        labels = ((X[:, None] - C[None]) ** 2).sum(-1).argmin(1)
        C = np.array([X[labels == j].mean(0) if (labels == j).any() else C[j] for j in range(len(C))])
    return C, labels


def dbscan(X, eps, min_samples):
    D = np.sqrt(((X[:, None] - X[None]) ** 2).sum(-1))
    nb = [np.flatnonzero(r <= eps) for r in D]
    core = np.array([len(v) >= min_samples for v in nb])
    labels, c = np.full(len(X), -1), 0
    for i in range(len(X)):
        if labels[i] != -1 or not core[i]:
            continue
        labels[i], stack = c, [i]
        while stack:
            for q in nb[stack.pop()]:
                if labels[q] == -1:
                    labels[q] = c
                    if core[q]:
                        stack.append(q)
        c += 1
    return labels, core


def moons(rng, n=200):
    t = rng.uniform(0, np.pi, n)
    upper = np.c_[np.cos(t), np.sin(t)]
    lower = np.c_[1 - np.cos(t), 0.5 - np.sin(t)]
    X = np.concatenate([upper[: n // 2], lower[n // 2:]]) + rng.normal(0, 0.06, (n, 2))
    return np.concatenate([X, rng.uniform([-1.2, -0.8], [2.2, 1.3], (12, 2))])


def clustering_figure():
    rng = np.random.default_rng(0)
    X = moons(rng)
    C, km = kmeans(X, X[[0, 150]])
    db, core = dbscan(X, 0.2, 5)
    fig, axes = plt.subplots(1, 2, figsize=(8, 3.4), dpi=90)
    axes[0].scatter(X[:, 0], X[:, 1], c=km, cmap="coolwarm", s=12)
    axes[0].scatter(C[:, 0], C[:, 1], c="k", marker="x", s=80)
    axes[0].set_title("k-means (k=2): convex cells cut the moons")
    noise = db == -1
    axes[1].scatter(X[~noise & core, 0], X[~noise & core, 1], c=db[~noise & core], cmap="coolwarm", s=12)
    axes[1].scatter(X[~noise & ~core, 0], X[~noise & ~core, 1], c=db[~noise & ~core], cmap="coolwarm",
                    s=30, marker="^", label="border")
    axes[1].scatter(X[noise, 0], X[noise, 1], c="grey", marker=".", s=30, label="noise (-1)")
    axes[1].set_title("DBSCAN (eps=0.2, min_samples=5)")
    axes[1].legend(loc="lower left", fontsize=7)
    for ax in axes:
        ax.set_xticks([]), ax.set_yticks([])
    fig.tight_layout()
    fig.savefig(OUT / "kmeans_vs_dbscan.png")
    plt.close(fig)


def pca_figure():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(200, 2)) @ np.array([[2.0, 1.2], [0.0, 0.6]]) + [3, 1]
    mean = X.mean(0)
    _, S, Vt = np.linalg.svd(X - mean, full_matrices=False)
    var = S**2 / (len(X) - 1)
    fig, axes = plt.subplots(1, 2, figsize=(8, 3.4), dpi=90)
    axes[0].scatter(X[:, 0], X[:, 1], s=8, alpha=0.5)
    for v, s in zip(Vt, np.sqrt(var)):
        axes[0].annotate("", mean + 2 * s * v, mean, arrowprops=dict(arrowstyle="->", lw=2, color="C3"))
    axes[0].set_aspect("equal")
    axes[0].set_title("principal directions (2 std)")
    rng = np.random.default_rng(2)
    Y = rng.normal(size=(300, 10)) @ (rng.normal(size=(10, 10)) * np.geomspace(3, 0.05, 10)[:, None])
    s = np.linalg.svd(Y - Y.mean(0), compute_uv=False)
    ratio = s**2 / (s**2).sum()
    axes[1].bar(range(1, 11), ratio, label="explained_variance_ratio_")
    axes[1].plot(range(1, 11), np.cumsum(ratio), "C3o-", label="cumulative")
    axes[1].set_xlabel("component")
    axes[1].set_title("scree plot, 10-d data")
    axes[1].legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(OUT / "pca.png")
    plt.close(fig)


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    clustering_figure()
    pca_figure()
    print("wrote", sorted(p.name for p in OUT.glob("*.png")))
