"""Promoting to Production leaves the previous Production version in Production."""
class ModelRegistry(ModelRegistry):  # noqa: F821 - extends the reference defined above
    def transition(self, name, version, stage):
        entry = self._entry(name, version)
        if stage not in ALLOWED_TRANSITIONS.get(entry["stage"], ()):  # noqa: F821
            raise ValueError(f"cannot move from {entry['stage']} to {stage}")
        if stage == "Production":
            self.history.setdefault(name, []).append(version)
        entry["stage"] = stage

    def production(self, name):
        found = [v for v, e in self.models.get(name, {}).items() if e["stage"] == "Production"]
        return found[0] if found else None
