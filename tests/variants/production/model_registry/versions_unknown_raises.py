"""versions() of a name never registered raises KeyError instead of returning an empty list."""


class ModelRegistry(ModelRegistry):
    def versions(self, name):
        return list(self.models[name])
