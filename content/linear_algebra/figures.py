"""Draw the figures of the linear algebra chapter: `python content/linear_algebra/figures.py`.

Writes content/linear_algebra/figures/*.png (fixed seeds, small files). Self-contained: numpy and
matplotlib only; the algorithms are re-implemented here in a few lines each.
"""
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

OUT = Path(__file__).resolve().parent / "figures"
STYLE = dict(dpi=110, bbox_inches="tight")


def classical_gs(A):
    m, n = A.shape
    Q = np.zeros((m, n))
    for j in range(n):
        v = A[:, j] - Q[:, :j] @ (Q[:, :j].T @ A[:, j])        # coefficients from the original column
        Q[:, j] = v / np.linalg.norm(v)
    return Q


def modified_gs(A):
    V = A.astype(float).copy()
    n = V.shape[1]
    for j in range(n):
        V[:, j] /= np.linalg.norm(V[:, j])
        V[:, j + 1:] -= np.outer(V[:, j], V[:, j] @ V[:, j + 1:])  # from the updated columns
    return V


def matrix_with_condition(kappa, m, n, rng):
    U, _ = np.linalg.qr(rng.normal(size=(m, n)))
    V, _ = np.linalg.qr(rng.normal(size=(n, n)))
    return (U * np.logspace(0, -np.log10(kappa), n)) @ V.T


def figure_orthogonality():
    rng = np.random.default_rng(0)
    kappas = np.logspace(0, 12, 25)
    losses = {"classical GS": [], "modified GS": [], "Householder (np.linalg.qr)": []}
    for kappa in kappas:
        A = matrix_with_condition(kappa, 40, 10, rng)
        for name, Q in [("classical GS", classical_gs(A)), ("modified GS", modified_gs(A)),
                        ("Householder (np.linalg.qr)", np.linalg.qr(A)[0])]:
            losses[name].append(np.linalg.norm(Q.T @ Q - np.eye(10)))
    fig, ax = plt.subplots(figsize=(5.6, 3.6))
    for (name, loss), marker in zip(losses.items(), "osd"):
        ax.loglog(kappas, np.maximum(loss, 1e-17), marker=marker, ms=3, label=name)
    eps = np.finfo(float).eps
    ax.loglog(kappas, eps * kappas, "k:", lw=1, label=r"$\kappa\,\varepsilon$")
    ax.loglog(kappas, np.minimum(eps * kappas ** 2, 10), "k--", lw=1, label=r"$\kappa^2\varepsilon$")
    ax.set_xlabel(r"condition number $\kappa(A)$")
    ax.set_ylabel(r"$\|Q^\top Q - I\|_F$")
    ax.set_title("Loss of orthogonality in QR (A is 40 x 10)")
    ax.legend(fontsize=7)
    fig.savefig(OUT / "qr_orthogonality.png", **STYLE)
    plt.close(fig)


def figure_low_rank():
    # A smooth "image" (sum of a few separable bumps) plus noise: most energy in a few directions.
    y, x = np.mgrid[0:60, 0:80] / 10.0
    img = np.sin(x) * np.cos(y / 2) + np.exp(-((x - 4) ** 2 + (y - 3) ** 2)) + 0.3 * (x > y)
    img += 0.05 * np.random.default_rng(1).normal(size=img.shape)
    U, s, Vt = np.linalg.svd(img, full_matrices=False)
    fig, axes = plt.subplots(1, 4, figsize=(10, 2.6))
    for ax, k in zip(axes[:3], [1, 3, 10]):
        ax.imshow((U[:, :k] * s[:k]) @ Vt[:k], cmap="viridis")
        ax.set_title(f"rank {k}")
        ax.axis("off")
    rel = np.sqrt(np.cumsum((s ** 2)[::-1])[::-1] / np.sum(s ** 2))   # ||A - A_k||_F / ||A||_F, k = 0..r-1
    axes[3].semilogy(np.arange(len(s)), rel, ".-", ms=3)
    axes[3].set_xlabel("k")
    axes[3].set_title(r"$\|A - A_k\|_F / \|A\|_F$", fontsize=9)
    fig.suptitle("Truncated SVD: the best rank-k approximation (Eckart-Young)", fontsize=10)
    fig.savefig(OUT / "low_rank.png", **STYLE)
    plt.close(fig)


def figure_finite_differences():
    f, df, x0 = np.exp, np.exp, 1.0
    eps = np.logspace(-15, 0, 61)
    forward = np.abs((f(x0 + eps) - f(x0)) / eps - df(x0))
    central = np.abs((f(x0 + eps) - f(x0 - eps)) / (2 * eps) - df(x0))
    fig, ax = plt.subplots(figsize=(5.6, 3.6))
    ax.loglog(eps, forward, label="forward  (f(x+h) - f(x)) / h")
    ax.loglog(eps, central, label="central  (f(x+h) - f(x-h)) / 2h")
    ax.loglog(eps, eps, "k:", lw=1, label="slope 1: O(h)")
    ax.loglog(eps, eps ** 2, "k--", lw=1, label="slope 2: O(h²)")
    ax.set_ylim(1e-13, 10)
    ax.set_xlabel("step h")
    ax.set_ylabel("|error| of d/dx exp(x) at x = 1")
    ax.set_title("Truncation error (right) vs rounding error (left)")
    ax.legend(fontsize=7)
    fig.savefig(OUT / "finite_differences.png", **STYLE)
    plt.close(fig)


def figure_power_iteration():
    rng = np.random.default_rng(2)
    n = 30
    Q, _ = np.linalg.qr(rng.normal(size=(n, n)))
    fig, ax = plt.subplots(figsize=(5.6, 3.6))
    for ratio in [0.5, 0.8, 0.95]:
        lams = np.concatenate([[1.0, ratio], ratio * rng.uniform(0, 0.9, n - 2)])
        A = (Q * lams) @ Q.T
        u = Q[:, 0]
        v = np.ones(n) / np.sqrt(n)
        errors = []
        for _ in range(120):
            v = A @ v
            v /= np.linalg.norm(v)
            errors.append(np.linalg.norm(v - np.sign(v @ u) * u))
        ax.semilogy(errors, label=rf"$|\lambda_2/\lambda_1| = {ratio}$")
    ax.set_xlabel("iteration")
    ax.set_ylabel("eigenvector error")
    ax.set_ylim(1e-16, 2)
    ax.set_title(r"Power iteration converges like $|\lambda_2/\lambda_1|^k$")
    ax.legend(fontsize=8)
    fig.savefig(OUT / "power_iteration.png", **STYLE)
    plt.close(fig)


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    figure_orthogonality()
    figure_low_rank()
    figure_finite_differences()
    figure_power_iteration()
    for png in sorted(OUT.glob("*.png")):
        print(f"{png.relative_to(OUT.parent.parent.parent)}  {png.stat().st_size // 1024} KB")
