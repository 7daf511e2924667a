"""Deep learning architectures from their parts: the reference. Brief: exercises/architectures/README.md

numpy katas: conv2d, pooling, rnn_forward, rnn_backward. torch katas: lstm_cell, gru_cell
(tensors in, tensors out, differentiable), PatchEmbedding and ResidualBlock (nn.Modules).
Pure python: receptive_field.
"""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def _pair(v):
    """3 -> (3, 3); (2, 3) -> (2, 3)."""
    return (int(v), int(v)) if np.isscalar(v) else (int(v[0]), int(v[1]))


# --- conv2d -------------------------------------------------------------------------------------

def conv_output_shape(h, w, kernel, stride=1, padding=0, dilation=1):
    """Spatial size of a conv / pool output: floor((n + 2p - d(k-1) - 1) / s) + 1 per axis.

    >>> conv_output_shape(32, 20, kernel=3, stride=2, padding=1)
    (16, 10)
    """
    (kh, kw), (sh, sw), (ph, pw), (dh, dw) = map(_pair, (kernel, stride, padding, dilation))
    ho = (h + 2 * ph - dh * (kh - 1) - 1) // sh + 1
    wo = (w + 2 * pw - dw * (kw - 1) - 1) // sw + 1
    return ho, wo


def conv2d(x, w, b=None, stride=1, padding=0, dilation=1):
    """2-D cross-correlation (what every DL library calls convolution: no kernel flip).

    x (N, C, H, W), w (O, C, kH, kW), b (O,) or None -> (N, O, H_out, W_out).
    out[n, o, i, j] = b[o] + sum_{c, a, e} xpad[n, c, i*sh + a*dh, j*sw + e*dw] * w[o, c, a, e]

    One matmul per kernel tap: for tap (a, e) the input pixels it touches form a strided slice
    of the padded input, of the output's spatial size.
    """
    x, w = np.asarray(x, dtype=float), np.asarray(w, dtype=float)
    O, C, kh, kw = w.shape
    (sh, sw), (ph, pw), (dh, dw) = map(_pair, (stride, padding, dilation))
    ho, wo = conv_output_shape(x.shape[2], x.shape[3], (kh, kw), (sh, sw), (ph, pw), (dh, dw))
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))  # zeros on both sides of each spatial axis
    out = np.zeros((x.shape[0], O, ho, wo))
    for a in range(kh):
        for e in range(kw):
            r, c = a * dh, e * dw
            patch = xp[:, :, r:r + sh * (ho - 1) + 1:sh, c:c + sw * (wo - 1) + 1:sw]  # (N, C, ho, wo)
            out += np.einsum("nchw,oc->nohw", patch, w[:, :, a, e])
    if b is not None:
        out += np.asarray(b, dtype=float)[None, :, None, None]  # (1, O, 1, 1)
    return out


# --- pooling ------------------------------------------------------------------------------------

def _windows(x, kernel, stride):
    """(N, C, H, W) -> (N, C, H_out, W_out, kH, kW): a read-only view of every pooling window."""
    (kh, kw), (sh, sw) = _pair(kernel), _pair(stride)
    return np.lib.stride_tricks.sliding_window_view(x, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]


def max_pool2d(x, kernel, stride=None):
    """Max over each kH x kW window, no padding; stride defaults to kernel.

    >>> max_pool2d(np.arange(16.).reshape(1, 1, 4, 4), 2)[0, 0]
    array([[ 5.,  7.],
           [13., 15.]])
    """
    x = np.asarray(x, dtype=float)
    return _windows(x, kernel, kernel if stride is None else stride).max(axis=(-2, -1))


def avg_pool2d(x, kernel, stride=None, padding=0):
    """Mean over each window of the zero-padded input, dividing by the number of *real* pixels
    in the window (padding is not counted: torch's count_include_pad=False)."""
    x = np.asarray(x, dtype=float)
    stride = kernel if stride is None else stride
    ph, pw = _pair(padding)
    pad = ((0, 0), (0, 0), (ph, ph), (pw, pw))
    total = _windows(np.pad(x, pad), kernel, stride).sum(axis=(-2, -1))
    count = _windows(np.pad(np.ones_like(x), pad), kernel, stride).sum(axis=(-2, -1))
    return total / count


