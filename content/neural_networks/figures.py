"""Draw the figures of the neural-network chapter: python content/neural_networks/figures.py"""
from __future__ import annotations

import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from scipy.special import erf  # noqa: E402

OUT = Path(__file__).resolve().parent / "figures"


def activations():
    x = np.linspace(-4, 4, 401)
    sig = 1 / (1 + np.exp(-x))
    phi = 0.5 * (1 + erf(x / math.sqrt(2)))
    curves = {
        "sigmoid": (sig, sig * (1 - sig)),
        "tanh": (np.tanh(x), 1 - np.tanh(x) ** 2),
        "relu": (np.maximum(x, 0), (x > 0).astype(float)),
        "gelu": (x * phi, phi + x * np.exp(-x * x / 2) / math.sqrt(2 * math.pi)),
    }
    fig, axes = plt.subplots(1, 2, figsize=(8, 3.2), dpi=90)
    for name, (f, df) in curves.items():
        axes[0].plot(x, f, label=name)
        axes[1].plot(x, df, label=name)
    axes[0].set_title("activation f(x)")
    axes[1].set_title("derivative f'(x)")
    for ax in axes:
        ax.axhline(0, color="grey", lw=0.5)
        ax.axvline(0, color="grey", lw=0.5)
        ax.set_xlabel("x")
    axes[0].set_ylim(-1.5, 3)
    axes[0].legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(OUT / "activations.png")
    plt.close(fig)


def optimisers():
    """Paths of SGD, SGD+momentum and Adam on an ill-conditioned quadratic 0.5 (x^2 + 25 y^2)."""
    H = np.array([1.0, 25.0])
    grad = lambda p: H * p
    start = np.array([-4.0, 1.5])

    def run(step, n=60):
        p, state, path = start.copy(), None, [start.copy()]
        for _ in range(n):
            p, state = step(p, grad(p), state)
            path.append(p.copy())
        return np.array(path)

    def sgd(p, g, s):
        return p - 0.035 * g, None

    def momentum(p, g, s):
        v = (0 if s is None else s) * 0.8 + g
        return p - 0.035 * v, v

    def adam(p, g, s, b1=0.9, b2=0.999, lr=0.3):
        t, m, v = (0, 0 * p, 0 * p) if s is None else s
        t, m, v = t + 1, b1 * m + (1 - b1) * g, b2 * v + (1 - b2) * g * g
        return p - lr * (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + 1e-8), (t, m, v)

    xs, ys = np.meshgrid(np.linspace(-4.5, 1.5, 120), np.linspace(-2, 2, 120))
    fig, ax = plt.subplots(figsize=(6, 3.6), dpi=90)
    ax.contour(xs, ys, 0.5 * (xs ** 2 + 25 * ys ** 2), levels=15, colors="lightgrey", linewidths=0.7)
    for name, step in [("SGD lr=0.035", sgd), ("momentum 0.8", momentum), ("Adam lr=0.3", adam)]:
        path = run(step)
        ax.plot(path[:, 0], path[:, 1], ".-", ms=3, lw=1, label=name)
    ax.plot(0, 0, "k*", ms=10)
    ax.set_title("60 steps on f = (x² + 25 y²) / 2")
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    fig.savefig(OUT / "optimisers.png")
    plt.close(fig)


def schedule():
    warmup, total, base, floor = 10, 100, 1.0, 0.1
    steps = np.arange(total + 10)
    lr = np.where(steps < warmup, base * (steps + 1) / warmup,
                  floor + (base - floor) * 0.5 * (1 + np.cos(np.pi * np.clip((steps - warmup) / (total - warmup), 0, 1))))
    fig, ax = plt.subplots(figsize=(6, 2.8), dpi=90)
    ax.plot(steps, lr)
    ax.axvline(warmup, color="grey", ls="--", lw=0.8)
    ax.axvline(total, color="grey", ls="--", lw=0.8)
    ax.text(warmup + 1, 0.05, "end of warmup", fontsize=8)
    ax.text(total - 22, 0.5, "total_steps", fontsize=8)
    ax.set_xlabel("step")
    ax.set_ylabel("lr / base_lr")
    ax.set_title("linear warmup, then cosine decay to min_lr")
    fig.tight_layout()
    fig.savefig(OUT / "lr_schedule.png")
    plt.close(fig)


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    activations()
    optimisers()
    schedule()
    for png in sorted(OUT.glob("*.png")):
        print(png.name, png.stat().st_size // 1024, "KB")
