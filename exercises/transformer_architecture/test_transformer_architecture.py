"""Public checks for transformer_architecture: the basics. The hidden checks go further
(random weights compared with torch references, caches in chunks, ties, frequencies)."""
import math

import torch
import torch.nn.functional as F

from grader.check import assert_close, assert_shape, check, expect, learner

ta = learner("transformer_architecture")


@check("rms_norm", points=1)
def test_rmsnorm_matches_torch():
    x = torch.randn(3, 16, generator=torch.Generator().manual_seed(0), dtype=torch.float64) + 0.5
    y = ta.RMSNorm(16).double()(x)
    assert_close(y.detach(), F.rms_norm(x, (16,), eps=1e-6), name="RMSNorm output")


@check("layer_norm", points=1)
def test_layernorm_matches_torch():
    x = torch.randn(4, 10, generator=torch.Generator().manual_seed(1), dtype=torch.float64) * 2 + 3
    y = ta.LayerNorm(10).double()(x)
    assert_close(y.detach(), F.layer_norm(x, (10,), eps=1e-5), name="LayerNorm output")


@check("rope", points=1)
def test_rope_rotates_first_pair():
    x = torch.zeros(1, 1, 2, 4, dtype=torch.float64)
    x[..., 0] = 1.0                     # feature 0 pairs with feature 2 (= 0 + D/2), frequency 1
    y = ta.rope(x, torch.tensor([0, 1]))
    assert_shape(y, (1, 1, 2, 4), name="rope output")
    want = torch.tensor([[1.0, 0.0, 0.0, 0.0], [math.cos(1), 0.0, math.sin(1), 0.0]], dtype=torch.float64)
    assert_close(y[0, 0], want, name="rope output", hint="half-split layout: pair i with i + D/2")


@check("transformer_block", points=1)
def test_block_shape_and_causality():
    torch.manual_seed(2)
    block = ta.TransformerBlock(24, 4, 40).double()
    x = torch.randn(2, 6, 24, dtype=torch.float64)
    y = block(x)
    assert_shape(y, (2, 6, 24), name="block output")
    x2 = x.clone()
    x2[:, 4:] = 0.0
    expect(torch.allclose(block(x2)[:, :4], y[:, :4]), "outputs at positions 0..3 depend on later tokens: mask the future")


@check("tiny_gpt", points=1)
def test_gpt_logits_shape_and_tying():
    torch.manual_seed(3)
    model = ta.TinyGPT(37, 12, 24, 4, 2)
    logits = model(torch.randint(0, 37, (2, 9)))
    assert_shape(logits, (2, 9, 37), name="logits")
    expect(model.lm_head.weight is model.wte.weight, "tie the head: self.lm_head.weight = self.wte.weight")


@check("kv_cache", points=1)
def test_kvcache_appends_along_time():
    cache = ta.KVCache()
    expect(cache.seq_len == 0, "an empty cache has seq_len 0")
    k, v = torch.randn(2, 3, 4, 5), torch.randn(2, 3, 4, 5)
    cache.update(0, k, v)
    kk, vv = cache.update(0, k[:, :, :1], v[:, :, :1])
    assert_shape(kk, (2, 3, 5, 5), name="keys after two updates", hint="concatenate on dim 2 (time)")
    assert_close(vv, torch.cat([v, v[:, :, :1]], 2), name="values after two updates")
    expect(cache.seq_len == 5, "seq_len counts the positions stored in layer 0")


@check("sampling", points=1)
def test_filters_on_small_examples():
    out = ta.top_k_filter(torch.tensor([1.0, 3.0, 2.0, 0.0]), 10)
    expect(torch.isfinite(out).all(), "k larger than the vocabulary keeps every token")
    out = ta.top_p_filter(torch.log(torch.tensor([0.5, 0.3, 0.2])), 0.6)
    expect(torch.equal(torch.isinf(out), torch.tensor([False, False, True])),
           "p = 0.6 over (0.5, 0.3, 0.2) keeps 0.5 and the crossing 0.3")


class Bigram(torch.nn.Module):
    """Logits for the next token depend only on the current one; accepts (and ignores) a cache."""

    def __init__(self, vocab):
        super().__init__()
        self.table = torch.randn(vocab, vocab, generator=torch.Generator().manual_seed(5))

    def forward(self, idx, cache=None):
        return self.table[idx]                                   # (B, T, V)


@check("sampling", points=1)
def test_generate_greedy():
    model = Bigram(13)
    prompt = torch.tensor([[3, 7], [0, 12]])
    out = ta.generate(model, prompt, 5, temperature=0.0)
    assert_shape(out, (2, 7), name="generate output")
    expect(torch.equal(out[:, :2], prompt), "the output should start with the prompt")
    for t in range(2, 7):
        expect(torch.equal(out[:, t], model.table[out[:, t - 1]].argmax(-1)), "temperature 0 should pick the argmax")


@check("bpe_tokenizer", points=1)
def test_bpe_minbpe_example():
    tok = ta.BPETokenizer()
    tok.train("aaabdaaabac", 259)
    expect(tok.encode("aaabdaaabac") == [258, 100, 258, 97, 99], "the minbpe example: three merges")
    expect(tok.decode(tok.encode("héllo 🙂")) == "héllo 🙂", "decode(encode(text)) should give text back")
