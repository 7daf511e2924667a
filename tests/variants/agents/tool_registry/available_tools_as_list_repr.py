"""Writes the available tools as a Python list (Available tools: ['a', 'b']) instead of the pinned ', '-joined names."""


class ToolRegistry(ToolRegistry):
    def call(self, name, args):
        if name not in self._tools:
            return f"Error: unknown tool '{name}'. Available tools: {list(self._tools)}"
        return super().call(name, args)
