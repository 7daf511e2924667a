"""Builds the schema from annotations but silently skips an unannotated parameter instead of raising ValueError."""
import inspect
import typing


class ToolRegistry(ToolRegistry):
    def register(self, name, fn, schema=None, description=None):
        if schema is None:
            hints = typing.get_type_hints(fn)
            schema = {p: hints[p] for p in inspect.signature(fn).parameters if p in hints}
        return super().register(name, fn, schema, description)
