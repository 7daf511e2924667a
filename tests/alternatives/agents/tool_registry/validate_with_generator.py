"""Overrides call only: the pinned checks are a generator of problems, the first one found is returned."""


class ToolRegistry(ToolRegistry):
    @staticmethod
    def _wrong_type(value, expected):
        if expected in (int, float) and isinstance(value, bool):
            return True
        allowed = (int, float) if expected is float else expected
        return not isinstance(value, allowed)

    def _problems(self, name, args):
        if name not in self._tools:
            yield f"Error: unknown tool '{name}'. Available tools: {', '.join(self._tools)}"
            return
        if not isinstance(args, dict):
            yield f"Error: arguments for tool '{name}' must be a JSON object"
            return
        schema = self._tools[name][1]
        yield from (f"Error: missing argument '{a}' for tool '{name}'" for a in schema if a not in args)
        yield from (f"Error: unexpected argument '{a}' for tool '{name}'" for a in args if a not in schema)
        yield from (f"Error: argument '{a}' of tool '{name}' should be {t.__name__}, got {type(args[a]).__name__}"
                    for a, t in schema.items() if self._wrong_type(args[a], t))

    def call(self, name, args):
        problem = next(self._problems(name, args), None)
        if problem is not None:
            return problem
        try:
            return str(self._tools[name][0](**args))
        except Exception as error:
            return "Error: " + type(error).__name__ + ": " + str(error)
