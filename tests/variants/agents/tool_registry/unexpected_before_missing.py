"""Reports an unexpected argument before a missing one (the pinned order is missing first)."""


class ToolRegistry(ToolRegistry):
    def call(self, name, args):
        if name in self._tools and isinstance(args, dict):
            schema = self._tools[name][1]
            for arg in args:
                if arg not in schema:
                    return f"Error: unexpected argument '{arg}' for tool '{name}'"
        return super().call(name, args)
