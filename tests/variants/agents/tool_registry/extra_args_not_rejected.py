"""Never looks for unexpected arguments: they reach the tool and come back as a TypeError."""

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
        for arg, expected in schema.items():
            if not _type_ok(args[arg], expected):
                return f"Error: argument '{arg}' of tool '{name}' should be {expected.__name__}"
        try:
            return str(fn(**args))
        except Exception as error:
            return f"Error: {type(error).__name__}: {error}"
