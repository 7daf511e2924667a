"""Deep learning architectures from their parts. Brief: exercises/architectures/README.md

numpy katas (arrays of any real dtype in, float64 arrays out): conv2d, pooling, rnn_forward, rnn_backward.
torch katas (tensors in, tensors out with the inputs' dtype and device, differentiable):
lstm_cell, gru_cell, PatchEmbedding, ResidualBlock. Pure python: receptive_field.
Wherever a size argument says "int or pair", 3 means (3, 3) and (2, 3) means 2 along H, 3 along W.
"""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


# --- conv2d -------------------------------------------------------------------------------------

def conv_output_shape(h, w, kernel, stride=1, padding=0, dilation=1):
    """(H_out, W_out) of a conv / pool over an h x w input; kernel, stride, padding, dilation
    are each an int or an (H, W) pair; padding is added on both sides.

    Example: conv_output_shape(32, 20, kernel=3, stride=2, padding=1) -> (16, 10)
    """
    raise NotImplementedError("conv2d: see exercises/architectures/README.md")


def conv2d(x, w, b=None, stride=1, padding=0, dilation=1):
    """2-D cross-correlation as in every DL library (no kernel flip), in numpy.

    x (N, C, H, W), w (O, C, kH, kW), b (O,) or None; stride, padding (zeros, both sides),
    dilation: int or (H, W) pair -> (N, O, H_out, W_out) float array.
    out[n, o, i, j] = b[o] + sum_{c,a,e} xpad[n, c, i*sh + a*dh, j*sw + e*dw] * w[o, c, a, e]
    """
    raise NotImplementedError("conv2d: see exercises/architectures/README.md")


# --- pooling ------------------------------------------------------------------------------------

def max_pool2d(x, kernel, stride=None):
    """Max over each kernel window of x (N, C, H, W), no padding, stride defaults to kernel.

    Example: max_pool2d(np.arange(16.).reshape(1, 1, 4, 4), 2)[0, 0] -> [[5, 7], [13, 15]]
    """
    raise NotImplementedError("pooling: see exercises/architectures/README.md")


def avg_pool2d(x, kernel, stride=None, padding=0):
    """Mean over each window of the zero-padded x; divide by the number of real (not padding)
    pixels in the window. stride defaults to kernel; padding <= kernel // 2."""
    raise NotImplementedError("pooling: see exercises/architectures/README.md")


def max_pool2d_backward(x, grad_out, kernel, stride=None):
    """dL/dx (N, C, H, W) of max_pool2d(x, kernel, stride) given grad_out = dL/dout.

    Each window sends its gradient to its max (first max in row-major order on ties);
    gradients add up where windows overlap.
    """
    raise NotImplementedError("pooling: see exercises/architectures/README.md")


# --- rnn_forward / rnn_backward -------------------------------------------------------------------

def rnn_forward(x, h0, W_xh, W_hh, b):
    """h_t = tanh(x_t @ W_xh.T + h_{t-1} @ W_hh.T + b), time-major.

    x (T, B, D), h0 (B, H), W_xh (H, D), W_hh (H, H), b (H,) -> hs (T, B, H) = [h_1, ..., h_T]
    """
    raise NotImplementedError("rnn_forward: see exercises/architectures/README.md")


def rnn_backward(x, h0, W_xh, W_hh, hs, grad_hs):
    """Backpropagation through time for rnn_forward, in numpy.

    hs (T, B, H) = rnn_forward(...), grad_hs (T, B, H) = dL/dh_t given directly by the loss.
    Returns (dx (T, B, D), dh0 (B, H), dW_xh (H, D), dW_hh (H, H), db (H,)).
    """
    raise NotImplementedError("rnn_backward: see exercises/architectures/README.md")


# --- lstm_cell / gru_cell -------------------------------------------------------------------------

def lstm_cell(x, h, c, W_ih, W_hh, b_ih, b_hh):
    """One LSTM step, PyTorch layout: rows of W_ih (4H, D), W_hh (4H, H), b_ih, b_hh (4H,) are
    the gates in the order (i, f, g, o). x (B, D), h, c (B, H) -> (h_next, c_next), each (B, H).
    """
    raise NotImplementedError("lstm_cell: see exercises/architectures/README.md")


def gru_cell(x, h, W_ih, W_hh, b_ih, b_hh):
    """One GRU step, PyTorch layout: rows of W_ih (3H, D), W_hh (3H, H), b_ih, b_hh (3H,) are
    (r, z, n); n = tanh(W_in x + b_in + r * (W_hn h + b_hn)); h' = (1 - z) * n + z * h.
    x (B, D), h (B, H) -> h_next (B, H).
    """
    raise NotImplementedError("gru_cell: see exercises/architectures/README.md")


# --- patch_embedding ------------------------------------------------------------------------------

class PatchEmbedding(nn.Module):
    """ViT patch embedding: (B, C, H, W) -> (B, 1 + N, D), N = (H // p) * (W // p).

    Attributes (pinned): patch_size, num_patches, proj = nn.Linear(C*p*p, D) applied to each
    patch flattened in (C, p, p) order, cls_token nn.Parameter (1, 1, D),
    pos_embed nn.Parameter (1, 1 + N, D). img_size: int or (H, W), each a multiple of
    patch_size, else raise ValueError. The output has the module's and the input's dtype.
    """

    def __init__(self, img_size, patch_size, in_chans=3, embed_dim=768):
        raise NotImplementedError("patch_embedding: see exercises/architectures/README.md")

    def forward(self, x):
        raise NotImplementedError("patch_embedding: see exercises/architectures/README.md")


# --- residual_block -------------------------------------------------------------------------------

class ResidualBlock(nn.Module):
    """ResNet basic block: relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x)).

    Attributes (pinned): conv1 (3x3, stride, padding 1, bias=False), bn1, conv2 (3x3, stride 1,
    padding 1, bias=False), bn2, shortcut = identity (nn.Sequential() or nn.Identity()) when
    stride == 1 and in_ch == out_ch, else nn.Sequential(1x1 Conv2d(stride, bias=False), BatchNorm2d).
    forward never changes x in place (with the identity shortcut, self.shortcut(x) is x).
    """

    def __init__(self, in_ch, out_ch, stride=1):
        raise NotImplementedError("residual_block: see exercises/architectures/README.md")

    def forward(self, x):
        raise NotImplementedError("residual_block: see exercises/architectures/README.md")


# --- receptive_field ------------------------------------------------------------------------------

def receptive_field(layers):
    """Receptive field (input pixels along one axis) of one output unit of a layer stack.

    layers: list of (kernel, stride, dilation) tuples, first = nearest the input; [] -> 1.
    Example: receptive_field([(3, 1, 1), (3, 1, 1)]) -> 5
    """
    raise NotImplementedError("receptive_field: see exercises/architectures/README.md")
