"""Draw the figures of the architectures chapter: `python content/architectures/figures.py`.

Writes content/architectures/figures/{receptive_field.png, gradient_through_time.png, patches.png}.
"""
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import torch  # noqa: E402

OUT = Path(__file__).resolve().parent / "figures"


def receptive_field(layers):
    rf, jump = 1, 1
    for k, s, d in layers:
        rf += d * (k - 1) * jump
        jump *= s
    return rf


def draw_receptive_field():
    depth = np.arange(1, 9)
    stacks = {
        "3x3 convs, stride 1": lambda n: [(3, 1, 1)] * n,
        "3x3 convs, stride 2 each": lambda n: [(3, 2, 1)] * n,
        "3x3 convs, dilation 1, 2, 4, ...": lambda n: [(3, 1, 2 ** i) for i in range(n)],
    }
    fig, ax = plt.subplots(figsize=(5.5, 3.6), dpi=100)
    for label, make in stacks.items():
        ax.plot(depth, [receptive_field(make(n)) for n in depth], marker="o", label=label)
    ax.set_yscale("log", base=2)
    ax.set_xlabel("number of layers")
    ax.set_ylabel("receptive field (pixels)")
    ax.set_title("Receptive field: linear, or exponential with stride / dilation")
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(OUT / "receptive_field.png")
    plt.close(fig)


def draw_gradient_through_time(T=60, B=16, D=8, H=32):
    torch.manual_seed(0)
    x = torch.randn(T, B, D)
    fig, ax = plt.subplots(figsize=(5.5, 3.6), dpi=100)
    open_lstm = torch.nn.LSTM(D, H)
    with torch.no_grad():  # rows H:2H of the biases are the forget gate (order i, f, g, o)
        open_lstm.bias_ih_l0[H:2 * H] = 3.0
    for name, layer in (("vanilla RNN (tanh)", torch.nn.RNN(D, H)), ("LSTM, default init", torch.nn.LSTM(D, H)),
                        ("LSTM, forget-gate bias +3", open_lstm)):
        xs = x.clone().requires_grad_(True)
        out, _ = layer(xs)
        out[-1].sum().backward()  # loss on the last step only
        norms = xs.grad.norm(dim=(1, 2)).numpy()
        ax.semilogy(np.arange(T), norms / norms[-1], label=name)
    ax.set_xlabel("time step t")
    ax.set_ylabel("||dL/dx_t|| (relative to t = T-1)")
    ax.set_title("How far back the last step's gradient reaches")
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(OUT / "gradient_through_time.png")
    plt.close(fig)


def draw_patches(H=12, W=20, p=4):
    yy, xx = np.mgrid[0:H, 0:W]
    image = np.sin(xx / 3.0) + np.cos(yy / 2.0)
    fig, ax = plt.subplots(figsize=(5.5, 3.6), dpi=100)
    ax.imshow(image, cmap="viridis")
    for k in range(0, W + 1, p):
        ax.axvline(k - 0.5, color="white", lw=1.5)
    for k in range(0, H + 1, p):
        ax.axhline(k - 0.5, color="white", lw=1.5)
    for n, (r, c) in enumerate((r, c) for r in range(H // p) for c in range(W // p)):
        ax.text(c * p + p / 2 - 0.5, r * p + p / 2 - 0.5, str(n + 1), color="white",
                ha="center", va="center", fontsize=12, weight="bold")
    ax.set_title(f"{H}x{W} image, {p}x{p} patches: tokens 1..{(H // p) * (W // p)} row by row (0 = [CLS])")
    ax.set_xticks([])
    ax.set_yticks([])
    fig.tight_layout()
    fig.savefig(OUT / "patches.png")
    plt.close(fig)


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    draw_receptive_field()
    draw_gradient_through_time()
    draw_patches()
    for png in sorted(OUT.glob("*.png")):
        print(png.name, png.stat().st_size // 1024, "KB")
