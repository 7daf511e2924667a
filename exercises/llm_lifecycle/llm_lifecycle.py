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
    raise NotImplementedError("next_token_loss: see exercises/llm_lifecycle/README.md")


def perplexity(logits, tokens, ignore_index=-100):
    """exp(next_token_loss): the effective number of tokens the model hesitates between."""
    raise NotImplementedError("next_token_loss: see exercises/llm_lifecycle/README.md")


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
    raise NotImplementedError("sft_collate: see exercises/llm_lifecycle/README.md")


# --- masked_mean -------------------------------------------------------------------------------

def masked_mean(x, mask, dim=None):
    """Mean of x over the entries where mask is true, along dim (None = all entries).

    Masked-out entries never matter (even inf/NaN); a slice with no valid entry gives 0.
    masked_mean(torch.tensor([[1., 2., 9.]]), torch.tensor([[1, 1, 0]]), dim=1) -> tensor([1.5])
    """
    raise NotImplementedError("masked_mean: see exercises/llm_lifecycle/README.md")


# --- sequence_logprobs -------------------------------------------------------------------------

def sequence_logprobs(logits, labels, mask):
    """Sum over t >= 1 of mask[:, t] * log p(labels[:, t] | logits[:, t - 1]).  -> (B,)

    logits (B, T, V); labels (B, T) the token ids; mask (B, T) 1/True on the response tokens,
    aligned with labels (mask[:, 0] can never count: nothing predicts token 0).
    """
    raise NotImplementedError("sequence_logprobs: see exercises/llm_lifecycle/README.md")


# --- reward_model_loss -------------------------------------------------------------------------

def reward_model_loss(r_chosen, r_rejected):
    """Bradley-Terry loss: mean of -log sigmoid(r_chosen - r_rejected).  (B,), (B,) -> 0-dim.

    Must stay finite at any margin: a margin of -1000 costs 1000, not inf.
    """
    raise NotImplementedError("reward_model_loss: see exercises/llm_lifecycle/README.md")


def reward_accuracy(r_chosen, r_rejected):
    """Fraction of pairs with r_chosen > r_rejected (ties count as wrong), as a Python float."""
    raise NotImplementedError("reward_model_loss: see exercises/llm_lifecycle/README.md")


# --- dpo_loss ----------------------------------------------------------------------------------

def dpo_loss(policy_chosen, policy_rejected, ref_chosen, ref_rejected, beta=0.1):
    """Direct Preference Optimisation on summed sequence log-probs (each (B,)).

    implicit reward r = beta * (log pi(y|x) - log pi_ref(y|x));
    loss = mean of -log sigmoid(r_chosen - r_rejected).  -> (loss, r_chosen (B,), r_rejected (B,))
    """
    raise NotImplementedError("dpo_loss: see exercises/llm_lifecycle/README.md")


# --- ppo_clip_objective ------------------------------------------------------------------------

def ppo_clip_objective(logp_new, logp_old, advantages, clip_eps=0.2, mask=None):
    """PPO's clipped surrogate, to MAXIMISE: mean of min(rho * A, clip(rho, 1-eps, 1+eps) * A).

    rho = exp(logp_new - logp_old), all inputs the same shape (e.g. (B, T) per token);
    mask (same shape, 1 = counts) restricts the mean; the loss to minimise is its negative.
    """
    raise NotImplementedError("ppo_clip_objective: see exercises/llm_lifecycle/README.md")


# --- grpo_advantages ---------------------------------------------------------------------------

def grpo_advantages(rewards, group_size, eps=1e-4):
    """Group-relative advantages: (r - mean_group) / (std_group + eps), unbiased std (ddof = 1).

    rewards (N,) with N = n_groups * group_size, the completions of one prompt consecutive:
    rewards[0:group_size] is group 0.  -> (N,)
    grpo_advantages(torch.tensor([1., 0., 3., 3.]), 2) -> [0.7070, -0.7070, 0., 0.]
    """
    raise NotImplementedError("grpo_advantages: see exercises/llm_lifecycle/README.md")


# --- lora_linear -------------------------------------------------------------------------------

class LoRALinear(nn.Module):
    """y = base(x) + (alpha / r) * x A^T B^T with base frozen and only A (r, in), B (out, r) trained.

    A starts like nn.Linear's weight (kaiming_uniform_, a = sqrt(5)) and B at zero, so the
    wrapped layer starts out exactly equal to base.
    """

    def __init__(self, base, r, alpha):
        """super().__init__(); store base and freeze its parameters; create nn.Parameter lora_A
        (r, base.in_features) and lora_B (base.out_features, r) with base.weight's dtype/device;
        self.scaling = alpha / r."""
        raise NotImplementedError("lora_linear: see exercises/llm_lifecycle/README.md")

    def forward(self, x):
        """x (..., in_features) -> (..., out_features)."""
        raise NotImplementedError("lora_linear: see exercises/llm_lifecycle/README.md")

    def merge(self):
        """A new nn.Linear with W + (alpha / r) B A: same outputs, no extra cost at inference."""
        raise NotImplementedError("lora_linear: see exercises/llm_lifecycle/README.md")


def trainable_parameters(model):
    """Number of scalar parameters with requires_grad."""
    raise NotImplementedError("lora_linear: see exercises/llm_lifecycle/README.md")


# --- absmax_quantization -----------------------------------------------------------------------

def quantize_absmax_int8(x, dim=None):
    """Symmetric int8: scale = max|x| / 127, q = round(x / scale) in [-127, 127].  -> (q int8, scale)

    dim=None: one scale (0-dim); dim=d: one scale per index along d, shaped to broadcast
    (every other axis kept with size 1). An all-zero slice gets scale 1.
    quantize_absmax_int8(torch.tensor([127., 0.5, 1.5, -2.5])) -> ([127, 0, 2, -2], 1.0)
    """
    raise NotImplementedError("absmax_quantization: see exercises/llm_lifecycle/README.md")


def dequantize(q, scale):
    """x_hat = q * scale, in scale's dtype."""
    raise NotImplementedError("absmax_quantization: see exercises/llm_lifecycle/README.md")


# --- zero_point_quantization -------------------------------------------------------------------

def quantize_zero_point(x, bits=8, dim=None):
    """Asymmetric: the range [min(x, 0), max(x, 0)] maps onto the integers [0, 2^bits - 1].

    scale = (hi - lo) / (2^bits - 1) (1 where hi == lo), zero_point = clamp(round(-lo / scale)),
    q = clamp(round(x / scale) + zero_point, 0, 2^bits - 1) as uint8.  -> (q, scale, zero_point int64)
    """
    raise NotImplementedError("zero_point_quantization: see exercises/llm_lifecycle/README.md")


def dequantize_zero_point(q, scale, zero_point):
    """x_hat = (q - zero_point) * scale, computed in scale's dtype (never in uint8)."""
    raise NotImplementedError("zero_point_quantization: see exercises/llm_lifecycle/README.md")


# --- pretrain_step -----------------------------------------------------------------------------

def pretrain_step(model, batch, optimizer):
    """One step of next-token pre-training on batch (B, T) long; returns the loss (a float).

    zero_grad first (stale gradients must not leak in), forward, shifted cross-entropy over
    every position, backward, step. The returned loss is the one before the update.
    """
    raise NotImplementedError("pretrain_step: see exercises/llm_lifecycle/README.md")
