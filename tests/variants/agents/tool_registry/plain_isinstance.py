"""Plain isinstance: True passes as an int, 3 fails as a float."""


def _type_ok(value, expected):
    return isinstance(value, expected)
