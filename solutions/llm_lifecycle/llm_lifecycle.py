"""The LLM lifecycle in torch: pre-training loss, SFT batches, preference losses, RL objectives,
LoRA and quantisation. Brief: exercises/llm_lifecycle/README.md

One shift convention everywhere: logits[:, t] is the model's prediction for token t + 1, so
token 0 is never predicted and the last logit predicts nothing. Labels and masks are aligned
with the input ids (unshifted); the functions that score tokens do the shift.
"""
import math

import torch
from torch import nn

IGNORE_INDEX = -100


# --- next_token_loss ---------------------------------------------------------------------------

def next_token_loss(logits, tokens, ignore_index=-100):
    """Mean cross-entropy of logits[:, t] against tokens[:, t + 1], skipping ignored targets.

    logits (B, T, V) float, tokens (B, T) long  ->  0-dim tensor.  All targets ignored -> 0.0.
    Example: uniform logits over V = 4 give log(4) = 1.386 whatever the tokens.
    """
    logits = logits[:, :-1]                                   # (B, T-1, V): positions that predict
    targets = tokens[:, 1:]                                   # (B, T-1): the token that follows
    keep = targets != ignore_index                            # (B, T-1)
    logp = torch.log_softmax(logits, dim=-1)                  # stable: x - logsumexp(x)
    safe = torch.where(keep, targets, torch.zeros_like(targets))  # gather needs a valid index
    nll = -logp.gather(-1, safe.unsqueeze(-1)).squeeze(-1)    # (B, T-1)
    nll = torch.where(keep, nll, torch.zeros_like(nll))
    return nll.sum() / keep.sum().clamp(min=1)


def perplexity(logits, tokens, ignore_index=-100):
    """exp(next_token_loss): the effective number of tokens the model hesitates between."""
    return torch.exp(next_token_loss(logits, tokens, ignore_index))


# --- sft_collate -------------------------------------------------------------------------------

def sft_collate(examples, pad_id):
    """[(prompt_ids, response_ids), ...] -> dict of (B, L) long tensors, right-padded.

    input_ids = prompt + response + [pad_id] * k; attention_mask 1 on real tokens;
    labels = input_ids with prompt and padding replaced by -100 (unshifted: the loss shifts).
    sft_collate([([5, 6], [7]), ([8], [9, 10, 11])], pad_id=0)
      input_ids      [[5, 6, 7, 0], [8, 9, 10, 11]]
      attention_mask [[1, 1, 1, 0], [1, 1, 1, 1]]
      labels         [[-100, -100, 7, -100], [-100, 9, 10, 11]]
    """
    rows = [(list(map(int, p)), list(map(int, r))) for p, r in examples]
    length = max(len(p) + len(r) for p, r in rows)
    input_ids = torch.full((len(rows), length), pad_id, dtype=torch.long)
    attention_mask = torch.zeros((len(rows), length), dtype=torch.long)
    labels = torch.full((len(rows), length), IGNORE_INDEX, dtype=torch.long)
    for i, (prompt, response) in enumerate(rows):
        n, m = len(prompt), len(response)
        input_ids[i, :n + m] = torch.tensor(prompt + response, dtype=torch.long)
        attention_mask[i, :n + m] = 1
        labels[i, n:n + m] = torch.tensor(response, dtype=torch.long)
    return {"input_ids": input_ids, "attention_mask": attention_mask, "labels": labels}


# --- masked_mean -------------------------------------------------------------------------------

def masked_mean(x, mask, dim=None):
    """Mean of x over the entries where mask is true, along dim (None = all entries).

    Masked-out entries never matter (even inf/NaN); a slice with no valid entry gives 0.
    masked_mean(torch.tensor([[1., 2., 9.]]), torch.tensor([[1, 1, 0]]), dim=1) -> tensor([1.5])
    """
    mask = mask.bool().expand_as(x)
    total = torch.where(mask, x, torch.zeros_like(x)).sum(dim=dim)
    count = mask.sum(dim=dim).to(x.dtype)
    return total / count.clamp(min=1)


# --- sequence_logprobs -------------------------------------------------------------------------

