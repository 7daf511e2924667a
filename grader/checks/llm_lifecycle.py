"""Hidden checks for the llm_lifecycle topic: every kata against torch in float64 (F.cross_entropy,
F.logsigmoid, autograd) or a formula written here independently, with seeded inputs and distinct
sizes on every axis; plus the pinned conventions (the shift, -100, right padding, ddof = 1,
round-half-to-even, scale 1 for all-zero slices), stability at margins of +-1000, gradients,
frozen parameters and inputs not mutated."""
import copy
import math

import numpy as np
import pytest
import torch
import torch._dynamo  # noqa: F401  the first torch.optim constructor imports it (~5 s): preload it once
import torch.nn.functional as F
from torch import nn

from grader.bridge import Remote, new
from grader.check import as_number, assert_close, assert_shape, check, expect, learner
from grader.jail.fixtures import LLTinyCausalLM

ll = learner("llm_lifecycle")
f64 = torch.float64


def _gen(seed):
    return torch.Generator().manual_seed(seed)


def _randn(seed, *shape, scale=1.0):
    return torch.randn(*shape, generator=_gen(seed), dtype=f64) * scale


def _randint(seed, high, *shape):
    return torch.randint(0, high, shape, generator=_gen(seed))


def _same_dtype(got, x, what):
    expect(isinstance(got, torch.Tensor) and got.dtype == x.dtype,
           f"{what} should have the input's dtype ({str(x.dtype).replace('torch.', '')}): compute in the input's dtype, "
           "without .float() or .double()")


def _ref_next_token_loss(logits, tokens, ignore_index=-100):
    V = logits.shape[-1]
    return F.cross_entropy(logits[:, :-1].reshape(-1, V), tokens[:, 1:].reshape(-1), ignore_index=ignore_index)


# ---------------------------------------------------------------------------------------------
# next_token_loss (and perplexity)
# ---------------------------------------------------------------------------------------------

@check("next_token_loss", points=2, pins=["shift", "ban-any-path", "input-dtype"])
@pytest.mark.parametrize("B,T,V", [(3, 7, 11), (5, 2, 19)], ids=["short_batch", "two_tokens"])
def test_next_token_loss_matches_cross_entropy(B, T, V):
    logits, tokens = _randn(1, B, T, V, scale=2.0), _randint(2, V, B, T)
    got = ll.next_token_loss(logits, tokens)
    expect(isinstance(got, torch.Tensor), "next_token_loss should return a torch tensor (0-dim)")
    _same_dtype(got, logits, "the loss")
    assert_close(as_number(got, "loss"), _ref_next_token_loss(logits, tokens), name="loss",
                 hint="logits[:, t] predicts tokens[:, t + 1]: drop the last logit and the first token")


@check("next_token_loss", points=2, pins=["ignore-index"])
def test_next_token_loss_ignores_minus_100_targets():
    B, T, V = 4, 9, 13
    logits, tokens = _randn(3, B, T, V), _randint(4, V, B, T)
    tokens[0, :5] = -100
    tokens[2, 6:] = -100
    tokens[3, 1] = -100
    assert_close(as_number(ll.next_token_loss(logits, tokens.clone()), "loss"), _ref_next_token_loss(logits, tokens),
                 name="loss", hint="targets equal to ignore_index take no part: average over the others only")
    tokens7 = tokens.clone()
    tokens7[tokens7 == -100] = 7
    assert_close(as_number(ll.next_token_loss(logits, tokens7, ignore_index=7), "loss"),
                 _ref_next_token_loss(logits, tokens7, ignore_index=7), name="loss with ignore_index=7",
                 hint="use the ignore_index argument, not a hard-coded -100")
    one = torch.full((B, T), -100)
    one[1, 3] = int(tokens7[1, 3])            # exactly one target is kept
    assert_close(as_number(ll.next_token_loss(logits, one), "loss"), _ref_next_token_loss(logits, one),
                 name="loss with a single kept target", hint="divide by the number of kept targets (here 1)")


@check("next_token_loss", points=1, pins=["all-ignored-zero", "inputs-unchanged"])
def test_next_token_loss_all_ignored_is_zero_and_inputs_kept():
    logits, tokens = _randn(5, 2, 6, 8), torch.full((2, 6), -100)
    tokens[:, 0] = 3  # token 0 is never a target, so every target is ignored
    before = (logits.clone(), tokens.clone())
    got = as_number(ll.next_token_loss(logits, tokens), "loss")
    expect(got == 0.0, "when every target is ignored the loss should be 0.0 (not NaN): clamp the count to at least 1")
    expect(torch.equal(logits, before[0]) and torch.equal(tokens, before[1]),
           "next_token_loss modified its inputs: work on new tensors")


@check("next_token_loss", points=1, pins=["stable", "differentiable"])
def test_next_token_loss_stable_and_differentiable():
    B, T, V = 2, 5, 7
    logits = _randn(6, B, T, V, scale=1000.0).requires_grad_(True)
    tokens = _randint(7, V, B, T)
    got = ll.next_token_loss(logits, tokens)
    expect(isinstance(got, torch.Tensor) and got.requires_grad,
           "the loss should be a tensor that carries gradients back to the logits")
    assert_close(as_number(got, "loss"), _ref_next_token_loss(logits.detach(), tokens), rtol=1e-9, name="loss at logits ~1000",
                 hint="use log_softmax (x - logsumexp x), not log(softmax(x)), so huge logits neither overflow nor give log(0)")
    got.backward()
    ref_logits = logits.detach().clone().requires_grad_(True)
    _ref_next_token_loss(ref_logits, tokens).backward()
    assert_close(logits.grad, ref_logits.grad, name="gradient of the loss wrt logits")


@check("next_token_loss", points=1, pins=["perplexity-exp", "perplexity-ignore-index"])
def test_perplexity_is_exp_of_loss():
    B, T, V = 3, 8, 17
    logits, tokens = _randn(8, B, T, V), _randint(9, V, B, T)
    tokens[1, 4:] = -100
    assert_close(as_number(ll.perplexity(logits, tokens), "perplexity"),
                 torch.exp(_ref_next_token_loss(logits, tokens)), name="perplexity",
                 hint="perplexity = exp(mean next-token cross-entropy), with the same shift and ignore_index")
    tokens5 = tokens.clone()
    tokens5[tokens5 == -100] = 5
    assert_close(as_number(ll.perplexity(logits, tokens5, ignore_index=5), "perplexity"),
                 torch.exp(_ref_next_token_loss(logits, tokens5, ignore_index=5)), name="perplexity with ignore_index=5",
                 hint="pass ignore_index on to the loss: perplexity takes the same arguments")
    flat = torch.zeros(2, 4, 29, dtype=f64)
    assert_close(as_number(ll.perplexity(flat, _randint(10, 29, 2, 4)), "perplexity"), 29.0,
                 name="perplexity of uniform logits", hint="a uniform model over V tokens has perplexity V")


@check("next_token_loss", points=1, pins=["input-dtype"])
def test_next_token_loss_float32_stays_float32():
    logits, tokens = _randn(11, 3, 6, 10).float(), _randint(12, 10, 3, 6)
    got = ll.next_token_loss(logits, tokens)
    _same_dtype(got, logits, "the loss of float32 logits")
    assert_close(as_number(got, "loss"), _ref_next_token_loss(logits.double(), tokens), rtol=1e-5, atol=1e-6,
                 name="loss of float32 logits")
    _same_dtype(ll.perplexity(logits, tokens), logits, "the perplexity of float32 logits")


# ---------------------------------------------------------------------------------------------
# sft_collate
# ---------------------------------------------------------------------------------------------

def _ref_collate(examples, pad_id):
    L = max(len(p) + len(r) for p, r in examples)
    ids = np.full((len(examples), L), pad_id)
    att = np.zeros((len(examples), L), dtype=int)
    lab = np.full((len(examples), L), -100)
    for i, (p, r) in enumerate(examples):
        seq = list(p) + list(r)
        ids[i, :len(seq)] = seq
        att[i, :len(seq)] = 1
        lab[i, len(p):len(seq)] = list(r)
    return ids, att, lab


def _random_examples(seed, n, vocab=50):
    rng = np.random.default_rng(seed)
    return [([int(t) for t in rng.integers(1, vocab, rng.integers(1, 6))],
             [int(t) for t in rng.integers(1, vocab, rng.integers(1, 7))]) for _ in range(n)]


