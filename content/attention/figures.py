"""Draw the attention chapter's figures: python content/attention/figures.py -> content/attention/figures/*.png"""
import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

OUT = Path(__file__).resolve().parent / "figures"


def positional_encoding(seq_len, d_model):
    p = np.arange(seq_len)[:, None]
    two_i = np.arange(d_model) - np.arange(d_model) % 2
    angle = p / 10000.0 ** (two_i / d_model)
    return np.where(np.arange(d_model) % 2 == 0, np.sin(angle), np.cos(angle))


def draw_positional_encoding():
    pe = positional_encoding(64, 48)
    fig, (a, b) = plt.subplots(1, 2, figsize=(9, 3.2), gridspec_kw={"width_ratios": [1.4, 1]})
    im = a.imshow(pe, aspect="auto", cmap="RdBu_r", vmin=-1, vmax=1)
    a.set_xlabel("dimension j (sin on even, cos on odd)")
    a.set_ylabel("position p")
    a.set_title("sinusoidal positional encoding")
    fig.colorbar(im, ax=a, fraction=0.05)
    dots = pe @ pe[20]
    b.plot(dots, color="C0")
    b.axvline(20, color="grey", ls=":")
    b.set_xlabel("position p")
    b.set_title("PE[p] . PE[20]: peaks at p = 20")
    fig.tight_layout()
    fig.savefig(OUT / "positional_encoding.png", dpi=80)
    plt.close(fig)


def draw_masks():
    L, S = 4, 7
    i, j = np.arange(L)[:, None], np.arange(S)[None, :]
    masks = {
        "causal, L = S = 7\n(lower triangle + diagonal)": np.tril(np.ones((7, 7), bool)),
        "bottom-right, L=4, S=7\n(our causal_mask: decoding with a cache)": j <= i + (S - L),
        "top-left, L=4, S=7\n(torch's is_causal)": j <= i,
        "key padding, valid_len = 5\n(masked_softmax)": np.broadcast_to(j < 5, (L, S)),
    }
    fig, axes = plt.subplots(1, 4, figsize=(11, 2.8))
    for ax, (title, m) in zip(axes, masks.items()):
        ax.imshow(m, cmap="Greens", vmin=0, vmax=1.4)
        ax.set_title(title, fontsize=8)
        ax.set_xlabel("key j")
        ax.set_ylabel("query i")
        ax.set_xticks(range(m.shape[1]))
        ax.set_yticks(range(m.shape[0]))
    fig.suptitle("boolean masks, True (green) = may attend", fontsize=9)
    fig.tight_layout()
    fig.savefig(OUT / "masks.png", dpi=80)
    plt.close(fig)


def draw_scaling():
    rng = np.random.default_rng(0)
    dims = [4, 16, 64, 256]
    fig, ax = plt.subplots(figsize=(5, 3))
    for scaled in (False, True):
        peaks = []
        for d in dims:
            q, k = rng.normal(size=(200, d)), rng.normal(size=(200, 10, d))
            s = np.einsum("nd,nsd->ns", q, k) / (math.sqrt(d) if scaled else 1.0)
            w = np.exp(s - s.max(1, keepdims=True))
            peaks.append((w / w.sum(1, keepdims=True)).max(1).mean())
        ax.plot(dims, peaks, "o-", label="q.k / sqrt(d)" if scaled else "q.k (no scaling)")
    ax.set_xscale("log", base=2)
    ax.set_xlabel("d_k")
    ax.set_ylabel("mean largest weight (10 keys)")
    ax.set_title("without 1/sqrt(d) the softmax saturates")
    ax.legend()
    fig.tight_layout()
    fig.savefig(OUT / "scaling.png", dpi=80)
    plt.close(fig)


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    draw_positional_encoding()
    draw_masks()
    draw_scaling()
    print("wrote", sorted(p.name for p in OUT.glob("*.png")))
