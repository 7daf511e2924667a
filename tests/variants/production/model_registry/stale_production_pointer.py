"""Keeps a Production pointer per name that a direct Production -> Archived transition forgets to clear."""


class ModelRegistry(ModelRegistry):
    def __init__(self):
        super().__init__()
        self.live = {}

    def production(self, name):
        return self.live.get(name)

    def transition(self, name, version, stage):
        entry = self._entry(name, version)
        if stage not in ALLOWED_TRANSITIONS.get(entry["stage"], ()):
            raise ValueError(f"cannot move {name}/{version[:8]} from {entry['stage']} to {stage}")
        if stage == "Production":
            if name in self.live:
                self.models[name][self.live[name]]["stage"] = "Archived"
            self.history.setdefault(name, []).append(version)
            self.live[name] = version
        entry["stage"] = stage

    def rollback(self, name):
        previous = super().rollback(name)
        self.live[name] = previous
        return previous
