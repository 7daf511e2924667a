"""Formats the types with str(type) ("should be <class 'int'>, got <class 'str'>") instead of type.__name__."""


class ToolRegistry(ToolRegistry):
    def call(self, name, args):
        if name in self._tools and isinstance(args, dict):
            fn, schema, _ = self._tools[name]
            if all(a in args for a in schema) and all(a in schema for a in args):
                for arg, expected in schema.items():
                    if not _type_ok(args[arg], expected):
                        return f"Error: argument '{arg}' of tool '{name}' should be {expected}, got {type(args[arg])}"
        return super().call(name, args)
