"""register() keeps description None when none is given, so decorated tools are described without their docstring."""

_Reference = ToolRegistry


class ToolRegistry(_Reference):
    def register(self, name, fn, schema=None, description=None):
        _Reference.register(self, name, fn, schema, description if description is not None else "")
        return fn
