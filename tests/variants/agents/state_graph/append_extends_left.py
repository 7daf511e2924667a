"""The append reducer extends the old list in place instead of building a new one."""


def append(left, right):
    left.extend(right if isinstance(right, list) else [right])
    return left
