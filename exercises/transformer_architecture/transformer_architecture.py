"""The decoder-only LLM, piece by piece: norms, RoPE, the pre-norm block, a tiny GPT with a KV
cache, sampling, and a byte-level BPE tokenizer.

Read exercises/transformer_architecture/README.md first: it pins every convention the checks use.
Shapes: B batch, T time, C = d_model channels, H heads, D = C // H head size, V vocabulary.
Run `make check TOPIC=transformer_architecture` for the public checks.
"""
from __future__ import annotations

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


# --- 1. RMSNorm ------------------------------------------------------------------------------

class RMSNorm(nn.Module):
    """y = x / sqrt(mean(x**2, last axis) + eps) * weight. One parameter `weight` (dim,), ones.

    >>> RMSNorm(2)(torch.tensor([[3.0, 4.0]]))        # rms = sqrt((9 + 16) / 2) = 3.5355
    tensor([[0.8485, 1.1314]], ...)
    """

    def __init__(self, dim: int, eps: float = 1e-6):
        raise NotImplementedError("rms_norm: see exercises/transformer_architecture/README.md")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError("rms_norm: see exercises/transformer_architecture/README.md")


# --- 2. LayerNorm ----------------------------------------------------------------------------

class LayerNorm(nn.Module):
    """y = (x - mean) / sqrt(var + eps) * weight + bias over the last axis (biased variance).
    Parameters `weight` (ones) and `bias` (zeros), both (dim,)."""

    def __init__(self, dim: int, eps: float = 1e-5):
        raise NotImplementedError("layer_norm: see exercises/transformer_architecture/README.md")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError("layer_norm: see exercises/transformer_architecture/README.md")


# --- 3. RoPE ---------------------------------------------------------------------------------

def rope(x: torch.Tensor, positions: torch.Tensor, base: float = 10000.0) -> torch.Tensor:
    """Rotary position embedding, half-split layout (GPT-NeoX / Llama in Hugging Face).

    x (B, H, T, D) with D even, positions (T,) integers -> same shape and dtype as x.
    Feature i and feature i + D/2 form a pair rotated by positions[t] * base ** (-2i / D).
    Compute the frequencies and angles in x's dtype, on x's device (float64 x: float64 angles);
    positions may be int64 or int32 and never decide the dtype.

    >>> q = torch.tensor([[[[1.0, 0.0]]]])              # D = 2: one pair, frequency 1
    >>> rope(q, torch.tensor([1])).flatten()           # rotated by 1 radian
    tensor([0.5403, 0.8415])
    """
    raise NotImplementedError("rope: see exercises/transformer_architecture/README.md")


# --- 4. The pre-norm transformer block --------------------------------------------------------

class TransformerBlock(nn.Module):
    """x = x + attn(norm1(x)); x = x + fc2(gelu(fc1(norm2(x)))), causal multi-head attention.

    Pinned submodules: norm1, norm2 (LayerNorm, eps 1e-5, weight + bias), qkv = Linear(C, 3C)
    with output [q | k | v], out_proj = Linear(C, C), fc1 = Linear(C, d_ff), fc2 = Linear(d_ff, C).
    """

    def __init__(self, d_model: int, n_heads: int, d_ff: int):
        raise NotImplementedError("transformer_block: see exercises/transformer_architecture/README.md")

    def forward(self, x: torch.Tensor, cache=None, layer: int = 0) -> torch.Tensor:
        """x (B, T, C) -> (B, T, C). With a cache: k, v = cache.update(layer, k, v) and query t
        sits at absolute position cache-length-before + t."""
        raise NotImplementedError("transformer_block: see exercises/transformer_architecture/README.md")


# --- 5. TinyGPT ------------------------------------------------------------------------------

