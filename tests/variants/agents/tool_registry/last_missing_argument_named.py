"""Collects every missing argument and names the last one instead of the first in schema order."""


class ToolRegistry(ToolRegistry):
    def call(self, name, args):
        if name in self._tools and isinstance(args, dict):
            missing = [a for a in self._tools[name][1] if a not in args]
            if missing:
                return f"Error: missing argument '{missing[-1]}' for tool '{name}'"
        return super().call(name, args)
