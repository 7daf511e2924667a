"""Reports an unknown tool without the list of available tools (the message stops after the name)."""


class ToolRegistry(ToolRegistry):
    def call(self, name, args):
        if name not in self._tools:
            return f"Error: unknown tool '{name}'"
        return super().call(name, args)
