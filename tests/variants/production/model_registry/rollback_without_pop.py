"""rollback restores history[-2] but never pops: a second rollback bounces back to the same version."""
class ModelRegistry(ModelRegistry):  # noqa: F821 - extends the reference defined above
    def rollback(self, name):
        history = self.history.get(name, [])
        if len(history) < 2:
            raise ValueError("nothing to roll back to")
        current = self.production(name)
        if current is not None:
            self.models[name][current]["stage"] = "Archived"
        previous = history[-2]
        self.models[name][previous]["stage"] = "Production"
        history.append(previous)
        return previous