def sequence_logprobs(logits, labels, mask):
    """Sum over t >= 1 of mask[:, t] * log p(labels[:, t] | logits[:, t - 1]).  -> (B,)

    logits (B, T, V); labels (B, T) the token ids; mask (B, T) 1/True on the response tokens,
    aligned with labels (mask[:, 0] can never count: nothing predicts token 0).
    """
    logp = torch.log_softmax(logits[:, :-1], dim=-1)          # (B, T-1, V)
    targets = labels[:, 1:]                                   # (B, T-1)
    keep = mask[:, 1:].bool()                                 # (B, T-1)
    safe = torch.where(keep, targets, torch.zeros_like(targets))
    token_logp = logp.gather(-1, safe.unsqueeze(-1)).squeeze(-1)  # (B, T-1)
    return torch.where(keep, token_logp, torch.zeros_like(token_logp)).sum(dim=-1)


# --- reward_model_loss -------------------------------------------------------------------------

def reward_model_loss(r_chosen, r_rejected):
    """Bradley-Terry loss: mean of -log sigmoid(r_chosen - r_rejected).  (B,), (B,) -> 0-dim.

    logsigmoid keeps it finite at any margin: a margin of -1000 costs 1000, not inf.
    """
    return -nn.functional.logsigmoid(r_chosen - r_rejected).mean()


def reward_accuracy(r_chosen, r_rejected):
    """Fraction of pairs with r_chosen > r_rejected (ties count as wrong), as a Python float."""
    return (r_chosen > r_rejected).double().mean().item()


# --- dpo_loss ----------------------------------------------------------------------------------

def dpo_loss(policy_chosen, policy_rejected, ref_chosen, ref_rejected, beta=0.1):
    """Direct Preference Optimisation on summed sequence log-probs (each (B,)).

    implicit reward r = beta * (log pi(y|x) - log pi_ref(y|x));
    loss = mean of -log sigmoid(r_chosen - r_rejected).  -> (loss, r_chosen (B,), r_rejected (B,))
    """
    chosen_rewards = beta * (policy_chosen - ref_chosen)
    rejected_rewards = beta * (policy_rejected - ref_rejected)
    loss = -nn.functional.logsigmoid(chosen_rewards - rejected_rewards).mean()
    return loss, chosen_rewards.detach(), rejected_rewards.detach()


# --- ppo_clip_objective ------------------------------------------------------------------------

def ppo_clip_objective(logp_new, logp_old, advantages, clip_eps=0.2, mask=None):
    """PPO's clipped surrogate, to MAXIMISE: mean of min(rho * A, clip(rho, 1-eps, 1+eps) * A).

    rho = exp(logp_new - logp_old), all inputs the same shape (e.g. (B, T) per token);
    mask (same shape, 1 = counts) restricts the mean; the loss to minimise is its negative.
    """
    ratio = torch.exp(logp_new - logp_old.detach())
    unclipped = ratio * advantages
    clipped = torch.clamp(ratio, 1.0 - clip_eps, 1.0 + clip_eps) * advantages
    surrogate = torch.minimum(unclipped, clipped)             # pessimistic bound
    if mask is None:
        return surrogate.mean()
    keep = mask.bool()
    return torch.where(keep, surrogate, torch.zeros_like(surrogate)).sum() / keep.sum().clamp(min=1)


# --- grpo_advantages ---------------------------------------------------------------------------

def grpo_advantages(rewards, group_size, eps=1e-4):
    """Group-relative advantages: (r - mean_group) / (std_group + eps), unbiased std (ddof = 1).

    rewards (N,) with N = n_groups * group_size, the completions of one prompt consecutive:
    rewards[0:group_size] is group 0.  -> (N,)
    grpo_advantages(torch.tensor([1., 0., 3., 3.]), 2) -> [0.7070, -0.7070, 0., 0.]
    """
    groups = rewards.reshape(-1, group_size)                  # (n_groups, group_size)
    mean = groups.mean(dim=1, keepdim=True)                   # (n_groups, 1)
    std = groups.std(dim=1, keepdim=True)                     # (n_groups, 1), ddof = 1
    return ((groups - mean) / (std + eps)).reshape(-1)        # (N,)


# --- lora_linear -------------------------------------------------------------------------------

