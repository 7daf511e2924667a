"""c - v with a constant on the left is computed as v - c (the reflected form forgets the operands swap)."""


def _rsub_wrong(self, other):
    return self + (-other)


Value.__rsub__ = _rsub_wrong
