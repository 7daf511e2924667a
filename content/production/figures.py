"""Draw the figures of the production chapter: python content/production/figures.py"""
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

OUT = Path(__file__).resolve().parent / "figures"
OUT.mkdir(exist_ok=True)
DPI = 80


def psi_parts(reference, current, bins=10):
    inner = np.quantile(reference, np.linspace(0, 1, bins + 1))[1:-1]
    p_ref = np.maximum(np.bincount(np.searchsorted(inner, reference, side="right"), minlength=bins) / reference.size, 1e-4)
    p_cur = np.maximum(np.bincount(np.searchsorted(inner, current, side="right"), minlength=bins) / current.size, 1e-4)
    return inner, p_ref, p_cur, (p_cur - p_ref) * np.log(p_cur / p_ref)


def drift():
    """Quantile bins of the reference, and the PSI as the shift grows."""
    rng = np.random.default_rng(0)
    ref = rng.normal(size=5000)
    cur = rng.normal(0.5, 1.2, size=3000)
    inner, p_ref, p_cur, terms = psi_parts(ref, cur)
    fig, (left, mid, right) = plt.subplots(1, 3, figsize=(11, 3.2))
    left.hist(ref, bins=60, density=True, alpha=0.5, label="reference (training)")
    left.hist(cur, bins=60, density=True, alpha=0.5, label="current (production)")
    for e in inner:
        left.axvline(e, color="k", lw=0.5, ls=":")
    left.set(title="Edges = reference deciles", xlabel="feature value")
    left.legend(fontsize=7)
    x = np.arange(10)
    mid.bar(x - 0.2, p_ref, width=0.4, label="reference")
    mid.bar(x + 0.2, p_cur, width=0.4, label="current")
    mid.set(title=f"Bin proportions, PSI = {terms.sum():.3f}", xlabel="bin")
    mid.legend(fontsize=7)
    shifts = np.linspace(0, 1.5, 16)
    base = rng.normal(size=3000)
    right.plot(shifts, [psi_parts(ref, base + s)[3].sum() for s in shifts], marker="o", ms=3)
    right.axhline(0.1, color="C2", ls="--", lw=0.8)
    right.axhline(0.25, color="C3", ls="--", lw=0.8)
    right.set(title="PSI vs mean shift (0.1 watch, 0.25 act)", xlabel="shift in standard deviations", ylabel="PSI")
    fig.tight_layout()
    fig.savefig(OUT / "drift.png", dpi=DPI)
    plt.close(fig)


def token_bucket():
    """Tokens over time under a bursty arrival pattern: bursts drain, the rate refills, the cap holds."""
    rate, capacity = 2.0, 5.0
    rng = np.random.default_rng(1)
    arrivals = np.sort(np.concatenate([rng.uniform(0, 10, 12), rng.uniform(3, 3.6, 10), rng.uniform(7, 7.3, 8)]))
    t_grid, levels, tokens, last = [], [], capacity, 0.0
    ok_t, no_t = [], []
    for t in arrivals:
        for u in np.linspace(last, t, 20):
            t_grid.append(u)
            levels.append(min(capacity, tokens + (u - last) * rate))
        tokens, last = min(capacity, tokens + (t - last) * rate), t
        if tokens >= 1:
            tokens -= 1
            ok_t.append(t)
        else:
            no_t.append(t)
        t_grid.append(t)
        levels.append(tokens)
    fig, ax = plt.subplots(figsize=(8, 3))
    ax.plot(t_grid, levels, color="C0", label="tokens")
    ax.axhline(capacity, color="k", ls=":", lw=0.8, label="capacity")
    ax.scatter(ok_t, np.full(len(ok_t), -0.4), marker="|", color="C2", s=80, label="allowed")
    ax.scatter(no_t, np.full(len(no_t), -0.8), marker="x", color="C3", s=25, label="refused")
    ax.set(title="Token bucket: rate 2/s, capacity 5", xlabel="time (s)", ylabel="tokens")
    ax.legend(fontsize=7, ncol=4, loc="upper right")
    fig.tight_layout()
    fig.savefig(OUT / "token_bucket.png", dpi=DPI)
    plt.close(fig)


def latency():
    """A latency stream with a regression half-way: raw samples, EWMA, rolling p99."""
    rng = np.random.default_rng(2)
    lat = np.concatenate([rng.lognormal(np.log(0.08), 0.35, 600), rng.lognormal(np.log(0.12), 0.45, 400)])
    s = np.empty_like(lat)
    s[0] = lat[0]
    for t in range(1, lat.size):
        s[t] = 0.05 * lat[t] + 0.95 * s[t - 1]
    p99 = np.array([np.percentile(lat[max(0, t - 199):t + 1], 99) for t in range(lat.size)])
    fig, ax = plt.subplots(figsize=(8, 3))
    ax.scatter(np.arange(lat.size), lat * 1000, s=2, color="0.6", label="request latency")
    ax.plot(s * 1000, color="C0", label="EWMA (alpha = 0.05)")
    ax.plot(p99 * 1000, color="C3", label="rolling p99 (200 requests)")
    ax.axvline(600, color="k", ls=":", lw=0.8)
    ax.set(title="A deploy at request 600: the mean moves a little, the tail a lot", xlabel="request", ylabel="ms")
    ax.set_ylim(0, 500)
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(OUT / "latency.png", dpi=DPI)
    plt.close(fig)


if __name__ == "__main__":
    drift()
    token_bucket()
    latency()
