"""Flattens, keeps only the non-ignored targets by boolean indexing, and averages with .mean()."""
import torch


def next_token_loss(logits, tokens, ignore_index=-100):
    V = logits.shape[-1]
    flat_logits = logits[:, :-1].reshape(-1, V)                    # (B*(T-1), V)
    flat_targets = tokens[:, 1:].reshape(-1)                       # (B*(T-1),)
    keep = flat_targets != ignore_index
    if not keep.any():
        return logits.sum() * 0.0                                  # 0.0, still attached to the graph
    logp = torch.log_softmax(flat_logits[keep], dim=-1)            # (n_kept, V)
    rows = torch.arange(logp.shape[0], device=logp.device)
    return -logp[rows, flat_targets[keep]].mean()
