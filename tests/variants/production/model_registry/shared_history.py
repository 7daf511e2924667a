"""Keeps ONE Production history for all model names: a rollback of one name pops another name's promotion."""


class ModelRegistry(ModelRegistry):  # noqa: F821 - extends the reference defined above
    def __init__(self):
        super().__init__()
        self.stack = []                                    # (name, version) of every promotion, any name

    def transition(self, name, version, stage):
        super().transition(name, version, stage)
        if stage == "Production":
            self.stack.append((name, version))

    def rollback(self, name):
        if len(self.stack) < 2:
            raise ValueError("nothing to roll back to")
        current = self.production(name)
        if current is not None:
            self.models[name][current]["stage"] = "Archived"
        self.stack.pop()
        previous_name, previous = self.stack[-1]
        self.models[previous_name][previous]["stage"] = "Production"
        return previous
