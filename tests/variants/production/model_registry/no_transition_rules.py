"""Any stage change is allowed: None -> Production, Production -> Staging, ... never raise."""
class ModelRegistry(ModelRegistry):  # noqa: F821 - extends the reference defined above
    def transition(self, name, version, stage):
        entry = self._entry(name, version)
        if stage == "Production":
            current = self.production(name)
            if current is not None and current != version:
                self.models[name][current]["stage"] = "Archived"
            self.history.setdefault(name, []).append(version)
        entry["stage"] = stage
