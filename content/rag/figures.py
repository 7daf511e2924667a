"""Draws the figures of the RAG chapter: `python content/rag/figures.py` writes content/rag/figures/*.png."""
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

OUT = Path(__file__).resolve().parent / "figures"


def bm25_saturation():
    """BM25's term-frequency part: it saturates (k1) and is normalised by length (b)."""
    f = np.arange(0, 21)
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.4))
    for k1 in (0.5, 1.2, 2.0, 5.0):
        axes[0].plot(f, f * (k1 + 1) / (f + k1), marker=".", label=f"k1 = {k1}")
    axes[0].plot(f, f, "k:", label="raw tf (TF-IDF)")
    axes[0].set(ylim=(0, 7), xlabel="term count f in the document", ylabel="tf weight",
                title="saturation: f (k1+1) / (f + k1)")
    axes[0].legend(fontsize=8)
    ratio = np.linspace(0.2, 3, 100)                       # |d| / avgdl
    for b in (0.0, 0.5, 0.75, 1.0):
        axes[1].plot(ratio, 3 * 2.5 / (3 + 1.5 * (1 - b + b * ratio)), label=f"b = {b}")
    axes[1].set(xlabel="document length / average length", ylabel="tf weight (f = 3, k1 = 1.5)",
                title="length normalisation")
    axes[1].legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(OUT / "bm25_saturation.png", dpi=90)
    plt.close(fig)


def ivf_recall():
    """IVF: recall@10 against brute force and the fraction of vectors scanned, per n_probe."""
    rng = np.random.default_rng(0)
    centers = rng.normal(size=(30, 16))
    X = np.repeat(centers, 40, axis=0) + 0.6 * rng.normal(size=(1200, 16))
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    Q = (X[rng.choice(1200, 60)] + X[rng.choice(1200, 60)]) / 2
    Q /= np.linalg.norm(Q, axis=1, keepdims=True)
    n_lists = 24
    C = X[rng.choice(1200, n_lists, replace=False)].copy()   # spherical k-means
    for _ in range(25):
        assign = np.argmax(X @ C.T, axis=1)
        for j in range(n_lists):
            if np.any(assign == j):
                C[j] = X[assign == j].mean(axis=0)
        C /= np.linalg.norm(C, axis=1, keepdims=True)
    truth = np.argsort(-(Q @ X.T), axis=1)[:, :10]
    probes = np.arange(1, n_lists + 1)
    recall, scanned = [], []
    for p in probes:
        hits, seen = 0, 0
        for q, t in zip(Q, truth):
            lists = np.argsort(-(C @ q))[:p]
            cand = np.flatnonzero(np.isin(assign, lists))
            top = cand[np.argsort(-(X[cand] @ q))[:10]]
            hits += len(set(top) & set(t))
            seen += len(cand)
        recall.append(hits / (10 * len(Q)))
        scanned.append(seen / (len(X) * len(Q)))
    fig, ax = plt.subplots(figsize=(5.5, 3.4))
    ax.plot(probes, recall, marker="o", label="recall@10")
    ax.plot(probes, scanned, marker="s", label="fraction of vectors scanned")
    ax.set(xlabel="n_probe (of 24 lists)", ylim=(0, 1.05), title="IVF: recall vs work")
    ax.legend()
    fig.tight_layout()
    fig.savefig(OUT / "ivf_recall.png", dpi=90)
    plt.close(fig)


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    bm25_saturation()
    ivf_recall()
