"""Applies the last ReLU to the main path before the add, instead of to the sum."""
import torch.nn.functional as F

_ResidualBlock_right = ResidualBlock


class ResidualBlock(_ResidualBlock_right):
    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = F.relu(self.bn2(self.conv2(out)))
        return out + self.shortcut(x)