class TinyGPT(nn.Module):
    """Token + learned position embedding, n_layers TransformerBlock(C, H, 4C), final LayerNorm,
    head tied to the token embedding.

    Pinned names: wte, wpe, blocks (nn.ModuleList), ln_f, lm_head (no bias; lm_head.weight is wte.weight).
    """

    def __init__(self, vocab_size: int, block_size: int, d_model: int, n_heads: int, n_layers: int):
        raise NotImplementedError("tiny_gpt: see exercises/transformer_architecture/README.md")

    def forward(self, idx: torch.Tensor, cache=None) -> torch.Tensor:
        """idx (B, T) -> logits (B, T, V). Call each block as block(x, cache=cache, layer=i).
        With a cache, positions start at cache.seq_len (kata kv_cache)."""
        raise NotImplementedError("tiny_gpt: see exercises/transformer_architecture/README.md")


# --- 6. KV cache -----------------------------------------------------------------------------

class KVCache:
    """Keys and values of every layer seen so far, each (B, H, seq_len, D), keyed by layer."""

    def __init__(self):
        raise NotImplementedError("kv_cache: see exercises/transformer_architecture/README.md")

    @property
    def seq_len(self) -> int:
        """Positions stored in layer 0 (0 when empty)."""
        raise NotImplementedError("kv_cache: see exercises/transformer_architecture/README.md")

    def update(self, layer: int, k: torch.Tensor, v: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Append k, v (B, H, T, D) to `layer`; return all its keys and values (B, H, S + T, D).
        Layers may be seen for the first time in any order (layer 2 before layer 0 is fine)."""
        raise NotImplementedError("kv_cache: see exercises/transformer_architecture/README.md")


# --- 7. Sampling -----------------------------------------------------------------------------

def top_k_filter(logits: torch.Tensor, k: int) -> torch.Tensor:
    """Keep logits >= the k-th largest of the last axis, set the others to -inf (new tensor).
    k >= V keeps everything.

    >>> top_k_filter(torch.tensor([1.0, 3.0, 3.0, 2.0]), 2)
    tensor([-inf, 3., 3., -inf])
    """
    raise NotImplementedError("sampling: see exercises/transformer_architecture/README.md")


def top_p_filter(logits: torch.Tensor, p: float) -> torch.Tensor:
    """Keep the smallest set of most probable tokens whose probability sums to >= p (the token
    that crosses p is kept); the others become -inf.

    >>> top_p_filter(torch.log(torch.tensor([0.5, 0.3, 0.2])), 0.6)   # keeps 0.5 and 0.3
    tensor([-0.6931, -1.2040,    -inf])
    """
    raise NotImplementedError("sampling: see exercises/transformer_architecture/README.md")


def generate(model, idx: torch.Tensor, max_new_tokens: int, temperature: float = 1.0,
             top_k: int | None = None, top_p: float | None = None,
             generator: torch.Generator | None = None) -> torch.Tensor:
    """idx (B, T0) -> (B, T0 + max_new_tokens) with a KVCache: model(idx, cache=cache) once, then
    model(next_token, cache=cache) per new token but the last. temperature 0 = argmax; otherwise divide by the
    temperature, top-k, top-p, softmax, torch.multinomial(probs, 1, generator=generator)."""
    raise NotImplementedError("sampling: see exercises/transformer_architecture/README.md")


# --- 8. Byte-level BPE -----------------------------------------------------------------------

class BPETokenizer:
    """Byte-level BPE (minbpe's BasicTokenizer).

    >>> tok = BPETokenizer(); tok.train("aaabdaaabac", 259)
    >>> tok.encode("aaabdaaabac")
    [258, 100, 258, 97, 99]
    """

    def __init__(self):
        """merges: {(id, id): new_id}; vocab: {id: bytes}, starting with the 256 single bytes."""
        raise NotImplementedError("bpe_tokenizer: see exercises/transformer_architecture/README.md")

    def train(self, text: str, vocab_size: int) -> None:
        raise NotImplementedError("bpe_tokenizer: see exercises/transformer_architecture/README.md")

    def encode(self, text: str) -> list[int]:
        raise NotImplementedError("bpe_tokenizer: see exercises/transformer_architecture/README.md")

    def decode(self, ids: list[int]) -> str:
        raise NotImplementedError("bpe_tokenizer: see exercises/transformer_architecture/README.md")
