"""Calls the tool without try/except: a failing tool crashes the agent loop."""

_Reference = ToolRegistry


class ToolRegistry(_Reference):
    def call(self, name, args):
        if name not in self._tools:
            return f"Error: unknown tool '{name}'. Available tools: {', '.join(self._tools)}"
        fn, schema, _ = self._tools[name]
        if not isinstance(args, dict):
            return f"Error: arguments for tool '{name}' must be a JSON object"
        for arg in schema:
            if arg not in args:
                return f"Error: missing argument '{arg}' for tool '{name}'"
        for arg in args:
            if arg not in schema:
                return f"Error: unexpected argument '{arg}' for tool '{name}'"
        for arg, expected in schema.items():
            if not _type_ok(args[arg], expected):
                return f"Error: argument '{arg}' of tool '{name}' should be {expected.__name__}"
        return str(fn(**args))
