"""Scores labels[:, t] with logits[:, t] (no shift)."""
import torch


def sequence_logprobs(logits, labels, mask):
    logp = torch.log_softmax(logits, dim=-1)
    token_logp = logp.gather(-1, labels.unsqueeze(-1)).squeeze(-1)
    return (token_logp * mask.to(token_logp.dtype)).sum(dim=-1)
