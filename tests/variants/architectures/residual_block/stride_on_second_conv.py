"""Puts the stride on conv2 instead of conv1 (same output shape, different features)."""
import torch.nn as nn

_ResidualBlock_right = ResidualBlock


class ResidualBlock(_ResidualBlock_right):
    def __init__(self, in_ch, out_ch, stride=1):
        super().__init__(in_ch, out_ch, stride)
        self.conv1 = nn.Conv2d(in_ch, out_ch, 3, stride=1, padding=1, bias=False)
        self.conv2 = nn.Conv2d(out_ch, out_ch, 3, stride=stride, padding=1, bias=False)
