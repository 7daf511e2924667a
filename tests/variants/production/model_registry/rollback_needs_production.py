"""Refuses to roll back (ValueError) when no version is in Production at the moment."""


class ModelRegistry(ModelRegistry):  # noqa: F821 - extends the reference defined above
    def rollback(self, name):
        if self.production(name) is None:
            raise ValueError(f"{name} has nothing in Production to roll back")
        return super().rollback(name)
