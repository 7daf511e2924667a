"""generate multiplies the logits by the temperature instead of dividing."""
import torch


@torch.no_grad()
def generate(model, idx, max_new_tokens, temperature=1.0, top_k=None, top_p=None, generator=None):
    cache = KVCache()  # noqa: F821 - from the reference module
    out = idx
    logits = model(idx, cache=cache)[:, -1, :]
    for _ in range(max_new_tokens):
        if temperature == 0:
            next_id = logits.argmax(dim=-1, keepdim=True)
        else:
            logits = logits * temperature
            if top_k is not None:
                logits = top_k_filter(logits, top_k)  # noqa: F821
            if top_p is not None:
                logits = top_p_filter(logits, top_p)  # noqa: F821
            next_id = torch.multinomial(logits.softmax(dim=-1), 1, generator=generator)
        out = torch.cat([out, next_id], dim=1)
        logits = model(next_id, cache=cache)[:, -1, :]
    return out
