"""Moves a re-promoted version to the top of the history instead of pushing it again (no duplicates)."""


class ModelRegistry(ModelRegistry):  # noqa: F821 - extends the reference defined above
    def transition(self, name, version, stage):
        history = self.history.setdefault(name, [])
        if stage == "Production" and version in history and stage in ALLOWED_TRANSITIONS.get(
                self.stage(name, version), ()):
            history.remove(version)
        super().transition(name, version, stage)
