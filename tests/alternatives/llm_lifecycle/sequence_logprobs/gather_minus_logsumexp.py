"""log p = logit of the label - logsumexp over the vocabulary; masked positions zeroed with masked_fill."""
import torch


def sequence_logprobs(logits, labels, mask):
    pred = logits[:, :-1]                                          # (B, T-1, V)
    keep = mask[:, 1:] != 0                                        # (B, T-1)
    targets = labels[:, 1:].masked_fill(~keep, 0)                  # (B, T-1)
    picked = pred.gather(2, targets[..., None])[..., 0]            # (B, T-1) the label's logit
    token_logp = picked - torch.logsumexp(pred, dim=2)
    return token_logp.masked_fill(~keep, 0.0).sum(dim=1)