def _collated(out):
    expect(isinstance(out, dict), "sft_collate should return a dict with input_ids, attention_mask, labels")
    for key in ("input_ids", "attention_mask", "labels"):
        expect(key in out, f"sft_collate's dict lacks the key {key!r}")
        expect(isinstance(out[key], torch.Tensor), f"{key} should be a torch tensor")
    return out["input_ids"], out["attention_mask"], out["labels"]


@check("sft_collate", points=2, pins=["right-padding", "labels-minus-100", "long-tensors", "attention-mask"])
@pytest.mark.parametrize("seed,n,pad", [(11, 5, 0), (12, 3, 49)], ids=["five_pad0", "three_pad49"])
def test_sft_collate_matches_reference(seed, n, pad):
    examples = _random_examples(seed, n)
    ids, att, lab = _collated(ll.sft_collate(examples, pad))
    r_ids, r_att, r_lab = _ref_collate(examples, pad)
    assert_shape(ids, r_ids.shape, name="input_ids", hint="(batch, longest prompt + response)")
    expect(ids.dtype == torch.long and att.dtype == torch.long and lab.dtype == torch.long,
           "input_ids, attention_mask and labels should all be torch.long tensors")
    expect(np.array_equal(ids.numpy(), r_ids), "input_ids are wrong: prompt then response, then pad_id on the RIGHT")
    expect(np.array_equal(att.numpy(), r_att), "attention_mask is wrong: 1 on every real token (prompt and response), 0 on padding")
    expect(np.array_equal(lab.numpy(), r_lab),
           "labels are wrong: the response tokens at their own positions (unshifted), -100 on the prompt and on padding")


@check("sft_collate", points=1, pins=["padding-by-position"])
def test_sft_collate_pad_id_collides_with_a_real_token():
    # pad_id 7 also appears inside a response: a label derived from "ids != pad_id" would be wrong
    examples = [([1, 2], [7, 7, 3]), ([4], [5])]
    ids, att, lab = _collated(ll.sft_collate(examples, 7))
    r_ids, r_att, r_lab = _ref_collate(examples, 7)
    expect(np.array_equal(att.numpy(), r_att) and np.array_equal(lab.numpy(), r_lab),
           "a real token equal to pad_id must stay in attention_mask and labels: mark padding by position, not by value")


@check("sft_collate", points=1, pins=["lists-or-tensors", "inputs-unchanged"])
def test_sft_collate_accepts_tensors_and_does_not_mutate():
    examples = _random_examples(13, 4)
    as_tensors = [(torch.tensor(p), torch.tensor(r)) for p, r in examples]
    snapshot = copy.deepcopy(examples)
    ids, att, lab = _collated(ll.sft_collate(as_tensors, 0))
    _, _, r_lab = _ref_collate(examples, 0)
    expect(np.array_equal(lab.numpy(), r_lab), "1-D LongTensors as prompt/response should work like lists")
    ll.sft_collate(examples, 0)
    expect(examples == snapshot, "sft_collate modified the examples it was given")


@check("sft_collate", points=1, pins=["labels-unshifted"])
def test_sft_collate_loss_counts_only_response_tokens():
    # property: the shifted loss on the collated batch equals the mean NLL of the response tokens only
    examples = _random_examples(14, 3, vocab=23)
    ids, att, lab = _collated(ll.sft_collate(examples, 0))
    logits = _randn(15, ids.shape[0], ids.shape[1], 23)
    got = _ref_next_token_loss(logits, lab)
    logp = torch.log_softmax(logits, -1)
    terms = []
    for i, (p, r) in enumerate(examples):
        for j in range(len(r)):
            pos = len(p) + j  # the response token's position; predicted by the logit at pos - 1
            terms.append(-logp[i, pos - 1, r[j]])
    assert_close(got, torch.stack(terms).mean(), name="shifted SFT loss on your labels",
                 hint="keep labels aligned with input_ids (unshifted) and -100 everywhere but the response")


# ---------------------------------------------------------------------------------------------
# masked_mean
# ---------------------------------------------------------------------------------------------

@check("masked_mean", points=2, pins=["mean-over-valid", "dim-none"])
@pytest.mark.parametrize("dim", [0, 1, -1, None], ids=["dim0", "dim1", "dim_last", "all"])
def test_masked_mean_matches_numpy(dim):
    x = _randn(21, 6, 9)
    mask = torch.rand(6, 9, generator=_gen(22)) > 0.4
    mask[:, 0] = True
    mask[0, :] = True
    got = ll.masked_mean(x, mask, dim=dim)
    want = np.ma.masked_array(x.numpy(), mask=~mask.numpy()).mean(axis=dim)
    want = np.asarray(want.filled(0.0) if hasattr(want, "filled") else want)
    assert_close(got, want, name=f"masked_mean(dim={dim})",
                 hint="sum of x over valid entries divided by the number of valid entries along dim")


@check("masked_mean", points=1, pins=["empty-slice-zero", "mask-dtypes"])
def test_masked_mean_int_mask_and_fully_masked_slice():
    x = _randn(23, 4, 7)
    mask = (torch.rand(4, 7, generator=_gen(24)) > 0.5).long()
    mask[2] = 0
    mask[0, 0] = 1
    mask[1, 1] = 1
    mask[3] = 0
    mask[3, 2] = 1                             # a row with exactly one valid entry
    got = ll.masked_mean(x, mask, dim=1)
    want = np.ma.masked_array(x.numpy(), mask=mask.numpy() == 0).mean(axis=1).filled(0.0)
    assert_close(got, want, name="masked_mean with a 0/1 integer mask and an all-masked row",
                 hint="a row with no valid entry gives 0, not NaN: clamp the count to at least 1")


@check("masked_mean", points=1, pins=["select-not-multiply"])
def test_masked_mean_ignores_inf_and_nan_in_masked_entries():
    x = _randn(25, 3, 5)
    mask = torch.ones(3, 5, dtype=torch.bool)
    mask[0, 4] = mask[1, 0] = False
    x_bad = x.clone()
    x_bad[0, 4] = float("-inf")   # e.g. the log-prob of a padding token
    x_bad[1, 0] = float("nan")
    got = ll.masked_mean(x_bad, mask, dim=1)
    want = np.ma.masked_array(x.numpy(), mask=~mask.numpy()).mean(axis=1).filled(0.0)
    assert_close(got, want, name="masked_mean with inf/NaN under the mask",
                 hint="x * mask turns -inf * 0 into NaN: select with torch.where(mask, x, 0) instead")


@check("masked_mean", points=1, pins=["differentiable"])
def test_masked_mean_gradient():
    x = _randn(26, 5, 4).requires_grad_(True)
    mask = torch.rand(5, 4, generator=_gen(27)) > 0.3
    mask[:, 0] = True
    ll.masked_mean(x, mask, dim=0).sum().backward()
    want = mask.double() / mask.double().sum(0, keepdim=True)
    assert_close(x.grad, want, name="gradient of masked_mean wrt x",
                 hint="each valid entry gets 1 / count, masked entries 0; keep the computation differentiable")


@check("masked_mean", points=1, pins=["empty-slice-zero", "dim-none", "mask-dtypes", "result-dtype"])
def test_masked_mean_empty_mask_over_everything_float_mask_and_float32():
    x = _randn(28, 3, 4)
    got = ll.masked_mean(x, torch.zeros(3, 4, dtype=torch.bool))
    expect(isinstance(got, torch.Tensor) and got.dim() == 0, "masked_mean with dim=None should return a 0-dim tensor")
    expect(bool(torch.isfinite(got)) and float(got) == 0.0,
           "with dim=None and no valid entry at all the mean should be 0 (not NaN): clamp the count to at least 1")
    fmask = (torch.rand(3, 4, generator=_gen(29)) > 0.5).double()
    fmask[0] = 0.0
    fmask[1] = 0.0
    fmask[1, 3] = 1.0
    want = np.ma.masked_array(x.numpy(), mask=fmask.numpy() == 0).mean(axis=1).filled(0.0)
    assert_close(ll.masked_mean(x, fmask, dim=1), want, name="masked_mean with a 0/1 float mask",
                 hint="a float mask of 0.0 / 1.0 means the same as a bool one (convert it with .bool())")
    x32 = x.float()
    got32 = ll.masked_mean(x32, fmask.bool(), dim=1)
    expect(isinstance(got32, torch.Tensor) and got32.dtype == torch.float32,
           "masked_mean of a float32 x should be float32: compute in x's dtype (cast the count to x.dtype)")
    assert_close(got32.double(), want, rtol=1e-5, atol=1e-6, name="masked_mean of float32 x")