def max_pool2d_backward(x, grad_out, kernel, stride=None):
    """Gradient of max_pool2d w.r.t. x: each window's upstream gradient goes to its argmax
    (the first maximum in row-major order on ties), summed where windows overlap."""
    x, grad_out = np.asarray(x, dtype=float), np.asarray(grad_out, dtype=float)
    (kh, kw), (sh, sw) = _pair(kernel), _pair(kernel if stride is None else stride)
    N, C, ho, wo = grad_out.shape
    win = _windows(x, (kh, kw), (sh, sw)).reshape(N, C, ho, wo, kh * kw)  # (N, C, ho, wo, kH*kW)
    arg = win.argmax(axis=-1)  # first max wins ties
    n, c, i, j = np.indices((N, C, ho, wo))
    rows, cols = i * sh + arg // kw, j * sw + arg % kw
    grad_x = np.zeros_like(x)
    np.add.at(grad_x, (n, c, rows, cols), grad_out)  # += even when two windows pick one pixel
    return grad_x


# --- rnn_forward / rnn_backward -------------------------------------------------------------------

def rnn_forward(x, h0, W_xh, W_hh, b):
    """Elman RNN: h_t = tanh(x_t W_xh^T + h_{t-1} W_hh^T + b), time-major.

    x (T, B, D), h0 (B, H), W_xh (H, D), W_hh (H, H), b (H,) -> hs (T, B, H) = h_1 .. h_T.
    """
    h = np.asarray(h0, dtype=float)
    hs = []
    for x_t in np.asarray(x, dtype=float):
        h = np.tanh(x_t @ W_xh.T + h @ W_hh.T + b)  # (B, H)
        hs.append(h)
    return np.stack(hs)  # (T, B, H)


def rnn_backward(x, h0, W_xh, W_hh, hs, grad_hs):
    """Backpropagation through time for rnn_forward.

    grad_hs (T, B, H) is dL/dh_t coming from the loss directly at each step. Returns
    (dx (T, B, D), dh0 (B, H), dW_xh (H, D), dW_hh (H, H), db (H,)).
    The weights are shared by every step, so their gradients are sums over t; the hidden state
    also feeds the next step, so dL/dh_t = grad_hs[t] + (what flows back from step t+1).
    """
    x, hs, grad_hs = (np.asarray(a, dtype=float) for a in (x, hs, grad_hs))
    h0 = np.asarray(h0, dtype=float)
    dx = np.zeros_like(x)
    dW_xh, dW_hh = np.zeros_like(W_xh, dtype=float), np.zeros_like(W_hh, dtype=float)
    db = np.zeros(W_hh.shape[0])
    dh_next = np.zeros_like(h0)
    for t in reversed(range(len(x))):
        dh = grad_hs[t] + dh_next              # (B, H): from the loss and from step t+1
        da = dh * (1.0 - hs[t] ** 2)           # through tanh
        h_prev = hs[t - 1] if t > 0 else h0
        dW_xh += da.T @ x[t]
        dW_hh += da.T @ h_prev
        db += da.sum(axis=0)
        dx[t] = da @ W_xh
        dh_next = da @ W_hh
    return dx, dh_next, dW_xh, dW_hh, db


# --- lstm_cell / gru_cell -------------------------------------------------------------------------

def lstm_cell(x, h, c, W_ih, W_hh, b_ih, b_hh):
    """One LSTM step with PyTorch's layout: the 4H rows of W_ih/W_hh/b are gates (i, f, g, o).

    x (B, D), h and c (B, H), W_ih (4H, D), W_hh (4H, H), b_ih and b_hh (4H,) -> (h', c').
    """
    gates = x @ W_ih.T + b_ih + h @ W_hh.T + b_hh  # (B, 4H)
    i, f, g, o = gates.chunk(4, dim=1)              # 4 x (B, H)
    c_next = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
    h_next = torch.sigmoid(o) * torch.tanh(c_next)
    return h_next, c_next


