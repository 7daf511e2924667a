"""Draw the figures of the probability chapter: python content/probability/figures.py"""
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from scipy import stats  # noqa: E402

OUT = Path(__file__).resolve().parent / "figures"
OUT.mkdir(exist_ok=True)
DPI = 80


def inverse_cdf():
    """Uniforms pushed through F^{-1}(u) = -log(1 - u)/rate land on an exponential density."""
    rate = 1.5
    u = np.random.default_rng(0).random(5000)
    x = -np.log1p(-u) / rate
    grid = np.linspace(0, 4, 200)
    fig, (left, right) = plt.subplots(1, 2, figsize=(8, 3.2))
    left.plot(grid, 1 - np.exp(-rate * grid), color="C0")
    for ui in [0.2, 0.5, 0.8, 0.95]:
        xi = -np.log1p(-ui) / rate
        left.plot([0, xi, xi], [ui, ui, 0], color="C1", lw=0.8, ls="--")
    left.set(title="CDF F(x) = 1 - exp(-rate x): read u across, x down", xlabel="x", ylabel="u = F(x)")
    right.hist(x, bins=60, range=(0, 4), density=True, color="C0", alpha=0.6, label="-log(1-u)/rate")
    right.plot(grid, stats.expon(scale=1 / rate).pdf(grid), color="C3", label="Exponential(1.5) pdf")
    right.set(title="5000 uniforms, transformed", xlabel="x")
    right.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(OUT / "inverse_cdf.png", dpi=DPI)
    plt.close(fig)


def beta_update():
    """A Beta(2, 2) prior, then the posterior after 7/10 and after 70/100 successes."""
    p = np.linspace(0, 1, 400)
    fig, ax = plt.subplots(figsize=(6, 3.2))
    for (a, b), label in [((2, 2), "prior Beta(2, 2)"), ((9, 5), "after 7 of 10"), ((72, 32), "after 70 of 100")]:
        line, = ax.plot(p, stats.beta.pdf(p, a, b), label=label)
        lo, hi = stats.beta.ppf([0.025, 0.975], a, b)
        ax.axvspan(lo, hi, color=line.get_color(), alpha=0.08)
    ax.set(title="Beta-Binomial: the posterior narrows as data arrive (95% central intervals shaded)",
           xlabel="success probability p", ylabel="density")
    ax.title.set_fontsize(9)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(OUT / "beta_update.png", dpi=DPI)
    plt.close(fig)


def bootstrap():
    """The bootstrap distribution of the median and its 95% percentile interval."""
    rng = np.random.default_rng(1)
    x = rng.exponential(size=40)
    idx = rng.integers(0, x.size, size=(4000, x.size))
    medians = np.median(x[idx], axis=1)                   # (4000,)
    lo, hi = np.percentile(medians, [2.5, 97.5])
    fig, ax = plt.subplots(figsize=(6, 3.2))
    ax.hist(medians, bins=50, color="C0", alpha=0.7)
    for v in (lo, hi):
        ax.axvline(v, color="C3", ls="--")
    ax.axvline(np.median(x), color="k", label="sample median")
    ax.set(title="4000 bootstrap medians of n = 40 exponential values; 2.5% and 97.5% percentiles",
           xlabel="median of a resample", ylabel="count")
    ax.title.set_fontsize(9)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(OUT / "bootstrap.png", dpi=DPI)
    plt.close(fig)


def welford_vs_naive():
    """Relative error of the variance as the common offset grows: Σx² - (Σx)²/n vs Welford."""
    noise = np.random.default_rng(2).normal(size=2000)
    offsets = 10.0 ** np.arange(0, 11)
    naive, welford = [], []
    for c in offsets:
        x = c + noise
        truth = np.var(x)
        naive.append(abs((np.sum(x * x) - np.sum(x) ** 2 / x.size) / x.size - truth) / truth)
        n, mean, m2 = 0, 0.0, 0.0
        for v in x:
            n += 1
            d = v - mean
            mean += d / n
            m2 += d * (v - mean)
        welford.append(abs(m2 / n - truth) / truth)
    fig, ax = plt.subplots(figsize=(6, 3.2))
    ax.loglog(offsets, np.maximum(naive, 1e-17), "o-", label="sum of squares: Σx² - (Σx)²/n")
    ax.loglog(offsets, np.maximum(welford, 1e-17), "s-", label="Welford")
    ax.set(title="Variance of (offset + N(0, 1)): relative error", xlabel="offset", ylabel="relative error")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(OUT / "welford.png", dpi=DPI)
    plt.close(fig)


if __name__ == "__main__":
    inverse_cdf()
    beta_update()
    bootstrap()
    welford_vs_naive()
    for png in sorted(OUT.glob("*.png")):
        print(png.name, png.stat().st_size // 1024, "KB")
