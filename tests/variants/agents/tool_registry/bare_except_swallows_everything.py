"""Wraps the tool in a bare `except:`: a KeyboardInterrupt or SystemExit raised inside a tool becomes an observation."""

_Reference = ToolRegistry


class ToolRegistry(_Reference):
    def call(self, name, args):
        if name not in self._tools or not isinstance(args, dict):
            return super().call(name, args)
        fn, schema, _ = self._tools[name]
        if any(a not in args for a in schema) or any(a not in schema for a in args) \
                or any(not _type_ok(args[a], t) for a, t in schema.items()):
            return super().call(name, args)
        try:
            return str(fn(**args))
        except:  # noqa: E722
            import sys
            error = sys.exc_info()[1]
            return f"Error: {type(error).__name__}: {error}"
