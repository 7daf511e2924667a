"""Fixtures that checks hand to the learner's code: they run inside the jail, so they live here.

A check that passes the learner a model of its own making (a tiny language model to train, a
recording model for generation) builds it from a class in this module: the judge pickles the
instance by reference and the jail unpickles it from this same file, so the learner's code
works on a real ``nn.Module`` whose weights the judge reads back (:mod:`grader.bridge`).
Nothing here is an answer to a kata: fixtures are the *inputs* of checks, and the learner may
read this file.
"""
from __future__ import annotations


# --- llm_lifecycle ---------------------------------------------------------------------------------

import torch  # noqa: E402  (torch is preloaded in the zygote anyway)
from torch import nn  # noqa: E402


class LLTinyCausalLM(nn.Module):
    """Embedding + causal running mean of the past embeddings + MLP head. logits (B, T, V).

    The model that llm_lifecycle's pretrain_step checks train (an input, not an answer).
    """

    def __init__(self, vocab=40, d=24):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.mix = nn.Linear(2 * d, d)
        self.head = nn.Linear(d, vocab)

    def forward(self, ids):
        h = self.emb(ids)                                                          # (B, T, d)
        count = torch.arange(1, ids.shape[1] + 1, dtype=h.dtype).view(1, -1, 1)
        ctx = h.cumsum(dim=1) / count                                              # causal mean, (B, T, d)
        return self.head(torch.tanh(self.mix(torch.cat([h, ctx], dim=-1))))  # (B, T, V)
