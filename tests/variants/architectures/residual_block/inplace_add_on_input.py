"""Adds the main path into the shortcut in place: with the identity shortcut that is the caller's x."""
import torch.nn.functional as F

_ResidualBlock_right = ResidualBlock


class ResidualBlock(_ResidualBlock_right):
    def forward(self, x):
        out = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x)))))
        identity = self.shortcut(x)
        identity += out
        return F.relu(identity)
