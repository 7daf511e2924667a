"""top-k via -kthvalue(-logits); generate calls the model at the top of each step (prefill on step 0)."""
import torch
import torch.nn.functional as F


def top_k_filter(logits, k):
    k = min(k, logits.shape[-1])
    kth = -torch.kthvalue(-logits, k, dim=-1, keepdim=True).values     # k-th largest, (..., 1)
    return logits.masked_fill(logits < kth, float("-inf"))


@torch.no_grad()
def generate(model, idx, max_new_tokens, temperature=1.0, top_k=None, top_p=None, generator=None):
    cache = KVCache()  # noqa: F821
    tokens = [idx]
    for step in range(max_new_tokens):
        feed = idx if step == 0 else tokens[-1]                         # prompt once, then the newest token
        logits = model(feed, cache=cache)[:, -1, :]
        if temperature == 0:
            nxt = torch.argmax(logits, dim=-1).unsqueeze(-1)
        else:
            logits = logits / temperature
            logits = top_k_filter(logits, top_k) if top_k is not None else logits
            logits = top_p_filter(logits, top_p) if top_p is not None else logits   # noqa: F821
            nxt = torch.multinomial(F.softmax(logits, dim=-1), num_samples=1, generator=generator)
        tokens.append(nxt)
    return torch.cat(tokens, dim=1)
