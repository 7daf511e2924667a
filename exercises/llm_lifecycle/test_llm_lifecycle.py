"""Public checks for the llm_lifecycle topic: the basics of each kata. `make check TOPIC=llm_lifecycle`.
The hidden checks (`make grade PHASE=4`) go further: random shapes against torch in float64,
ignore_index, padding that collides with real tokens, inf/NaN under masks, margins of +-1000,
gradients, clipping, per-channel scales, all-zero tensors and multi-step training."""
import math

import torch
import torch._dynamo  # noqa: F401  the first torch.optim constructor imports it (~5 s): preload it once
import torch.nn.functional as F
from torch import nn

from grader.check import assert_close, assert_shape, check, expect, learner

ll = learner("llm_lifecycle")
f64 = torch.float64


def _randn(seed, *shape):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=f64)


@check("next_token_loss")
def test_next_token_loss_uniform_logits():
    got = ll.next_token_loss(torch.zeros(2, 5, 7, dtype=f64), torch.randint(0, 7, (2, 5)))
    assert_close(got, math.log(7), name="loss of uniform logits", hint="a uniform guess over V tokens costs log(V)")


@check("next_token_loss")
def test_next_token_loss_shift_against_torch():
    logits, tokens = _randn(1, 2, 6, 9), torch.randint(0, 9, (2, 6), generator=torch.Generator().manual_seed(2))
    want = F.cross_entropy(logits[:, :-1].reshape(-1, 9), tokens[:, 1:].reshape(-1))
    assert_close(ll.next_token_loss(logits, tokens), want, name="loss",
                 hint="logits[:, t] predicts tokens[:, t + 1]")
    assert_close(ll.perplexity(logits, tokens), torch.exp(want), name="perplexity")


@check("sft_collate")
def test_sft_collate_example():
    out = ll.sft_collate([([5, 6], [7]), ([8], [9, 10, 11])], pad_id=0)
    assert_close(out["input_ids"], [[5, 6, 7, 0], [8, 9, 10, 11]], name="input_ids", hint="right padding with pad_id")
    assert_close(out["attention_mask"], [[1, 1, 1, 0], [1, 1, 1, 1]], name="attention_mask")
    assert_close(out["labels"], [[-100, -100, 7, -100], [-100, 9, 10, 11]], name="labels",
                 hint="-100 on prompt and padding, response tokens at their own positions")


@check("masked_mean")
def test_masked_mean_example():
    x = torch.tensor([[1.0, 2.0, 9.0], [4.0, 5.0, 6.0]], dtype=f64)
    mask = torch.tensor([[1, 1, 0], [0, 0, 0]])
    assert_close(ll.masked_mean(x, mask, dim=1), [1.5, 0.0], name="masked_mean(dim=1)",
                 hint="a row with no valid entry gives 0")
    assert_close(ll.masked_mean(x, mask), 1.5, name="masked_mean(dim=None)")


@check("sequence_logprobs")
def test_sequence_logprobs_small():
    logits = _randn(3, 1, 4, 5)
    labels = torch.tensor([[1, 2, 3, 4]])
    mask = torch.tensor([[0, 0, 1, 1]])
    logp = torch.log_softmax(logits, -1)
    want = logp[0, 1, 3] + logp[0, 2, 4]  # tokens 2 and 3 are predicted by positions 1 and 2
    got = ll.sequence_logprobs(logits, labels, mask)
    assert_shape(got, (1,), name="sequence log-probs")
    assert_close(got[0], want, name="sequence log-prob", hint="logits[:, t - 1] scores labels[:, t]")


@check("reward_model_loss")
def test_reward_model_loss_example():
    rc, rr = torch.tensor([2.0, 0.0], dtype=f64), torch.tensor([1.0, 0.0], dtype=f64)
    want = (math.log1p(math.exp(-1.0)) + math.log(2.0)) / 2
    assert_close(ll.reward_model_loss(rc, rr), want, name="loss", hint="mean of -log sigmoid(r_chosen - r_rejected)")
    assert_close(ll.reward_accuracy(rc, rr), 0.5, name="accuracy", hint="a tie is not a win")