# ---------------------------------------------------------------------------------------------
# sequence_logprobs
# ---------------------------------------------------------------------------------------------

def _ref_sequence_logprobs(logits, labels, mask):
    V = logits.shape[-1]
    B, T = labels.shape
    per_token = -F.cross_entropy(logits[:, :-1].reshape(-1, V), labels[:, 1:].reshape(-1), reduction="none")
    return (per_token.reshape(B, T - 1) * mask[:, 1:].double()).sum(1)


def _prompt_response_mask(B, T, prompt_lens, resp_lens):
    mask = torch.zeros(B, T, dtype=torch.bool)
    for i, (p, r) in enumerate(zip(prompt_lens, resp_lens)):
        mask[i, p:p + r] = True
    return mask


@check("sequence_logprobs", points=2, pins=["shift", "sum-not-mean", "mask-dtypes"])
@pytest.mark.parametrize("mask_dtype", [torch.bool, torch.long, f64], ids=["bool_mask", "long_mask", "float_mask"])
def test_sequence_logprobs_matches_cross_entropy(mask_dtype):
    B, T, V = 4, 10, 21
    logits, labels = _randn(31, B, T, V, scale=2.0), _randint(32, V, B, T)
    mask = _prompt_response_mask(B, T, [3, 1, 5, 2], [6, 4, 5, 3]).to(mask_dtype)
    got = ll.sequence_logprobs(logits, labels, mask)
    assert_shape(got, (B,), name="sequence log-probs", hint="one summed log-prob per sequence")
    assert_close(got, _ref_sequence_logprobs(logits, labels, mask), name="sequence log-probs",
                 hint="sum log p(labels[:, t] | logits[:, t-1]) over the positions t where mask[:, t] is 1")


@check("sequence_logprobs", points=1, pins=["prompt-padding-excluded", "mask-aligned-with-labels"])
def test_sequence_logprobs_excludes_prompt_and_padding():
    # property: changing labels/logits outside the response does not change the result
    B, T, V = 3, 9, 15
    logits, labels = _randn(33, B, T, V), _randint(34, V, B, T)
    mask = _prompt_response_mask(B, T, [2, 4, 1], [3, 4, 5])
    base = ll.sequence_logprobs(logits, labels, mask)
    labels2 = labels.clone()
    labels2[~mask] = (labels2[~mask] + 5) % V  # scramble prompt and padding tokens
    logits2 = logits.clone()
    logits2[:, -1] += 100.0                     # the last logit predicts nothing
    assert_close(ll.sequence_logprobs(logits2, labels2, mask), base, name="sequence log-probs",
                 hint="only response tokens (mask = 1) count, and the last position's logits predict nothing")
    labels3 = labels.clone()
    labels3[~mask] = -100                       # labels as sft_collate makes them: -100 on prompt and padding
    try:
        got = ll.sequence_logprobs(logits, labels3, mask)
    except (RuntimeError, IndexError) as err:
        raise AssertionError("sequence_logprobs crashed on labels that are -100 where the mask is 0 (as sft_collate "
                             "makes them): replace masked-out targets by a valid id (e.g. 0) before gather "
                             f"({type(err).__name__})") from None
    assert_close(got, base, name="sequence log-probs with -100 labels under the mask",
                 hint="positions with mask 0 never count, whatever their label")


@check("sequence_logprobs", points=1, pins=["stable", "mask-aligned-with-labels"])
def test_sequence_logprobs_stable_and_not_positive():
    B, T, V = 2, 6, 9
    logits, labels = _randn(35, B, T, V, scale=800.0), _randint(36, V, B, T)
    mask = torch.ones(B, T, dtype=torch.long)
    got = ll.sequence_logprobs(logits, labels, mask)
    expect(torch.isfinite(torch.as_tensor(got)).all(), "log-probs are inf/NaN for logits ~800: use log_softmax")
    assert_close(got, _ref_sequence_logprobs(logits, labels, mask), rtol=1e-9, name="sequence log-probs at huge logits")


@check("sequence_logprobs", points=1, pins=["differentiable", "inputs-unchanged", "input-dtype"])
def test_sequence_logprobs_gradient_and_inputs_kept():
    B, T, V = 3, 7, 11
    logits = _randn(37, B, T, V).requires_grad_(True)
    labels, mask = _randint(38, V, B, T), _prompt_response_mask(B, T, [1, 2, 3], [5, 3, 4])
    before = (labels.clone(), mask.clone())
    ll.sequence_logprobs(logits, labels, mask).sum().backward()
    ref = logits.detach().clone().requires_grad_(True)
    _ref_sequence_logprobs(ref, labels, mask).sum().backward()
    assert_close(logits.grad, ref.grad, name="gradient wrt logits")
    expect(torch.equal(labels, before[0]) and torch.equal(mask, before[1]), "sequence_logprobs modified labels or mask")
    got32 = ll.sequence_logprobs(logits.detach().float(), labels, mask)
    _same_dtype(got32, logits.detach().float(), "the log-probs of float32 logits")
    assert_close(got32.double(), _ref_sequence_logprobs(logits.detach(), labels, mask), rtol=1e-5, atol=1e-5,
                 name="log-probs of float32 logits")


# ---------------------------------------------------------------------------------------------
# reward_model_loss (and reward_accuracy)
# ---------------------------------------------------------------------------------------------

def _ref_bt(rc, rr):
    # -log sigmoid(m) = softplus(-m) = log(1 + exp(-m)), written with numpy's logaddexp
    return torch.tensor(np.mean(np.logaddexp(0.0, -(rc - rr).detach().numpy())), dtype=f64)


@check("reward_model_loss", points=2, pins=["bradley-terry-mean"])
def test_reward_model_loss_matches_formula():
    rc, rr = _randn(41, 13, scale=2.0), _randn(42, 13, scale=2.0)
    assert_close(as_number(ll.reward_model_loss(rc, rr), "loss"), _ref_bt(rc, rr), name="reward model loss",
                 hint="mean over pairs of -log sigmoid(r_chosen - r_rejected)")


@check("reward_model_loss", points=2, pins=["finite-any-margin"])
def test_reward_model_loss_stable_at_extreme_margins():
    rc = torch.tensor([1000.0, -1000.0, 0.0, 500.0], dtype=f64)
    rr = torch.tensor([-1000.0, 1000.0, 0.0, 600.0], dtype=f64)
    got = as_number(ll.reward_model_loss(rc, rr), "loss")
    expect(math.isfinite(got), "the loss is inf/NaN at margins of +-2000: use logsigmoid (or softplus), not log(sigmoid(.))")
    assert_close(got, _ref_bt(rc, rr), rtol=1e-12, name="reward model loss at extreme margins")


@check("reward_model_loss", points=1, pins=["differentiable"])
def test_reward_model_loss_gradient_pushes_chosen_up():
    rc, rr = _randn(43, 9).requires_grad_(True), _randn(44, 9).requires_grad_(True)
    ll.reward_model_loss(rc, rr).backward()
    m = (rc - rr).detach()
    want = -torch.sigmoid(-m) / 9  # d/dm of mean softplus(-m)
    assert_close(rc.grad, want, name="d loss / d r_chosen", hint="minimising the loss must raise r_chosen")
    assert_close(rr.grad, -want, name="d loss / d r_rejected")


@check("reward_model_loss", points=1, pins=["accuracy-strict", "accuracy-float"])
def test_reward_accuracy():
    rc = torch.tensor([2.0, 1.0, 0.5, -1.0, 3.0, 0.0, 4.0], dtype=f64)
    rr = torch.tensor([1.0, 1.0, 0.7, -2.0, 2.0, 0.1, -4.0], dtype=f64)
    raw = ll.reward_accuracy(rc, rr)
    expect(isinstance(raw, float), "reward_accuracy should return a Python float (call .item() on a 0-dim tensor)")
    got = as_number(raw, "accuracy")
    assert_close(got, 4 / 7, name="reward accuracy", hint="fraction of pairs with r_chosen > r_rejected; a tie counts as wrong")


# ---------------------------------------------------------------------------------------------
# dpo_loss
# ---------------------------------------------------------------------------------------------

def _dpo_out(result):
    expect(isinstance(result, (tuple, list)) and len(result) == 3,
           "dpo_loss should return (loss, chosen_rewards, rejected_rewards)")
    return result


