"""perplexity forgets to pass ignore_index on to next_token_loss (only -100 is ever ignored)."""
import torch


def perplexity(logits, tokens, ignore_index=-100):
    return torch.exp(next_token_loss(logits, tokens))
