"""Ignores the mask: sums the log-probs of prompt and padding tokens too."""
import torch


def sequence_logprobs(logits, labels, mask):
    logp = torch.log_softmax(logits[:, :-1], dim=-1)
    return logp.gather(-1, labels[:, 1:].unsqueeze(-1)).squeeze(-1).sum(dim=-1)