def gru_cell(x, h, W_ih, W_hh, b_ih, b_hh):
    """One GRU step with PyTorch's layout: the 3H rows are (r, z, n); the reset gate multiplies
    (W_hn h + b_hn), after the matmul.

    r = s(W_ir x + b_ir + W_hr h + b_hr);  z = s(W_iz x + b_iz + W_hz h + b_hz)
    n = tanh(W_in x + b_in + r * (W_hn h + b_hn));  h' = (1 - z) * n + z * h
    """
    i_r, i_z, i_n = (x @ W_ih.T + b_ih).chunk(3, dim=1)  # 3 x (B, H)
    h_r, h_z, h_n = (h @ W_hh.T + b_hh).chunk(3, dim=1)  # 3 x (B, H)
    r = torch.sigmoid(i_r + h_r)
    z = torch.sigmoid(i_z + h_z)
    n = torch.tanh(i_n + r * h_n)
    return (1 - z) * n + z * h


# --- patch_embedding ------------------------------------------------------------------------------

class PatchEmbedding(nn.Module):
    """ViT input: cut the image into p x p patches, flatten each in (C, p, p) order, project to
    embed_dim, prepend a learned class token, add a learned position embedding.

    (B, C, H, W) -> (B, 1 + N, D) with N = (H // p) * (W // p), patches in row-major grid order.
    """

    def __init__(self, img_size, patch_size, in_chans=3, embed_dim=768):
        super().__init__()
        H, W = _pair(img_size)
        if H % patch_size or W % patch_size:
            raise ValueError(f"image size {(H, W)} is not a multiple of patch_size {patch_size}")
        self.patch_size = patch_size
        self.num_patches = (H // patch_size) * (W // patch_size)
        self.proj = nn.Linear(in_chans * patch_size * patch_size, embed_dim)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, embed_dim))
        self.pos_embed = nn.Parameter(torch.zeros(1, 1 + self.num_patches, embed_dim))
        nn.init.trunc_normal_(self.cls_token, std=0.02)
        nn.init.trunc_normal_(self.pos_embed, std=0.02)

    def forward(self, x):
        B, C, H, W = x.shape
        p = self.patch_size
        x = x.reshape(B, C, H // p, p, W // p, p)    # (B, C, gh, p, gw, p)
        x = x.permute(0, 2, 4, 1, 3, 5)               # (B, gh, gw, C, p, p)
        x = x.reshape(B, -1, C * p * p)               # (B, N, C*p*p)
        tokens = self.proj(x)                         # (B, N, D)
        cls = self.cls_token.expand(B, -1, -1)        # (B, 1, D)
        return torch.cat([cls, tokens], dim=1) + self.pos_embed  # (B, 1 + N, D)


# --- residual_block -------------------------------------------------------------------------------

class ResidualBlock(nn.Module):
    """ResNet basic block: relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x)).

    conv1 3x3 (stride), conv2 3x3 (stride 1), both padding 1 and bias=False. The shortcut is the
    identity when the shape is kept, else a 1x1 conv (stride, bias=False) followed by BatchNorm.
    """

    def __init__(self, in_ch, out_ch, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(in_ch, out_ch, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(out_ch)
        self.conv2 = nn.Conv2d(out_ch, out_ch, 3, stride=1, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(out_ch)
        self.shortcut = nn.Sequential()  # identity
        if stride != 1 or in_ch != out_ch:
            self.shortcut = nn.Sequential(
                nn.Conv2d(in_ch, out_ch, 1, stride=stride, bias=False),
                nn.BatchNorm2d(out_ch),
            )

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return F.relu(out + self.shortcut(x))  # ReLU after the add


# --- receptive_field ------------------------------------------------------------------------------

def receptive_field(layers):
    """Receptive field (in input pixels, along one axis) of one unit after a stack of layers.

    layers: [(kernel, stride, dilation), ...], first = nearest the input. Each layer widens the
    field by d(k-1) steps of its input grid, and one step of that grid is the product of the
    strides before it (the "jump").

    >>> receptive_field([(3, 1, 1), (3, 1, 1)]), receptive_field([(3, 2, 1), (3, 1, 2)])
    (5, 11)
    """
    rf, jump = 1, 1
    for kernel, stride, dilation in layers:
        rf += dilation * (kernel - 1) * jump
        jump *= stride
    return rf
