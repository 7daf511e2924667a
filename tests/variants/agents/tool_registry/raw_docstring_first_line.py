"""Takes fn.__doc__.split('\n')[0] as the description: a docstring that starts on the next line gives ''."""
import inspect
import typing


class ToolRegistry(ToolRegistry):
    def register(self, name, fn, schema=None, description=None):
        if description is None:
            description = (fn.__doc__ or "").split("\n")[0].strip()
        return super().register(name, fn, schema, description)
