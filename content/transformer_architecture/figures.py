"""Draw the chapter's figures: python content/transformer_architecture/figures.py"""
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

OUT = Path(__file__).resolve().parent / "figures"
OUT.mkdir(exist_ok=True)


def rope_np(x, pos, base=10000.0):
    D = x.shape[-1]
    half = D // 2
    theta = pos[:, None] * base ** (-2.0 * np.arange(half) / D)          # (T, D/2)
    c, s = np.cos(theta), np.sin(theta)
    a, b = x[..., :half], x[..., half:]
    return np.concatenate([a * c - b * s, a * s + b * c], axis=-1)


def rope_figure():
    D, T = 64, 128
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 3.6))
    theta = np.arange(T)[:, None] * 10000.0 ** (-2.0 * np.arange(D // 2) / D)
    ax1.imshow(np.cos(theta).T, aspect="auto", cmap="RdBu", origin="lower")
    ax1.set(title="cos(position x frequency), D = 64", xlabel="position t", ylabel="pair i (fast -> slow)")
    q = np.ones(D)                      # a query and key that agree: the score decays with distance
    offsets = np.arange(0, T)
    scores = [rope_np(q[None], np.array([m + 5.0]))[0] @ rope_np(q[None], np.array([5.0]))[0] for m in offsets]
    scores2 = [rope_np(q[None], np.array([m + 90.0]))[0] @ rope_np(q[None], np.array([90.0]))[0] for m in offsets]
    ax2.plot(offsets, scores, label="key at position 5")
    ax2.plot(offsets, scores2, "--", label="key at position 90")
    ax2.set(title="rope(q, n + m) . rope(k, n) depends on m only", xlabel="offset m", ylabel="score")
    ax2.legend()
    fig.tight_layout()
    fig.savefig(OUT / "rope.png", dpi=80)
    plt.close(fig)


def cache_mask_figure():
    S, T = 5, 3
    allowed = np.tril(np.ones((T, S + T)), k=S)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 3.2), gridspec_kw={"width_ratios": [1, 1.6]})
    ax1.imshow(np.tril(np.ones((S + T, S + T))), cmap="Greens", vmin=0, vmax=1.4)
    ax1.set(title="full pass: T x T causal mask", xlabel="key j", ylabel="query t")
    ax2.imshow(allowed, cmap="Greens", vmin=0, vmax=1.4)
    ax2.axvline(S - 0.5, color="k", lw=1)
    ax2.set(title=f"with a cache: {S} cached keys + {T} new queries", xlabel="key j (cached | new)",
            ylabel="new query t", yticks=range(T), yticklabels=[f"{S}+{t}" for t in range(T)])
    fig.tight_layout()
    fig.savefig(OUT / "kv_cache_mask.png", dpi=80)
    plt.close(fig)


def sampling_figure():
    rng = np.random.default_rng(3)
    logits = np.sort(rng.normal(size=20) * 1.5)[::-1]
    fig, axes = plt.subplots(1, 4, figsize=(12, 2.8), sharey=True)
    for ax, (title, z) in zip(axes, [
        ("T = 1", logits), ("T = 0.5 (sharper)", logits / 0.5), ("T = 2 (flatter)", logits / 2)
    ]):
        p = np.exp(z - z.max()); p /= p.sum()
        ax.bar(range(20), p, color="tab:blue")
        ax.set_title(title)
    p = np.exp(logits - logits.max()); p /= p.sum()
    before = np.cumsum(p) - p
    keep = before < 0.8
    axes[3].bar(np.arange(20)[keep], p[keep], color="tab:green", label="kept")
    axes[3].bar(np.arange(20)[~keep], p[~keep], color="lightgray", label="removed")
    axes[3].set_title("top-p = 0.8 (crossing token kept)")
    axes[3].legend()
    for ax in axes:
        ax.set_xlabel("token, by rank")
    fig.tight_layout()
    fig.savefig(OUT / "sampling.png", dpi=80)
    plt.close(fig)


if __name__ == "__main__":
    rope_figure()
    cache_mask_figure()
    sampling_figure()
    print("wrote", sorted(p.name for p in OUT.glob("*.png")))