def _ref_dpo(pc, pr, rc, rr, beta):
    pc, pr, rc, rr = (t.detach().numpy() for t in (pc, pr, rc, rr))
    cr, rj = beta * (pc - rc), beta * (pr - rr)
    return np.mean(np.logaddexp(0.0, -(cr - rj))), cr, rj


@check("dpo_loss", points=2, pins=["implicit-rewards", "default-beta"])
@pytest.mark.parametrize("beta", [None, 0.5], ids=["default_beta", "beta_0.5"])
def test_dpo_matches_formula(beta):
    n = 11
    pc, pr, rc, rr = (_randn(50 + i, n, scale=5.0) - 30.0 for i in range(4))
    if beta is None:                          # the signature's default, pinned in the brief
        loss, cr, rj = _dpo_out(ll.dpo_loss(pc, pr, rc, rr))
        beta = 0.1
    else:
        loss, cr, rj = _dpo_out(ll.dpo_loss(pc, pr, rc, rr, beta))
    w_loss, w_cr, w_rj = _ref_dpo(pc, pr, rc, rr, beta)
    assert_close(cr, w_cr, name="chosen rewards", hint="beta * (policy_chosen - ref_chosen), one per pair")
    assert_close(rj, w_rj, name="rejected rewards", hint="beta * (policy_rejected - ref_rejected)")
    assert_close(as_number(loss, "loss"), w_loss, name="DPO loss",
                 hint="mean of -log sigmoid(chosen_reward - rejected_reward); beta multiplies both log-ratios")


@check("dpo_loss", points=2, pins=["finite-any-margin"])
def test_dpo_stable_at_extreme_margins():
    pc = torch.tensor([1000.0, -1000.0, 0.0, -5.0], dtype=f64)
    pr = torch.tensor([-1000.0, 1000.0, 0.0, -6.0], dtype=f64)
    rc = torch.zeros(4, dtype=f64)
    rr = torch.zeros(4, dtype=f64)
    loss, cr, rj = _dpo_out(ll.dpo_loss(pc, pr, rc, rr, 1.0))
    got = as_number(loss, "loss")
    expect(math.isfinite(got), "the DPO loss is inf/NaN at margins of +-2000: use logsigmoid, not log(sigmoid(.))")
    assert_close(got, _ref_dpo(pc, pr, rc, rr, 1.0)[0], rtol=1e-12, name="DPO loss at extreme margins")


@check("dpo_loss", points=1, pins=["differentiable", "log2-at-reference"])
def test_dpo_gradient_and_zero_point():
    n, beta = 7, 0.3
    pc, pr = _randn(60, n).requires_grad_(True), _randn(61, n).requires_grad_(True)
    rc, rr = _randn(62, n), _randn(63, n)
    loss, _, _ = _dpo_out(ll.dpo_loss(pc, pr, rc, rr, beta))
    loss.backward()
    m = beta * ((pc - rc) - (pr - rr)).detach()
    want = -beta * torch.sigmoid(-m) / n
    assert_close(pc.grad, want, name="d loss / d policy_chosen",
                 hint="minimising the loss must raise the policy's chosen log-prob, scaled by beta")
    assert_close(pr.grad, -want, name="d loss / d policy_rejected")
    same = _randn(64, 5)
    loss0, _, _ = _dpo_out(ll.dpo_loss(same, same + 1.0, same, same + 1.0, beta))
    assert_close(as_number(loss0, "loss"), math.log(2.0), name="DPO loss when policy == reference",
                 hint="with policy equal to the reference every implicit reward is 0 and the loss is log 2")


# ---------------------------------------------------------------------------------------------
# ppo_clip_objective
# ---------------------------------------------------------------------------------------------

def _ref_ppo_terms(logp_new, logp_old, adv, eps):
    """Elementwise, by cases: the clipped term is used when it is the pessimistic one."""
    ratio = np.exp(logp_new - logp_old)
    out = np.empty_like(ratio)
    for idx in np.ndindex(ratio.shape):
        r, a = ratio[idx], adv[idx]
        if a >= 0:
            out[idx] = min(r, 1 + eps) * a
        else:
            out[idx] = max(r, 1 - eps) * a
    return out


@check("ppo_clip_objective", points=2, pins=["objective-sign", "default-clip-eps"])
@pytest.mark.parametrize("eps", [None, 0.1], ids=["default_eps", "eps_0.1"])
def test_ppo_matches_case_formula(eps):
    shape = (4, 9)
    logp_old = _randn(70, *shape) - 2.0
    logp_new = logp_old + _randn(71, *shape, scale=0.4)  # ratios on both sides of the clip range
    adv = _randn(72, *shape)
    if eps is None:                           # the signature's default, clip_eps=0.2
        got, eps = as_number(ll.ppo_clip_objective(logp_new, logp_old, adv), "objective"), 0.2
    else:
        got = as_number(ll.ppo_clip_objective(logp_new, logp_old, adv, eps), "objective")
    want = _ref_ppo_terms(logp_new.numpy(), logp_old.numpy(), adv.numpy(), eps).mean()
    assert_close(got, want, name="PPO objective",
                 hint="mean of min(ratio * A, clip(ratio, 1-eps, 1+eps) * A), ratio = exp(logp_new - logp_old); "
                      "it is the objective to MAXIMISE (no minus sign)")


@check("ppo_clip_objective", points=1, pins=["mask-mean"])
def test_ppo_mask_restricts_the_mean():
    shape = (3, 8)
    logp_old = _randn(73, *shape) - 1.0
    logp_new = logp_old + _randn(74, *shape, scale=0.3)
    adv = _randn(75, *shape)
    mask = torch.ones(shape, dtype=torch.long)
    mask[0, 5:] = 0
    mask[2, :3] = 0
    terms = _ref_ppo_terms(logp_new.numpy(), logp_old.numpy(), adv.numpy(), 0.2)
    want = terms[mask.numpy() == 1].mean()
    got = as_number(ll.ppo_clip_objective(logp_new, logp_old, adv, 0.2, mask=mask), "objective")
    assert_close(got, want, name="PPO objective with a mask", hint="average over the positions where mask is 1 only")


@check("ppo_clip_objective", points=2, pins=["clipped-gradient-zero"])
def test_ppo_gradient_is_zero_where_clipped():
    logp_old = torch.zeros(6, dtype=f64)
    # ratios 1.5 (A>0: clipped), 0.5 (A<0: clipped), 1.05 (inside), 0.5 (A>0: not clipped), 1.5 (A<0: not clipped), 1.0
    ratios = torch.tensor([1.5, 0.5, 1.05, 0.5, 1.5, 1.0], dtype=f64)
    adv = torch.tensor([1.0, -2.0, 3.0, 0.5, -1.5, 2.0], dtype=f64)
    logp_new = torch.log(ratios).requires_grad_(True)
    obj = ll.ppo_clip_objective(logp_new, logp_old, adv, 0.2)
    expect(isinstance(obj, torch.Tensor) and obj.requires_grad, "the objective should carry gradients to logp_new")
    obj.backward()
    want = torch.tensor([0.0, 0.0, 1.05 * 3.0, 0.5 * 0.5, 1.5 * -1.5, 2.0], dtype=f64) / 6
    assert_close(logp_new.grad, want, name="d objective / d logp_new",
                 hint="where the ratio left [1-eps, 1+eps] in the direction the advantage favours, the gradient is 0")


@check("ppo_clip_objective", points=1, pins=["objective-sign"])
def test_ppo_on_policy_equals_mean_advantage():
    logp = _randn(76, 5, 7) - 3.0
    adv = _randn(77, 5, 7)
    assert_close(as_number(ll.ppo_clip_objective(logp, logp.clone(), adv, 0.2), "objective"), adv.mean(),
                 name="PPO objective with logp_new == logp_old", hint="the ratio is 1, so the objective is mean(A)")


