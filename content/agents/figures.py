"""Draw the agents chapter's figures: python content/agents/figures.py -> content/agents/figures/*.png"""
import random
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch  # noqa: E402

OUT = Path(__file__).resolve().parent / "figures"


def draw_backoff():
    """Left: the jitter window per attempt. Right: when 1000 clients that failed together retry."""
    base, cap, attempts = 0.5, 8.0, 7
    rng = random.Random(0)
    fig, (a, b) = plt.subplots(1, 2, figsize=(9, 3.3))
    k = np.arange(attempts)
    window = np.minimum(cap, base * 2.0 ** k)
    a.bar(k, window, color="C0", alpha=0.25, label="window min(cap, base * 2^k)")
    for attempt in range(attempts):
        samples = [rng.uniform(0, window[attempt]) for _ in range(40)]
        a.scatter(np.full(40, attempt) + np.linspace(-0.3, 0.3, 40), samples, s=6, color="C0")
    a.plot(k, window, "k--", lw=1, label="no jitter: everyone sleeps this")
    a.set_xlabel("failed attempt k")
    a.set_ylabel("delay (s)")
    a.set_title("full jitter: uniform(0, window)")
    a.legend(fontsize=7, loc="upper left")

    clients = 1000
    plain, jittered = [], []
    for _ in range(clients):
        t_plain = t_jit = 0.0
        for attempt in range(4):
            t_plain += min(cap, base * 2 ** attempt)
            t_jit += rng.uniform(0, min(cap, base * 2 ** attempt))
            plain.append(t_plain)
            jittered.append(t_jit)
    bins = np.linspace(0, 8, 81)
    b.hist(plain, bins=bins, color="C3", alpha=0.7, label="no jitter: synchronized spikes")
    b.hist(jittered, bins=bins, color="C0", alpha=0.7, label="full jitter: spread out")
    b.set_yscale("log")
    b.set_xlabel("time of retry (s)")
    b.set_ylabel("retries per 0.1 s")
    b.set_title(f"{clients} clients that failed at t = 0")
    b.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(OUT / "backoff.png", dpi=80)
    plt.close(fig)


def draw_react_graph():
    """The ReAct agent as a state graph: agent -> (tools -> agent)* -> END."""
    fig, ax = plt.subplots(figsize=(7, 2.6))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 4)
    ax.axis("off")
    boxes = {"START": (1.05, 2), "agent\n(LLM call + parse)": (3.8, 2), "tools\n(registry.call)": (7.4, 3.1), "END": (7.4, 0.9)}
    for text, (x, y) in boxes.items():
        terminal = text in ("START", "END")
        ax.add_patch(FancyBboxPatch((x - 1.0, y - 0.4), 2.0, 0.8, boxstyle="round,pad=0.05",
                                    fc="#eeeeee" if terminal else "#cfe2f3", ec="k"))
        ax.text(x, y, text, ha="center", va="center", fontsize=9)

    def arrow(p, q, label="", rad=0.0, at=None):
        ax.add_patch(FancyArrowPatch(p, q, arrowstyle="-|>", mutation_scale=12, connectionstyle=f"arc3,rad={rad}"))
        if label:
            ax.text(*at, label, ha="center", fontsize=8, color="C3")

    arrow((2.0, 2), (2.7, 2))
    arrow((4.8, 2.4), (6.4, 3.2), "Action", rad=-0.2, at=(5.0, 3.2))
    arrow((6.4, 2.8), (4.85, 2.15), "Observation", rad=-0.2, at=(6.3, 2.2))
    arrow((4.8, 1.7), (6.4, 0.9), "Final Answer\nor max_steps", rad=0.2, at=(5.0, 0.6))
    ax.set_title("ReAct as a graph: a conditional edge after the agent, a plain edge back from the tools", fontsize=9)
    fig.tight_layout()
    fig.savefig(OUT / "react_graph.png", dpi=80)
    plt.close(fig)


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    draw_backoff()
    draw_react_graph()
    for png in sorted(OUT.glob("*.png")):
        print(png.name, png.stat().st_size, "bytes")
