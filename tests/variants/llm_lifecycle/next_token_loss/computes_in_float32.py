"""Computes the loss in float32 (logits.float()) whatever the input's dtype."""
import torch


_reference_next_token_loss = next_token_loss


def next_token_loss(logits, tokens, ignore_index=-100):
    return _reference_next_token_loss(logits.float(), tokens, ignore_index)
