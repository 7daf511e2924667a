"""torchvision style: nn.Identity shortcut, an nn.ReLU module, `out += identity` then the ReLU on the sum."""
import torch.nn as nn


class ResidualBlock(ResidualBlock):
    def __init__(self, in_ch, out_ch, stride=1):
        super().__init__(in_ch, out_ch, stride)
        self.relu = nn.ReLU(inplace=True)            # no parameters: the state_dict is unchanged
        if stride == 1 and in_ch == out_ch:
            self.shortcut = nn.Identity()

    def forward(self, x):
        identity = self.shortcut(x)
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        out += identity                              # out is a fresh tensor: in place is safe here
        return self.relu(out)
