"""Lists the available tools in alphabetical order, not in registration order."""


class ToolRegistry(ToolRegistry):
    def call(self, name, args):
        if name not in self._tools:
            return f"Error: unknown tool '{name}'. Available tools: {', '.join(sorted(self._tools))}"
        return super().call(name, args)
