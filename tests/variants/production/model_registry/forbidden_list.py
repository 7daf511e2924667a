"""Checks transitions against a list of FORBIDDEN moves: a stage name that does not exist slips through."""

FORBIDDEN = {("None", "None"), ("None", "Production"), ("Staging", "Staging"), ("Staging", "None"),
             ("Production", "Production"), ("Production", "None"), ("Production", "Staging"),
             ("Archived", "Archived"), ("Archived", "None"), ("Archived", "Production")}


class ModelRegistry(ModelRegistry):  # noqa: F821 - extends the reference defined above
    def transition(self, name, version, stage):
        entry = self._entry(name, version)
        if (entry["stage"], stage) in FORBIDDEN:
            raise ValueError(f"cannot move {name}/{version} from {entry['stage']} to {stage}")
        if stage == "Production":
            current = self.production(name)
            if current is not None:
                self.models[name][current]["stage"] = "Archived"
            self.history.setdefault(name, []).append(version)
        entry["stage"] = stage
