"""generate never uses a cache: it calls model(whole sequence) every step (right tokens, not the pinned procedure)."""
import torch


@torch.no_grad()
def generate(model, idx, max_new_tokens, temperature=1.0, top_k=None, top_p=None, generator=None):
    out = idx
    for _ in range(max_new_tokens):
        logits = model(out)[:, -1, :]
        if temperature == 0:
            next_id = logits.argmax(dim=-1, keepdim=True)
        else:
            logits = logits / temperature
            if top_k is not None:
                logits = top_k_filter(logits, top_k)  # noqa: F821
            if top_p is not None:
                logits = top_p_filter(logits, top_p)  # noqa: F821
            next_id = torch.multinomial(logits.softmax(dim=-1), 1, generator=generator)
        out = torch.cat([out, next_id], dim=1)
    return out
