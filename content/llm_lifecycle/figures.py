"""Draw the chapter's figures: python content/llm_lifecycle/figures.py (writes figures/*.png)."""
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

OUT = Path(__file__).resolve().parent / "figures"
OUT.mkdir(exist_ok=True)


def preference_loss():
    m = np.linspace(-6, 6, 400)
    loss = np.logaddexp(0.0, -m)            # -log sigmoid(m), stable
    grad = -1.0 / (1.0 + np.exp(m))         # d loss / d m = -sigmoid(-m)
    fig, ax = plt.subplots(figsize=(5.2, 3.2), dpi=100)
    ax.plot(m, loss, label=r"loss $-\log\sigma(m)$")
    ax.plot(m, grad, "--", label=r"gradient $-\sigma(-m)$")
    ax.axhline(np.log(2), color="grey", lw=0.6)
    ax.text(-5.8, np.log(2) + 0.15, "log 2 at m = 0", fontsize=8, color="grey")
    ax.set_xlabel(r"margin $m = r_{chosen} - r_{rejected}$  (DPO: $\beta$ times the log-ratio gap)")
    ax.set_title("Bradley-Terry / DPO loss")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(OUT / "preference_loss.png")
    plt.close(fig)


def ppo_clip():
    rho = np.linspace(0.0, 2.0, 400)
    eps = 0.2
    fig, axes = plt.subplots(1, 2, figsize=(7.0, 2.8), dpi=100, sharey=False)
    for ax, a in zip(axes, (1.0, -1.0)):
        surrogate = np.minimum(rho * a, np.clip(rho, 1 - eps, 1 + eps) * a)
        ax.plot(rho, rho * a, ":", color="grey", label=r"$\rho A$")
        ax.plot(rho, surrogate, lw=2, label="clipped objective")
        ax.axvspan(1 - eps, 1 + eps, color="C1", alpha=0.12)
        ax.set_title(f"A = {a:+.0f}")
        ax.set_xlabel(r"ratio $\rho = \pi_{new} / \pi_{old}$")
        ax.legend(fontsize=8)
    fig.suptitle("PPO: flat (zero gradient) once the ratio moves too far in the favoured direction", fontsize=9)
    fig.tight_layout()
    fig.savefig(OUT / "ppo_clip.png")
    plt.close(fig)


def quantisation_error():
    rng = np.random.default_rng(0)
    x = np.abs(rng.normal(size=4000)) * 0.5 + 0.1           # skewed, all positive (like post-ReLU activations)
    x[0] = 6.0                                              # one outlier
    results = {}
    s = np.abs(x).max() / 127
    results["absmax int8"] = np.clip(np.round(x / s), -127, 127) * s - x
    lo, hi = min(x.min(), 0), max(x.max(), 0)
    s2 = (hi - lo) / 255
    zp = np.round(-lo / s2)
    results["zero-point uint8"] = (np.clip(np.round(x / s2) + zp, 0, 255) - zp) * s2 - x
    body = x[1:]
    s3 = np.abs(body).max() / 127                            # outlier kept aside in high precision
    results["absmax, outlier kept in fp16"] = np.concatenate([[0.0], np.clip(np.round(body / s3), -127, 127) * s3 - body])
    fig, ax = plt.subplots(figsize=(5.2, 3.0), dpi=100)
    ax.bar(list(results), [np.sqrt(np.mean(e ** 2)) for e in results.values()], color=["C0", "C2", "C3"])
    ax.set_ylabel("RMS round-trip error")
    ax.set_title("One outlier sets the scale for everyone")
    ax.tick_params(axis="x", labelsize=8)
    fig.tight_layout()
    fig.savefig(OUT / "quantisation_error.png")
    plt.close(fig)


if __name__ == "__main__":
    preference_loss()
    ppo_clip()
    quantisation_error()
    print("wrote", sorted(p.name for p in OUT.glob("*.png")))
