"""Gathers labels[:, 1:] directly: crashes on -100 labels under a zero mask (as sft_collate produces)."""
import torch


def sequence_logprobs(logits, labels, mask):
    logp = torch.log_softmax(logits[:, :-1], dim=-1)
    token_logp = logp.gather(-1, labels[:, 1:].unsqueeze(-1)).squeeze(-1)
    return (token_logp * mask[:, 1:].to(logp.dtype)).sum(dim=-1)