@check("ppo_clip_objective", points=1, pins=["mask-empty-zero", "mask-dtypes", "mask-mean"])
def test_ppo_bool_float_single_and_empty_masks():
    shape = (4, 5)
    logp_old = _randn(78, *shape) - 1.0
    logp_new = logp_old + _randn(79, *shape, scale=0.3)
    adv = _randn(80, *shape)
    terms = _ref_ppo_terms(logp_new.numpy(), logp_old.numpy(), adv.numpy(), 0.2)
    keep = torch.rand(shape, generator=_gen(81)) > 0.4
    keep[0, 0] = True
    for mask, what in [(keep, "bool"), (keep.double(), "0/1 float")]:
        got = as_number(ll.ppo_clip_objective(logp_new, logp_old, adv, 0.2, mask=mask), "objective")
        assert_close(got, terms[keep.numpy()].mean(), name=f"PPO objective with a {what} mask",
                     hint="the mask may be bool, 0/1 int or 0/1 float: average over the entries it keeps")
    single = torch.zeros(shape, dtype=torch.long)
    single[2, 3] = 1
    got = as_number(ll.ppo_clip_objective(logp_new, logp_old, adv, 0.2, mask=single), "objective")
    assert_close(got, terms[2, 3], name="PPO objective with a mask that keeps one entry",
                 hint="divide by the number of kept entries (here 1)")
    got = as_number(ll.ppo_clip_objective(logp_new, logp_old, adv, 0.2, mask=torch.zeros(shape, dtype=torch.long)),
                    "objective")
    expect(math.isfinite(got) and got == 0.0, "a mask that keeps no entry should give 0 (not NaN): clamp the count to at least 1")


@check("ppo_clip_objective", points=1, pins=["ratio-from-difference"])
def test_ppo_very_negative_log_probs():
    # summed log-probs of whole sequences: exp(logp) underflows to 0, exp(logp_new - logp_old) does not
    shape = (3, 7)
    logp_old = _randn(82, *shape, scale=50.0) - 900.0
    logp_new = logp_old + _randn(83, *shape, scale=0.3)
    adv = _randn(84, *shape)
    got = as_number(ll.ppo_clip_objective(logp_new, logp_old, adv, 0.2), "objective")
    expect(math.isfinite(got), "the objective is NaN/inf for log-probs near -900: the ratio must be exp(logp_new - logp_old), "
                               "never exp(logp_new) / exp(logp_old) (0 / 0 there)")
    assert_close(got, _ref_ppo_terms(logp_new.numpy(), logp_old.numpy(), adv.numpy(), 0.2).mean(),
                 name="PPO objective at log-probs near -900", hint="ratio = exp(logp_new - logp_old)")


# ---------------------------------------------------------------------------------------------
# grpo_advantages
# ---------------------------------------------------------------------------------------------

def _ref_grpo(rewards, group_size, eps=1e-4):
    r = rewards.numpy().reshape(-1, group_size)
    return ((r - r.mean(1, keepdims=True)) / (r.std(1, ddof=1, keepdims=True) + eps)).reshape(-1)


@check("grpo_advantages", points=2, pins=["consecutive-groups", "unbiased-std", "default-eps"])
@pytest.mark.parametrize("n_groups,group_size", [(3, 5), (4, 2)], ids=["3x5", "4x2"])
def test_grpo_matches_numpy(n_groups, group_size):
    rewards = _randn(80, n_groups * group_size) + torch.arange(n_groups * group_size, dtype=f64) // group_size * 3.0
    got = ll.grpo_advantages(rewards, group_size)
    assert_shape(got, (n_groups * group_size,), name="advantages", hint="one advantage per completion, flat like rewards")
    assert_close(got, _ref_grpo(rewards, group_size), name="advantages",
                 hint="normalise within each group of group_size CONSECUTIVE rewards; std with ddof = 1, eps = 1e-4")


@check("grpo_advantages", points=1, pins=["constant-group-zero"])
def test_grpo_constant_group_gives_zeros():
    rewards = torch.tensor([1.0, 1.0, 1.0, 0.0, 1.0, 0.0, 5.0, 5.0, 5.0], dtype=f64)
    got = ll.grpo_advantages(rewards, 3)
    expect(torch.isfinite(torch.as_tensor(got)).all(),
           "a group whose rewards are all equal gives NaN/inf: add eps to the std")
    assert_close(got, _ref_grpo(rewards, 3), name="advantages with constant groups",
                 hint="a group with identical rewards has zero advantage everywhere")


@check("grpo_advantages", points=1, pins=["eps-added-to-std", "per-group", "inputs-unchanged"])
def test_grpo_eps_argument_and_shift_invariance():
    rewards = _randn(81, 12)
    assert_close(ll.grpo_advantages(rewards, 4, eps=0.5), _ref_grpo(rewards, 4, eps=0.5), name="advantages with eps=0.5",
                 hint="use the eps argument: (r - mean) / (std + eps)")
    shifted = rewards.clone()
    shifted[4:8] += 100.0  # one prompt is easier: a per-group shift must not change anything
    before = shifted.clone()
    assert_close(ll.grpo_advantages(shifted, 4), _ref_grpo(rewards, 4), rtol=1e-6, name="advantages after shifting one group",
                 hint="each group is normalised by its own mean and std, not the batch's")
    expect(torch.equal(shifted, before), "grpo_advantages modified the rewards")


# ---------------------------------------------------------------------------------------------
# lora_linear (LoRALinear, trainable_parameters)
# ---------------------------------------------------------------------------------------------

def _base(seed, n_in, n_out, bias=True):
    torch.manual_seed(seed)
    return nn.Linear(n_in, n_out, bias=bias, dtype=f64)


def _set_lora(layer, seed):
    A, B = layer.lora_A, layer.lora_B
    with torch.no_grad():
        A.copy_(_randn(seed, *A.shape))
        B.copy_(_randn(seed + 1, *B.shape))
    return A.detach().clone(), B.detach().clone()


@check("lora_linear", points=2, pins=["attributes", "b-zero-init", "starts-as-base"])
def test_lora_shapes_init_and_starts_as_base():
    base = _base(90, 24, 10)
    w0 = base.weight.detach().clone()
    layer = ll.LoRALinear(base, 4, 8)
    expect(isinstance(layer, nn.Module), "LoRALinear should be an nn.Module (call super().__init__())")
    assert_shape(layer.lora_A, (4, 24), name="lora_A", hint="A is (r, in_features)")
    assert_shape(layer.lora_B, (10, 4), name="lora_B", hint="B is (out_features, r)")
    expect(layer.lora_A.dtype == f64 and layer.lora_B.dtype == f64, "create A and B with the base weight's dtype and device")
    expect(torch.count_nonzero(layer.lora_B) == 0, "B must start at zero so that the layer starts equal to base")
    A = layer.lora_A.detach()
    expect(torch.count_nonzero(A) == A.numel() and A.std() > 0,
           "A must start random (kaiming_uniform_ with a = sqrt(5)): with A = 0 too, B would never get a gradient")
    expect(A.abs().max() <= 1 / math.sqrt(24) + 1e-12,
           "A's values exceed kaiming_uniform_(a = sqrt(5))'s bound 1/sqrt(in_features)")
    x = _randn(91, 3, 5, 24)
    assert_close(layer(x), base(x), name="LoRA output at initialisation", hint="with B = 0 the output is exactly base(x)")
    expect(torch.equal(base.weight, w0), "LoRALinear changed the base weight")


@check("lora_linear", points=2, pins=["scaling", "any-leading-axes"])
@pytest.mark.parametrize("r,alpha,bias", [(4, 8, True), (2, 3, False)], ids=["r4_alpha8", "r2_alpha3_nobias"])
def test_lora_forward_matches_formula(r, alpha, bias):
    base = _base(92, 16, 12, bias=bias)
    layer = ll.LoRALinear(base, r, alpha)
    A, B = _set_lora(layer, 93)
    x = _randn(94, 2, 7, 16)
    want = x @ base.weight.detach().T + (alpha / r) * (x @ A.T @ B.T)
    if bias:
        want = want + base.bias.detach()
    assert_close(layer(x), want, name="LoRA output",
                 hint="base(x) + (alpha / r) * x A^T B^T: scale the low-rank path by alpha / r")
    assert_close(layer(x[1, 3]), want[1, 3], name="LoRA output for a single vector x (in_features,)",
                 hint="forward takes x (..., in_features): a 1-D x has no batch axis")


def _sequential(*layers):
    """nn.Sequential(*layers), built where the learner's first layer lives: in its jail when it is a jail
    object (a judge-side Sequential around a jail layer could not run it), here under plain pytest."""
    if isinstance(layers[0], Remote):
        return new(layers[0], "torch.nn.Sequential", *layers)
    return nn.Sequential(*layers)