@check("dpo_loss")
def test_dpo_example():
    loss, cr, rj = ll.dpo_loss(torch.tensor([-1.0], dtype=f64), torch.tensor([-3.0], dtype=f64),
                               torch.tensor([-2.0], dtype=f64), torch.tensor([-2.0], dtype=f64), 0.5)
    assert_close(cr, [0.5], name="chosen reward", hint="beta * (policy - ref)")
    assert_close(rj, [-0.5], name="rejected reward")
    assert_close(loss, math.log1p(math.exp(-1.0)), name="loss")


@check("ppo_clip_objective")
def test_ppo_example():
    ratios = torch.tensor([1.5, 0.5, 1.0], dtype=f64)
    adv = torch.tensor([1.0, -1.0, 2.0], dtype=f64)
    got = ll.ppo_clip_objective(torch.log(ratios), torch.zeros(3, dtype=f64), adv, 0.2)
    assert_close(got, (1.2 * 1.0 + 0.8 * -1.0 + 2.0) / 3, name="objective",
                 hint="mean of min(ratio * A, clip(ratio, 0.8, 1.2) * A), to maximise")


@check("grpo_advantages")
def test_grpo_example():
    got = ll.grpo_advantages(torch.tensor([1.0, 0.0, 3.0, 3.0], dtype=f64), 2)
    s = math.sqrt(0.5)  # unbiased std of (1, 0)
    assert_close(got, [0.5 / (s + 1e-4), -0.5 / (s + 1e-4), 0.0, 0.0], name="advantages",
                 hint="per group of consecutive rewards; std with ddof = 1; eps = 1e-4 added to the std")


@check("lora_linear")
def test_lora_starts_as_base_and_counts():
    torch.manual_seed(0)
    base = nn.Linear(6, 4, dtype=f64)
    layer = ll.LoRALinear(base, 2, 4)
    x = _randn(4, 3, 6)
    assert_close(layer(x), base(x), name="output at init", hint="B starts at zero")
    expect(ll.trainable_parameters(layer) == 2 * 6 + 4 * 2, "only lora_A (r, in) and lora_B (out, r) should be trainable")


@check("absmax_quantization")
def test_absmax_example():
    q, scale = ll.quantize_absmax_int8(torch.tensor([127.0, 0.5, 1.5, -2.5], dtype=f64))
    expect(q.dtype == torch.int8, "q should be torch.int8")
    assert_close(scale, 1.0, name="scale", hint="scale = max|x| / 127")
    assert_close(q, [127, 0, 2, -2], name="q", hint="torch.round: ties go to the even integer")
    assert_close(ll.dequantize(q, scale), [127.0, 0.0, 2.0, -2.0], name="dequantized")


@check("zero_point_quantization")
def test_zero_point_example():
    x = torch.tensor([-1.0, 0.0, 2.0, 4.0], dtype=f64)  # range [-1, 4]: scale 5/255, 0 -> 51
    q, scale, zp = ll.quantize_zero_point(x)
    expect(q.dtype == torch.uint8, "q should be torch.uint8")
    assert_close(scale, 5 / 255, name="scale")
    assert_close(zp, 51, name="zero_point")
    assert_close(q, [0, 51, 153, 255], name="q")
    assert_close(ll.dequantize_zero_point(q, scale, zp), x, rtol=0, atol=5 / 255 / 2, name="dequantized")


@check("pretrain_step")
def test_pretrain_step_returns_float_and_updates():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Embedding(11, 8), nn.Linear(8, 11)).double()
    batch = torch.randint(0, 11, (3, 5))
    before = [p.detach().clone() for p in model.parameters()]
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    loss = ll.pretrain_step(model, batch, opt)
    expect(isinstance(loss, float), "return the loss as a Python float (loss.item())")
    expect(abs(loss - math.log(11)) < 1.0, "the first loss should be near log(V) for a fresh model")
    expect(any(not torch.equal(b, p) for b, p in zip(before, model.parameters())), "the parameters did not change")
