"""Adds the projection shortcut only when the channels change, not when the stride shrinks the map."""
import torch.nn as nn

_ResidualBlock_right = ResidualBlock


class ResidualBlock(_ResidualBlock_right):
    def __init__(self, in_ch, out_ch, stride=1):
        super().__init__(in_ch, out_ch, stride)
        if in_ch == out_ch:
            self.shortcut = nn.Sequential()
