"""generate prefills, then feeds every new token, the last one included (one wasted call, the same tokens)."""
import torch


@torch.no_grad()
def generate(model, idx, max_new_tokens, temperature=1.0, top_k=None, top_p=None, generator=None):
    cache = KVCache()  # noqa: F821 - from the reference module
    out = idx.clone()
    logits = model(idx, cache=cache)[:, -1, :]                                 # (B, V)
    for _ in range(max_new_tokens):
        if temperature == 0:
            nxt = logits.argmax(dim=-1, keepdim=True)
        else:
            z = logits / temperature
            z = top_k_filter(z, top_k) if top_k is not None else z  # noqa: F821
            z = top_p_filter(z, top_p) if top_p is not None else z  # noqa: F821
            nxt = torch.multinomial(torch.softmax(z, dim=-1), 1, generator=generator)
        out = torch.cat([out, nxt], dim=1)
        logits = model(nxt, cache=cache)[:, -1, :]                             # also after the last token
    return out
