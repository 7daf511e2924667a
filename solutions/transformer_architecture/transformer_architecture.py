"""The decoder-only LLM, piece by piece: norms, RoPE, the pre-norm block, a tiny GPT with a KV
cache, sampling, and a byte-level BPE tokenizer.

Reference solutions (instructor edition). Shapes: B batch, T time, C = d_model channels,
H heads, D = C // H head size, V vocabulary.
"""
from __future__ import annotations

import math
from collections import Counter

import torch
import torch.nn as nn
import torch.nn.functional as F


# --- 1. RMSNorm ------------------------------------------------------------------------------

class RMSNorm(nn.Module):
    """y = x / sqrt(mean(x**2, last axis) + eps) * weight  (no mean subtraction, no bias).

    >>> RMSNorm(2)(torch.tensor([[3.0, 4.0]]))        # rms = sqrt((9 + 16) / 2)
    tensor([[0.8485, 1.1314]], grad_fn=<MulBackward0>)
    """

    def __init__(self, dim: int, eps: float = 1e-6):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        ms = x.pow(2).mean(dim=-1, keepdim=True)          # (..., 1)
        return x * torch.rsqrt(ms + self.eps) * self.weight


# --- 2. LayerNorm ----------------------------------------------------------------------------

class LayerNorm(nn.Module):
    """y = (x - mean) / sqrt(var + eps) * weight + bias over the last axis, biased variance."""

    def __init__(self, dim: int, eps: float = 1e-5):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))
        self.bias = nn.Parameter(torch.zeros(dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        mean = x.mean(dim=-1, keepdim=True)                            # (..., 1)
        var = (x - mean).pow(2).mean(dim=-1, keepdim=True)             # (..., 1), divides by C
        return (x - mean) / torch.sqrt(var + self.eps) * self.weight + self.bias


# --- 3. RoPE ---------------------------------------------------------------------------------

def rotate_half(x: torch.Tensor) -> torch.Tensor:
    """[x1, x2] -> [-x2, x1] on the last axis, halves of size D/2 (GPT-NeoX / Llama layout)."""
    half = x.shape[-1] // 2
    x1, x2 = x[..., :half], x[..., half:]
    return torch.cat([-x2, x1], dim=-1)


def rope(x: torch.Tensor, positions: torch.Tensor, base: float = 10000.0) -> torch.Tensor:
    """Rotary position embedding, half-split layout.

    x (B, H, T, D) with D even, positions (T,) integers. Feature i and feature i + D/2 form a
    pair rotated by the angle positions[t] * base ** (-2i / D), i = 0 .. D/2 - 1.

    >>> q = torch.tensor([[[[1.0, 0.0]]]])              # D = 2: one pair, frequency 1
    >>> rope(q, torch.tensor([1])).flatten()           # rotated by 1 radian
    tensor([0.5403, 0.8415])
    """
    D = x.shape[-1]
    inv_freq = base ** (-torch.arange(0, D, 2, dtype=x.dtype, device=x.device) / D)  # (D/2,)
    angles = positions.to(x.dtype)[:, None] * inv_freq[None, :]                     # (T, D/2)
    angles = torch.cat([angles, angles], dim=-1)                                     # (T, D)
    return x * angles.cos() + rotate_half(x) * angles.sin()                          # (B, H, T, D)


# --- 4. The pre-norm transformer block --------------------------------------------------------

class TransformerBlock(nn.Module):
    """x = x + attn(norm1(x)); x = x + mlp(norm2(x)) with causal multi-head self-attention.

    Pinned names: norm1, qkv (C -> 3C, output = [q | k | v]), out_proj, norm2, fc1, fc2; GELU (erf).
    The norms are LayerNorms (eps 1e-5); torch's is used here so that this kata is graded on its
    own, your LayerNorm from kata 2 is just as good.
    """

    def __init__(self, d_model: int, n_heads: int, d_ff: int):
        super().__init__()
        assert d_model % n_heads == 0
        self.n_heads = n_heads
        self.norm1 = nn.LayerNorm(d_model)
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.out_proj = nn.Linear(d_model, d_model)
        self.norm2 = nn.LayerNorm(d_model)
        self.fc1 = nn.Linear(d_model, d_ff)
        self.fc2 = nn.Linear(d_ff, d_model)

    def attention(self, x: torch.Tensor, cache, layer: int) -> torch.Tensor:
        B, T, C = x.shape
        H, D = self.n_heads, C // self.n_heads
        q, k, v = self.qkv(x).split(C, dim=-1)                 # 3 x (B, T, C)
        q = q.view(B, T, H, D).transpose(1, 2)                 # (B, H, T, D)
        k = k.view(B, T, H, D).transpose(1, 2)                 # (B, H, T, D)
        v = v.view(B, T, H, D).transpose(1, 2)                 # (B, H, T, D)
        if cache is not None:
            k, v = cache.update(layer, k, v)                   # (B, H, S + T, D): past + new
        S = k.shape[2] - T                                     # positions already cached
        scores = q @ k.transpose(-2, -1) / math.sqrt(D)        # (B, H, T, S + T)
        # query t sits at absolute position S + t and may look at keys 0 .. S + t
        allowed = torch.ones(T, S + T, dtype=torch.bool, device=x.device).tril(diagonal=S)
        scores = scores.masked_fill(~allowed, float("-inf"))
        y = scores.softmax(dim=-1) @ v                         # (B, H, T, D)
        y = y.transpose(1, 2).reshape(B, T, C)                 # (B, T, C)
        return self.out_proj(y)

    def forward(self, x: torch.Tensor, cache=None, layer: int = 0) -> torch.Tensor:
        x = x + self.attention(self.norm1(x), cache=cache, layer=layer)
        x = x + self.fc2(F.gelu(self.fc1(self.norm2(x))))
        return x


# --- 5. TinyGPT ------------------------------------------------------------------------------

class TinyGPT(nn.Module):
    """GPT-2 in miniature: token + learned position embedding, n_layers blocks, final LayerNorm,
    and an output head that shares its weight with the token embedding.

    Pinned names: wte, wpe, blocks (nn.ModuleList, called as block(x, cache=cache, layer=i)),
    ln_f, lm_head (no bias, lm_head.weight is wte.weight). Blocks use d_ff = 4 * d_model.
    """

    def __init__(self, vocab_size: int, block_size: int, d_model: int, n_heads: int, n_layers: int):
        super().__init__()
        self.wte = nn.Embedding(vocab_size, d_model)
        self.wpe = nn.Embedding(block_size, d_model)
        self.blocks = nn.ModuleList(TransformerBlock(d_model, n_heads, 4 * d_model) for _ in range(n_layers))
        self.ln_f = nn.LayerNorm(d_model)
        self.lm_head = nn.Linear(d_model, vocab_size, bias=False)
        self.lm_head.weight = self.wte.weight                  # weight tying: one tensor, two uses

    def forward(self, idx: torch.Tensor, cache=None) -> torch.Tensor:
        """idx (B, T) token ids -> logits (B, T, V). With a cache, idx holds only the new tokens
        and their positions continue after the cache.seq_len positions already cached."""
        B, T = idx.shape
        start = cache.seq_len if cache is not None else 0     # read before any layer updates it
        pos = torch.arange(start, start + T, device=idx.device)   # (T,)
        x = self.wte(idx) + self.wpe(pos)                      # (B, T, C)
        for i, block in enumerate(self.blocks):
            x = block(x, cache=cache, layer=i)
        return self.lm_head(self.ln_f(x))                      # (B, T, V)


# --- 6. KV cache -----------------------------------------------------------------------------

class KVCache:
    """Keys and values of every layer seen so far, each (B, H, seq_len, D).

    >>> cache = KVCache(); k = torch.zeros(1, 2, 3, 4)
    >>> [t.shape[2] for t in cache.update(0, k, k)], cache.seq_len
    ([3, 3], 3)
    """

    def __init__(self):
        self.keys: dict[int, torch.Tensor] = {}                # layer -> (B, H, seq_len, D)
        self.values: dict[int, torch.Tensor] = {}

    @property
    def seq_len(self) -> int:
        """Positions stored in layer 0 (0 until layer 0 is stored)."""
        return self.keys[0].shape[2] if 0 in self.keys else 0

    def update(self, layer: int, k: torch.Tensor, v: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Append this step's k, v (B, H, T, D) to `layer` and return all of them (B, H, S + T, D).
        Layers may be seen for the first time in any order (a dict, not a list that grows by one)."""
        if layer in self.keys:
            k = torch.cat([self.keys[layer], k], dim=2)        # (B, H, S + T, D)
            v = torch.cat([self.values[layer], v], dim=2)      # (B, H, S + T, D)
        self.keys[layer], self.values[layer] = k, v
        return k, v


# --- 7. Sampling -----------------------------------------------------------------------------

def top_k_filter(logits: torch.Tensor, k: int) -> torch.Tensor:
    """Keep logits >= the k-th largest of their row (last axis), set the rest to -inf.
    k >= V keeps everything; ties with the k-th value are kept. Returns a new tensor."""
    k = min(k, logits.shape[-1])
    kth = torch.topk(logits, k, dim=-1).values[..., -1:]       # (..., 1)
    return logits.masked_fill(logits < kth, float("-inf"))


def top_p_filter(logits: torch.Tensor, p: float) -> torch.Tensor:
    """Nucleus filter: keep the smallest set of most probable tokens whose probability sums to
    at least p (the token that crosses p is kept, so at least one token survives)."""
    sorted_logits, order = torch.sort(logits, dim=-1, descending=True, stable=True)  # (..., V)
    probs = sorted_logits.softmax(dim=-1)
    mass_before = probs.cumsum(dim=-1) - probs                 # probability of strictly better tokens
    drop_sorted = mass_before >= p                             # the first token has 0 before: kept
    drop = drop_sorted.scatter(-1, order, drop_sorted)         # back to vocabulary order
    return logits.masked_fill(drop, float("-inf"))


@torch.no_grad()
def generate(model, idx: torch.Tensor, max_new_tokens: int, temperature: float = 1.0,
             top_k: int | None = None, top_p: float | None = None,
             generator: torch.Generator | None = None) -> torch.Tensor:
    """Append max_new_tokens sampled tokens to idx (B, T0) -> (B, T0 + max_new_tokens).

    One prefill call model(idx, cache=cache), then one call per new token with only that token
    (the last token is never fed: its logits would not be used).
    Per step: temperature 0 -> argmax; otherwise logits / temperature, then top-k, then top-p,
    then softmax and torch.multinomial(probs, 1, generator=generator).
    """
    cache = KVCache()
    out = idx
    for step in range(max_new_tokens):
        feed = idx if step == 0 else next_id                   # the prompt once, then the newest token
        logits = model(feed, cache=cache)[:, -1, :]            # (B, V)
        if temperature == 0:
            next_id = logits.argmax(dim=-1, keepdim=True)      # (B, 1)
        else:
            logits = logits / temperature
            if top_k is not None:
                logits = top_k_filter(logits, top_k)
            if top_p is not None:
                logits = top_p_filter(logits, top_p)
            next_id = torch.multinomial(logits.softmax(dim=-1), 1, generator=generator)  # (B, 1)
        out = torch.cat([out, next_id], dim=1)                 # (B, T0 + step + 1)
    return out


# --- 8. Byte-level BPE -----------------------------------------------------------------------

def _pair_counts(ids: list[int]) -> Counter[tuple[int, int]]:
    """Counts of adjacent pairs (overlapping), in order of first occurrence (a Counter is a dict)."""
    return Counter(zip(ids, ids[1:]))


def _merge(ids: list[int], pair: tuple[int, int], new_id: int) -> list[int]:
    """Replace every occurrence of pair, scanning left to right without overlap."""
    out, i = [], 0
    while i < len(ids):
        if i + 1 < len(ids) and (ids[i], ids[i + 1]) == pair:
            out.append(new_id)
            i += 2
        else:
            out.append(ids[i])
            i += 1
    return out


class BPETokenizer:
    """Byte-level BPE as in minbpe's BasicTokenizer.

    >>> tok = BPETokenizer(); tok.train("aaabdaaabac", 259)
    >>> tok.encode("aaabdaaabac")
    [258, 100, 258, 97, 99]
    """

    def __init__(self):
        self.merges: dict[tuple[int, int], int] = {}
        self.vocab: dict[int, bytes] = {i: bytes([i]) for i in range(256)}

    def train(self, text: str, vocab_size: int) -> None:
        assert vocab_size >= 256
        ids = list(text.encode("utf-8"))
        self.merges = {}
        self.vocab = {i: bytes([i]) for i in range(256)}
        for new_id in range(256, vocab_size):
            counts = _pair_counts(ids)
            if not counts:                                     # nothing left to merge
                break
            pair = max(counts, key=counts.get)                 # ties: first occurrence wins
            ids = _merge(ids, pair, new_id)
            self.merges[pair] = new_id
            self.vocab[new_id] = self.vocab[pair[0]] + self.vocab[pair[1]]

    def encode(self, text: str) -> list[int]:
        ids = list(text.encode("utf-8"))
        while len(ids) >= 2:
            counts = _pair_counts(ids)
            pair = min(counts, key=lambda p: self.merges.get(p, math.inf))  # earliest-learned merge
            if pair not in self.merges:
                break
            ids = _merge(ids, pair, self.merges[pair])
        return ids

    def decode(self, ids: list[int]) -> str:
        return b"".join(self.vocab[i] for i in ids).decode("utf-8", errors="replace")