@check("lora_linear", points=2, pins=["frozen-base", "trainable-count"])
def test_lora_only_a_and_b_train():
    base = _base(95, 20, 6)
    layer = ll.LoRALinear(base, 3, 6)
    _set_lora(layer, 96)
    trainable = {id(p) for p in layer.parameters() if p.requires_grad}
    expect(not base.weight.requires_grad and not base.bias.requires_grad,
           "the base weight and bias must be frozen (requires_grad = False)")
    expect(trainable == {id(layer.lora_A), id(layer.lora_B)},
           "exactly lora_A and lora_B should be trainable parameters (nn.Parameter with requires_grad)")
    layer(_randn(97, 4, 20)).pow(2).sum().backward()
    # read lora_A/B first: fetching them from the jail also brings base's gradients back to this process
    expect(layer.lora_A.grad is not None and layer.lora_B.grad is not None, "lora_A and lora_B should receive gradients")
    expect(base.weight.grad is None and base.bias.grad is None, "the base weight or bias received a gradient: freeze them")
    count = ll.trainable_parameters(layer)
    expect(int(count) == 3 * 20 + 6 * 3, "trainable_parameters should count the scalars of parameters with requires_grad only")
    inner = ll.LoRALinear(_base(98, 18, 14), 2, 4)
    model = _sequential(inner, nn.ReLU(), nn.Linear(14, 5, dtype=f64))
    expect(int(ll.trainable_parameters(model)) == 2 * (18 + 14) + 14 * 5 + 5,
           "trainable_parameters on a model: sum numel over every parameter with requires_grad")


@check("lora_linear", points=2, pins=["merge-new-linear"])
def test_lora_merge_same_outputs_and_base_untouched():
    base = _base(99, 22, 9)
    w0, b0 = base.weight.detach().clone(), base.bias.detach().clone()
    layer = ll.LoRALinear(base, 4, 16)
    _set_lora(layer, 100)
    x = _randn(101, 5, 22)
    want = layer(x).detach()
    merged = layer.merge()
    expect(isinstance(merged, nn.Linear), "merge() should return an nn.Linear")
    expect(torch.equal(base.weight, w0) and torch.equal(base.bias, b0),
           "merge() should return a new nn.Linear and leave the wrapped base layer unchanged")
    assert_shape(merged.weight, (9, 22), name="merged weight")
    assert_close(merged(x), want, name="merged layer output",
                 hint="W_merged = W + (alpha / r) * B @ A: don't forget the scaling")


@check("lora_linear", points=1, pins=["merge-new-parameters", "merge-no-bias"])
def test_lora_merge_without_bias_and_with_new_parameters():
    base = _base(102, 14, 5, bias=False)
    layer = ll.LoRALinear(base, 3, 7)
    _set_lora(layer, 103)
    x = _randn(104, 4, 14)
    want = layer(x).detach()
    merged = layer.merge()
    expect(merged.bias is None, "merge() of a base built with bias=False should give a layer with bias=False (bias None)")
    assert_close(merged(x), want, name="merged bias-free layer output", hint="W_merged = W + (alpha / r) * B @ A, no bias")
    base = _base(105, 14, 5)
    layer = ll.LoRALinear(base, 3, 7)
    _set_lora(layer, 106)
    merged = layer.merge()
    expect(merged.bias is not layer.base.bias and merged.weight is not layer.base.weight,
           "merge() hands the base layer's own Parameter to the merged layer: copy the bias into a new nn.Linear")
    assert_close(merged.bias, layer.base.bias, name="merged bias", hint="the merged layer keeps base's bias values")


@check("lora_linear", points=1, pins=["a-kaiming-init", "dtype-device"])
def test_lora_a_init_distribution_and_float32_base():
    torch.manual_seed(107)
    base = nn.Linear(64, 10, dtype=torch.float32)
    layer = ll.LoRALinear(base, 8, 16)
    A, B = layer.lora_A, layer.lora_B
    expect(A.dtype == torch.float32 and B.dtype == torch.float32,
           "lora_A and lora_B should have base.weight's dtype (float32 here), not a fixed one")
    A = A.detach().double()
    bound = 1 / math.sqrt(64)                  # kaiming_uniform_(a = sqrt(5)): U(-1/sqrt(in), 1/sqrt(in))
    expect(A.abs().max() <= bound + 1e-6, "lora_A's values exceed kaiming_uniform_(a = sqrt(5))'s bound 1/sqrt(in_features)")
    expect(A.abs().max() >= 0.95 * bound and abs(float(A.std()) / (bound / math.sqrt(3)) - 1) < 0.15
           and abs(float(A.mean())) < 0.25 * bound / math.sqrt(3),
           "lora_A does not look like kaiming_uniform_(a = sqrt(5)) (uniform on +-1/sqrt(in_features)): "
           "use nn.init.kaiming_uniform_(A, a=math.sqrt(5)), not a small normal or another gain")
    x = torch.randn(3, 64)
    assert_close(layer(x).detach().double(), base(x).detach().double(), rtol=1e-6, atol=1e-6,
                 name="float32 LoRA output at initialisation")


@check("lora_linear", points=1, pins=["dtype-device"])
def test_lora_on_the_base_weights_device():
    # a base on the "meta" device (shapes, dtypes and a device, no values): A, B and the merged layer follow it
    base = nn.Linear(24, 10, dtype=f64, device="meta")
    layer = ll.LoRALinear(base, 4, 8)
    for name, p, shape in (("lora_A", layer.lora_A, (4, 24)), ("lora_B", layer.lora_B, (10, 4))):
        expect(isinstance(p, torch.Tensor) and p.device.type == "meta" and p.dtype == f64,
               f"{name} should have base.weight's dtype and device (here 'meta'), not torch's default device")
        assert_shape(p, shape, name=f"{name} on another device")
    y = layer(torch.empty(3, 24, dtype=f64, device="meta"))
    expect(isinstance(y, torch.Tensor) and y.device.type == "meta" and y.dtype == f64,
           "the LoRA output for inputs on another device should stay there")
    assert_shape(y, (3, 10), name="LoRA output on another device")
    merged = layer.merge()
    expect(merged.weight.device.type == "meta" and merged.weight.dtype == f64,
           "merge() should build the new nn.Linear with base.weight's dtype and device")
    assert_shape(merged.weight, (10, 24), name="merged weight on another device")


# ---------------------------------------------------------------------------------------------
# absmax_quantization (quantize_absmax_int8, dequantize)
# ---------------------------------------------------------------------------------------------

def _assert_rounded(q, v, name, lo, hi):
    """q == round_half_even(clamp(v)) except where v sits within 1e-6 of a .5 tie (float noise)."""
    q = torch.as_tensor(q).to(f64)
    want = torch.clamp(torch.round(v), lo, hi)
    frac = v - torch.floor(v)
    near_tie = (frac - 0.5).abs() < 1e-9   # float noise only: exact ties are judged strictly elsewhere
    bad = (q != want) & ~near_tie
    expect(not bad.any(), f"{name} differs from round(x / scale) at {int(bad.sum())} entries: "
                          "use torch.round (nearest, ties to even), not floor or truncation")
    expect(((q - want).abs() <= 1).all(), f"{name} is off by more than one step somewhere")


def _absmax_ref_scale(x, dim):
    a = x.abs().numpy()
    if dim is None:
        m = a.max()
    else:
        axes = tuple(d for d in range(x.ndim) if d != dim % x.ndim)
        m = a.max(axis=axes, keepdims=True)
    return torch.tensor(np.where(m > 0, m / 127.0, 1.0), dtype=f64)


@check("absmax_quantization", points=2, pins=["absmax-formula", "per-channel-shape", "int8", "scale-dtype", "ban-any-path"])
@pytest.mark.parametrize("dim", [None, 0, 1], ids=["per_tensor", "per_row", "per_column"])
def test_absmax_matches_formula(dim):
    x = _randn(110, 12, 20, scale=3.0)
    x[3] *= 10.0  # one outlier row
    q, scale = ll.quantize_absmax_int8(x.clone(), dim=dim)
    want_scale = _absmax_ref_scale(x, dim)
    expect(isinstance(q, torch.Tensor) and q.dtype == torch.int8, "q should be a torch.int8 tensor")
    assert_shape(q, (12, 20), name="q")
    assert_shape(scale, tuple(want_scale.shape), name="scale",
                 hint="dim=None: a 0-dim scale; dim=d: keep every axis, size 1 except along d")
    expect(isinstance(scale, torch.Tensor) and scale.dtype == x.dtype,
           "scale should have x's floating dtype (float64 here): compute it in x's dtype, without .float()")
    assert_close(scale, want_scale, name="scale", hint="scale = max|x| / 127 over the slice (max, not mean)")
    _assert_rounded(q, x / want_scale, "q", -127, 127)


