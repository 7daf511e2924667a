"""Uses `description or docstring`: an explicit description="" is replaced by the docstring's first line."""
import inspect


class ToolRegistry(ToolRegistry):
    def register(self, name, fn, schema=None, description=None):
        description = description or (inspect.getdoc(fn) or "").strip().split("\n")[0]
        return super().register(name, fn, schema, description)
