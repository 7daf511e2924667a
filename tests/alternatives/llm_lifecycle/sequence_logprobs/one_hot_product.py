"""Selects the label log-probs by one-hot multiplication and masks by multiplying with a float mask."""
import torch
import torch.nn.functional as F


def sequence_logprobs(logits, labels, mask):
    logp = F.log_softmax(logits[:, :-1], dim=-1)                   # (B, T-1, V)
    weight = mask[:, 1:].to(logp.dtype)                            # (B, T-1) 1.0 on response tokens
    safe = labels[:, 1:] * (weight > 0)                            # masked-out ids -> 0 (valid for one_hot)
    one_hot = F.one_hot(safe, logits.shape[-1]).to(logp.dtype)     # (B, T-1, V)
    token_logp = (logp * one_hot).sum(dim=-1)                      # (B, T-1), finite
    return (token_logp * weight).sum(dim=1)
