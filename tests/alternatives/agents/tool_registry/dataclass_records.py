"""Keeps each tool as a dataclass record in a list, with a per-type predicate table for validation."""
import inspect
import typing
from dataclasses import dataclass

_ACCEPTS = {
    int: lambda v: type(v) is not bool and isinstance(v, int),
    float: lambda v: type(v) is not bool and isinstance(v, (int, float)),
}


@dataclass
class _Tool:
    name: str
    fn: typing.Callable
    schema: dict
    description: str

    def line(self):
        args = ", ".join(f"{arg}: {kind.__name__}" for arg, kind in self.schema.items())
        return f"{self.name}({args})" + (f": {self.description}" if self.description else "")


class ToolRegistry:
    def __init__(self):
        self._tools = []

    def _find(self, name):
        return next((t for t in self._tools if t.name == name), None)

    def register(self, name, fn, schema=None, description=None):
        if self._find(name) is not None:
            raise ValueError(f"tool {name!r} is already registered")
        if schema is None:
            hints = typing.get_type_hints(fn)
            missing = [p for p in inspect.signature(fn).parameters if p not in hints]
            if missing:
                raise ValueError(f"parameter {missing[0]!r} of {name!r} has no annotation")
            schema = {p: hints[p] for p in inspect.signature(fn).parameters}
        if description is None:
            doc = (fn.__doc__ or "").strip()
            description = doc.splitlines()[0].strip() if doc else ""
        self._tools.append(_Tool(name, fn, dict(schema), description))
        return fn

    def tool(self, fn):
        return self.register(fn.__name__, fn)

    def call(self, name, args):
        tool = self._find(name)
        if tool is None:
            names = ", ".join(t.name for t in self._tools)
            return f"Error: unknown tool '{name}'. Available tools: {names}"
        if not isinstance(args, dict):
            return f"Error: arguments for tool '{name}' must be a JSON object"
        missing = [a for a in tool.schema if a not in args]
        if missing:
            return f"Error: missing argument '{missing[0]}' for tool '{name}'"
        extra = [a for a in args if a not in tool.schema]
        if extra:
            return f"Error: unexpected argument '{extra[0]}' for tool '{name}'"
        for arg, kind in tool.schema.items():
            accepts = _ACCEPTS.get(kind, lambda v, kind=kind: isinstance(v, kind))
            if not accepts(args[arg]):
                return f"Error: argument '{arg}' of tool '{name}' should be {kind.__name__}, got {type(args[arg]).__name__}"
        try:
            result = tool.fn(**args)
        except Exception as error:
            return f"Error: {type(error).__name__}: {error}"
        return str(result)

    def describe(self):
        return "\n".join(t.line() for t in self._tools)
