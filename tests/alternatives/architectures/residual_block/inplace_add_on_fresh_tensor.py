"""Adds the shortcut into the main path's fresh tensor in place (out += shortcut), then an in-place ReLU."""
import torch.nn.functional as F

_ResidualBlock_right = ResidualBlock


class ResidualBlock(_ResidualBlock_right):
    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        out += self.shortcut(x)            # out is new, x is only read
        return F.relu_(out)
