"""Averages the response log-probs instead of summing them (a length-normalised score)."""
import torch


def sequence_logprobs(logits, labels, mask):
    logp = torch.log_softmax(logits[:, :-1], dim=-1)
    keep = mask[:, 1:].to(logp.dtype)
    token_logp = logp.gather(-1, labels[:, 1:].unsqueeze(-1)).squeeze(-1)
    return (token_logp * keep).sum(-1) / keep.sum(-1).clamp(min=1)
