"""Archives the current Production version and records the promotion before checking that the move is allowed."""


class ModelRegistry(ModelRegistry):  # noqa: F821 - extends the reference defined above
    def transition(self, name, version, stage):
        entry = self._entry(name, version)
        if stage == "Production":
            current = self.production(name)
            if current is not None:
                self.models[name][current]["stage"] = "Archived"
            self.history.setdefault(name, []).append(version)
        if stage not in ALLOWED_TRANSITIONS.get(entry["stage"], ()):
            raise ValueError(f"cannot move {name}/{version} from {entry['stage']} to {stage}")
        entry["stage"] = stage