@check("absmax_quantization", points=1, pins=["round-half-even"])
def test_absmax_rounds_half_to_even():
    x = torch.tensor([127.0, 0.5, 1.5, 2.5, -2.5, -0.5, 3.49, -126.5], dtype=f64)
    q, scale = ll.quantize_absmax_int8(x)
    expect(q.dtype == torch.int8, "q should be a torch.int8 tensor")
    expect(torch.equal(q.long(), torch.tensor([127, 0, 2, 2, -2, 0, 3, -126])),
           "with scale 1 these should round half to even (torch.round): 0.5 -> 0, 1.5 -> 2, 2.5 -> 2")


@check("absmax_quantization", points=2, pins=["zero-slice-scale-one", "round-trip", "dequantize-dtype"])
def test_absmax_round_trip_error_and_zero_slices():
    x = _randn(111, 9, 14)
    x[2] = 0.0  # an all-zero channel
    q, scale = ll.quantize_absmax_int8(x, dim=0)
    expect(torch.isfinite(scale).all(), "scale is inf/NaN for an all-zero row: use scale 1 there (no division by zero)")
    expect(scale[2].item() == 1.0, "an all-zero slice gets scale 1.0")
    x_hat = ll.dequantize(q, scale)
    expect(torch.isfinite(x_hat).all() and x_hat.dtype == f64, "dequantize should give finite values in scale's dtype")
    expect(torch.all((x_hat - x).abs() <= scale / 2 + 1e-12), "round-trip error exceeds scale / 2 somewhere")
    expect(torch.count_nonzero(x_hat[2]) == 0, "an all-zero row should come back as zeros")
    q_all, s_all = ll.quantize_absmax_int8(x)          # one 0-dim scale for the whole tensor
    x_hat = ll.dequantize(q_all, s_all)
    expect(x_hat.dtype == f64, "dequantize with a per-tensor (0-dim) scale should give scale's dtype: convert q with "
                               "q.to(scale.dtype), not q.float() (a 0-dim float64 scale does not promote float32)")
    expect(torch.all((x_hat - x).abs() <= s_all / 2 + 1e-12), "per-tensor round-trip error exceeds scale / 2 somewhere")
    zq, zs = ll.quantize_absmax_int8(torch.zeros(5, 3, dtype=f64))
    expect(torch.isfinite(torch.as_tensor(zs)).all() and float(zs) == 1.0 and torch.count_nonzero(zq) == 0,
           "an all-zero tensor: q all 0 and scale 1.0 (no 0/0)")


@check("absmax_quantization", points=1, pins=["per-channel-shape"])
def test_absmax_constant_and_3d_per_channel():
    c = torch.full((4, 6), -2.5, dtype=f64)
    q, s = ll.quantize_absmax_int8(c)
    assert_close(ll.dequantize(q, s), c, name="dequantized constant tensor", hint="max|x| maps to exactly +-127")
    x = _randn(112, 3, 5, 7)
    q, s = ll.quantize_absmax_int8(x, dim=1)
    want = _absmax_ref_scale(x, 1)
    assert_shape(s, (1, 5, 1), name="scale for dim=1 of a 3-D tensor", hint="keepdim over every axis but dim")
    assert_close(s, want, name="scale")
    _assert_rounded(q, x / want, "q", -127, 127)


@check("absmax_quantization", points=1, pins=["round-half-even", "per-channel-shape"])
def test_absmax_exact_ties_per_channel():
    # rows with power-of-two scales (max|x| = 127 * 2^k): x / scale is exact, so every .5 below is a true tie
    steps = torch.tensor([0.5, 1.5, 2.5, -0.5, -1.5, -3.5, 126.5, 127.0], dtype=f64)
    powers = torch.tensor([2.0 ** -8, 0.25, 1.0, 2.0], dtype=f64).reshape(-1, 1)   # scales below and above 1
    x = steps * powers                                                             # (4, 8)
    want = torch.tensor(np.round(steps.numpy()), dtype=torch.long).expand(4, -1)   # numpy rounds half to even
    for got, what in [(ll.quantize_absmax_int8(x, dim=0), "dim=0"), (ll.quantize_absmax_int8(x.T.contiguous(), dim=1), "dim=1")]:
        q, scale = got
        assert_close(scale.reshape(-1), powers.reshape(-1), name=f"per-row scale ({what})", hint="scale = max|x| / 127 per channel")
        q = q if what == "dim=0" else q.T
        expect(torch.equal(q.long(), want), f"per-channel q ({what}) is wrong at exact .5 ties: torch.round rounds half "
                                           "to even (0.5 -> 0, 1.5 -> 2, 2.5 -> 2, -3.5 -> -4, 126.5 -> 126)")


# ---------------------------------------------------------------------------------------------
# zero_point_quantization (quantize_zero_point, dequantize_zero_point)
# ---------------------------------------------------------------------------------------------

def _zp_ref(x, bits, dim):
    qmax = 2 ** bits - 1
    a = x.numpy()
    if dim is None:
        lo, hi = min(a.min(), 0.0), max(a.max(), 0.0)
    else:
        axes = tuple(d for d in range(x.ndim) if d != dim % x.ndim)
        lo = np.minimum(a.min(axis=axes, keepdims=True), 0.0)
        hi = np.maximum(a.max(axis=axes, keepdims=True), 0.0)
    scale = np.where(hi > lo, (hi - lo) / qmax, 1.0)
    zp = np.clip(np.round(-lo / scale), 0, qmax)
    return torch.tensor(scale, dtype=f64), torch.tensor(zp, dtype=f64), qmax


def _zp_out(result):
    expect(isinstance(result, (tuple, list)) and len(result) == 3, "quantize_zero_point should return (q, scale, zero_point)")
    return result


@check("zero_point_quantization", points=2, pins=["zp-formula", "uint8", "zp-int64", "ban-any-path", "input-dtype"])
@pytest.mark.parametrize("bits,dim", [(8, None), (8, 1), (4, 0)], ids=["8bit_tensor", "8bit_per_column", "4bit_per_row"])
def test_zero_point_matches_formula(bits, dim):
    x = _randn(120, 10, 6) * 2.0 + 1.0  # skewed: the range is not symmetric around 0
    q, scale, zp = _zp_out(ll.quantize_zero_point(x.clone(), bits=bits, dim=dim))
    w_scale, w_zp, qmax = _zp_ref(x, bits, dim)
    expect(isinstance(q, torch.Tensor) and q.dtype == torch.uint8, "q should be a torch.uint8 tensor")
    assert_shape(scale, tuple(w_scale.shape), name="scale", hint="dim=None: 0-dim; dim=d: keepdim over the other axes")
    expect(isinstance(scale, torch.Tensor) and scale.dtype == x.dtype,
           "scale should have x's floating dtype (float64 here): compute it in x's dtype, without .float()")
    assert_close(scale, w_scale, name="scale",
                 hint="scale = (max(x, 0) - min(x, 0)) / (2^bits - 1): the range always includes 0")
    expect(torch.as_tensor(zp).dtype == torch.int64, "zero_point should be an int64 tensor (.to(torch.int64)): "
                                                      "the integer that 0.0 maps to")
    assert_close(torch.as_tensor(zp).to(f64), w_zp, name="zero_point", hint="zero_point = round(-min(x, 0) / scale)")
    _assert_rounded(q.to(f64) - w_zp, x / w_scale, "q - zero_point", -w_zp, qmax - w_zp)


@check("zero_point_quantization", points=2, pins=["dequantize-float", "zero-exact"])
def test_zero_point_round_trip_and_zero_exact():
    x = _randn(121, 7, 13) * 3.0 - 1.0
    x[0, 0] = 0.0
    q, scale, zp = _zp_out(ll.quantize_zero_point(x, dim=0))
    x_hat = ll.dequantize_zero_point(q, scale, zp)
    expect(torch.isfinite(x_hat).all() and x_hat.dtype == f64, "dequantize_zero_point should give finite values in scale's dtype")
    expect(torch.all((x_hat - x).abs() <= scale / 2 + 1e-12),
           "round-trip error exceeds scale / 2: round to nearest (torch.round), and dequantise in float "
           "(q.to(scale.dtype) - zero_point) * scale, not in uint8 where 3 - 5 wraps around to 254")
    expect(x_hat[0, 0].item() == 0.0, "0.0 must come back exactly 0.0 (it maps onto the zero point)")


