"""Spreads any list or tuple on the right, so a tuple update becomes several items instead of one."""


def append(left, right):
    return list(left) + (list(right) if isinstance(right, (list, tuple)) else [right])