class LoRALinear(nn.Module):
    """y = base(x) + (alpha / r) * x A^T B^T with base frozen and only A (r, in), B (out, r) trained.

    A starts like nn.Linear's weight (kaiming_uniform_, a = sqrt(5)) and B at zero, so the
    wrapped layer starts out exactly equal to base.
    """

    def __init__(self, base, r, alpha):
        super().__init__()
        self.base = base
        for p in self.base.parameters():
            p.requires_grad_(False)
        w = base.weight
        self.r, self.alpha, self.scaling = r, alpha, alpha / r
        self.lora_A = nn.Parameter(torch.empty(r, base.in_features, dtype=w.dtype, device=w.device))
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, r, dtype=w.dtype, device=w.device))
        nn.init.kaiming_uniform_(self.lora_A, a=math.sqrt(5))

    def forward(self, x):
        # x (..., in) -> (..., r) -> (..., out)
        return self.base(x) + (x @ self.lora_A.T @ self.lora_B.T) * self.scaling

    def merge(self):
        """A new nn.Linear with W + (alpha / r) B A: same outputs, no extra cost at inference."""
        base = self.base
        merged = nn.Linear(base.in_features, base.out_features, bias=base.bias is not None,
                           dtype=base.weight.dtype, device=base.weight.device)
        with torch.no_grad():
            merged.weight.copy_(base.weight + self.scaling * self.lora_B @ self.lora_A)  # (out, in)
            if base.bias is not None:
                merged.bias.copy_(base.bias)
        return merged


def trainable_parameters(model):
    """Number of scalar parameters with requires_grad."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


# --- absmax_quantization -----------------------------------------------------------------------

def _scale_shape_reduce(x, dim, stat):
    """stat (amax / amin) over every axis but dim, keepdim; over everything when dim is None."""
    if dim is None:
        return stat(x)
    others = [d for d in range(x.ndim) if d != dim]
    return stat(x, dim=others, keepdim=True)


def quantize_absmax_int8(x, dim=None):
    """Symmetric int8: scale = max|x| / 127, q = round(x / scale) in [-127, 127].  -> (q int8, scale)

    dim=None: one scale (0-dim); dim=d: one scale per index along d, shaped to broadcast
    (every other axis kept with size 1). An all-zero slice gets scale 1.
    quantize_absmax_int8(torch.tensor([127., 0.5, 1.5, -2.5])) -> ([127, 0, 2, -2], 1.0)
    """
    amax = _scale_shape_reduce(x.abs(), dim, torch.amax)
    scale = torch.where(amax > 0, amax / 127, torch.ones_like(amax))
    q = torch.clamp(torch.round(x / scale), -127, 127).to(torch.int8)
    return q, scale


def dequantize(q, scale):
    """x_hat = q * scale, in scale's dtype."""
    return q.to(scale.dtype) * scale


# --- zero_point_quantization -------------------------------------------------------------------

def quantize_zero_point(x, bits=8, dim=None):
    """Asymmetric: the range [min(x, 0), max(x, 0)] maps onto the integers [0, 2^bits - 1].

    scale = (hi - lo) / (2^bits - 1) (1 where hi == lo), zero_point = clamp(round(-lo / scale)),
    q = clamp(round(x / scale) + zero_point, 0, 2^bits - 1) as uint8.  -> (q, scale, zero_point int64)
    """
    qmax = 2 ** bits - 1
    lo = torch.clamp(_scale_shape_reduce(x, dim, torch.amin), max=0)
    hi = torch.clamp(_scale_shape_reduce(x, dim, torch.amax), min=0)
    scale = torch.where(hi > lo, (hi - lo) / qmax, torch.ones_like(hi))
    zero_point = torch.clamp(torch.round(-lo / scale), 0, qmax).to(torch.int64)
    q = torch.clamp(torch.round(x / scale) + zero_point, 0, qmax).to(torch.uint8)
    return q, scale, zero_point


def dequantize_zero_point(q, scale, zero_point):
    """x_hat = (q - zero_point) * scale, computed in scale's dtype (never in uint8)."""
    return (q.to(scale.dtype) - zero_point.to(scale.dtype)) * scale


# --- pretrain_step -----------------------------------------------------------------------------

def pretrain_step(model, batch, optimizer):
    """One step of next-token pre-training on batch (B, T) long; returns the loss (a float).

    zero_grad first (stale gradients must not leak in), forward, shifted cross-entropy over
    every position, backward, step. The returned loss is the one before the update.
    """
    optimizer.zero_grad()
    logits = model(batch)                                     # (B, T, V)
    vocab = logits.shape[-1]
    loss = nn.functional.cross_entropy(
        logits[:, :-1].reshape(-1, vocab),                    # (B*(T-1), V)
        batch[:, 1:].reshape(-1))                             # (B*(T-1),)
    loss.backward()
    optimizer.step()
    return loss.item()