@check("zero_point_quantization", points=1, pins=["range-contains-zero", "zero-slice-scale-one"])
def test_zero_point_all_positive_all_negative_constant_and_zero():
    for x, what in [(_randn(122, 6, 5).abs() + 2.0, "all-positive"), (-_randn(123, 6, 5).abs() - 1.0, "all-negative"),
                    (torch.full((3, 4), 3.25, dtype=f64), "constant")]:
        q, scale, zp = _zp_out(ll.quantize_zero_point(x))
        w_scale, w_zp, _ = _zp_ref(x, 8, None)
        assert_close(scale, w_scale, name=f"scale ({what} tensor)", hint="the range [min(x, 0), max(x, 0)] always includes 0")
        assert_close(torch.as_tensor(zp).to(f64), w_zp, name=f"zero_point ({what} tensor)")
        x_hat = ll.dequantize_zero_point(q, scale, zp)
        expect(x_hat.dtype == f64, "dequantize_zero_point with a per-tensor (0-dim) scale should give scale's dtype: "
                                   "convert q with q.to(scale.dtype), not q.float()")
        expect(torch.all((x_hat - x).abs() <= w_scale / 2 + 1e-12), f"round-trip error exceeds scale / 2 for the {what} tensor")
    q, scale, zp = _zp_out(ll.quantize_zero_point(torch.zeros(4, 3, dtype=f64), dim=1))
    expect(torch.isfinite(scale).all() and torch.all(scale == 1.0), "an all-zero slice gets scale 1.0 (no division by zero)")
    expect(torch.count_nonzero(torch.as_tensor(zp)) == 0 and torch.count_nonzero(q) == 0,
           "an all-zero tensor: zero_point 0 and q all 0")


@check("zero_point_quantization", points=2, pins=["zp-round-half-even", "round-then-add", "clamp-top"])
def test_zero_point_exact_ties():
    # hi - lo = 255 makes scale exactly 1, so every .5 below is a true tie (x / scale and -lo / scale exact)
    rows = torch.tensor([[-99.5, 155.5, 0.5, 1.5, -0.5, 2.5, 0.0, 3.0],      # zero_point round(99.5) = 100; top 156 + 100
                         [-100.5, 154.5, 0.5, 1.5, -0.5, -2.5, 0.0, 2.5],    # zero_point round(100.5) = 100
                         [-101.0, 154.0, 0.5, 1.5, -0.5, -2.5, 0.0, 2.5]],   # odd zero_point 101
                        dtype=f64)
    r = rows.numpy()
    lo, hi = np.minimum(r.min(1, keepdims=True), 0.0), np.maximum(r.max(1, keepdims=True), 0.0)
    scale = (hi - lo) / 255
    zp = np.clip(np.round(-lo / scale), 0, 255)                         # numpy rounds half to even
    want_q = torch.tensor(np.clip(np.round(r / scale) + zp, 0, 255), dtype=torch.long)
    for i in range(3):                                                  # per tensor, one row at a time
        q, s, z = _zp_out(ll.quantize_zero_point(rows[i].clone()))
        expect(int(torch.as_tensor(z)) == int(zp[i, 0]), "zero_point is wrong at an exact .5 tie: round -lo / scale with "
                                                         "torch.round (half to even: 99.5 -> 100, 100.5 -> 100)")
        expect(torch.equal(torch.as_tensor(q).long(), want_q[i]),
               "q is wrong at exact .5 ties: q = clamp(round(x / scale) + zero_point, 0, 2^bits - 1) with torch.round "
               "(half to even), rounding x / scale BEFORE adding zero_point, and clamping before the uint8 conversion")
    q, s, z = _zp_out(ll.quantize_zero_point(rows.T.contiguous(), dim=1))  # per column of the transpose
    expect(torch.equal(torch.as_tensor(z).reshape(-1), torch.tensor(zp.reshape(-1), dtype=torch.long)),
           "per-channel zero_point (dim=1) is wrong at exact .5 ties")
    expect(torch.equal(torch.as_tensor(q).T.long(), want_q), "per-channel q (dim=1) is wrong at exact .5 ties")


# ---------------------------------------------------------------------------------------------
# pretrain_step
# ---------------------------------------------------------------------------------------------

def _model_and_batch(seed, vocab=40):
    torch.manual_seed(seed)
    model = LLTinyCausalLM(vocab).double()  # a fixture: it crosses into the jail as a real nn.Module
    batch = _randint(seed + 1, vocab, 4, 12)
    return model, batch


def _ref_step(model, batch, opt):
    opt.zero_grad()
    logits = model(batch)
    loss = F.cross_entropy(logits[:, :-1].reshape(-1, logits.shape[-1]), batch[:, 1:].reshape(-1))
    loss.backward()
    opt.step()
    return loss.item()


@check("pretrain_step", points=2, pins=["shifted-mean-loss", "loss-before-update", "float-result"])
def test_pretrain_step_matches_reference_training():
    model, batch = _model_and_batch(130)
    ref = copy.deepcopy(model)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-2)
    ref_opt = torch.optim.AdamW(ref.parameters(), lr=3e-2)
    before = batch.clone()
    for step in range(6):
        got = ll.pretrain_step(model, batch, opt)
        want = _ref_step(ref, batch, ref_opt)
        expect(isinstance(got, float), "pretrain_step should return the loss as a Python float (loss.item())")
        assert_close(got, want, rtol=1e-9, name=f"loss returned at step {step}",
                     hint="shifted next-token cross-entropy over every position, computed BEFORE optimizer.step(); "
                          "zero the gradients every step")
    for (name, p), q in zip(model.named_parameters(), ref.parameters()):
        assert_close(p, q, rtol=1e-8, atol=1e-10, name=f"parameter {name} after 6 steps")
    expect(torch.equal(batch, before), "pretrain_step modified the batch")


@check("pretrain_step", points=2, pins=["zero-grad-first"])
def test_pretrain_step_clears_stale_gradients():
    model, batch = _model_and_batch(131)
    ref = copy.deepcopy(model)
    for p in model.parameters():
        p.grad = torch.ones_like(p)  # stale gradients left by someone else
    opt = torch.optim.SGD(model.parameters(), lr=0.5)
    ref_opt = torch.optim.SGD(ref.parameters(), lr=0.5)
    ll.pretrain_step(model, batch, opt)
    _ref_step(ref, batch, ref_opt)
    for (name, p), q in zip(model.named_parameters(), ref.parameters()):
        assert_close(p, q, rtol=1e-8, atol=1e-10, name=f"parameter {name} after one step",
                     hint="call optimizer.zero_grad() BEFORE the backward pass, so old gradients never leak in")


@check("pretrain_step", points=2, pins=["no-clipping", "shifted-mean-loss", "zero-grad-first"])
def test_pretrain_step_large_gradients_consecutive_sgd_steps():
    model, batch = _model_and_batch(133)
    with torch.no_grad():                     # large logits: gradient norms of 15-25, far above any clip threshold
        model.head.weight.mul_(20.0)
        model.emb.weight.mul_(3.0)
    ref = copy.deepcopy(model)
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    ref_opt = torch.optim.SGD(ref.parameters(), lr=0.01, momentum=0.9)
    for step in range(3):
        got = ll.pretrain_step(model, batch, opt)
        want = _ref_step(ref, batch, ref_opt)
        norm = torch.sqrt(sum(p.grad.pow(2).sum() for p in ref.parameters()))
        assert float(norm) > 10.0, "check setup: the reference gradient norm should be far above 1"
        assert_close(got, want, rtol=1e-9, name=f"loss returned at step {step}",
                     hint="the mean shifted cross-entropy over all B * (T - 1) targets")
        for (name, p), q in zip(model.named_parameters(), ref.parameters()):
            assert_close(p, q, rtol=1e-8, atol=1e-10, name=f"parameter {name} after step {step}",
                         hint="no gradient clipping, the MEAN loss backpropagated, and zero_grad at the start of every step")


@check("pretrain_step", points=1, timeout=30, pins=["loss-falls"])
def test_pretrain_loss_falls():
    model, batch = _model_and_batch(132)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-2)
    losses = [ll.pretrain_step(model, batch, opt) for _ in range(40)]
    expect(all(math.isfinite(v) for v in losses), "the loss became inf/NaN during training")
    expect(losses[0] > math.log(40) - 0.5, "the first loss should be close to log(V) for a freshly initialised model")
    expect(losses[-1] < 0.5 * losses[0],
           "after 40 AdamW steps on one fixed batch the loss should fall below half its start: is the update applied?")
