"""Stores the metadata argument as given, so a version registered without metadata has metadata None, not {}."""


class ModelRegistry(ModelRegistry):  # noqa: F821 - extends the reference defined above
    def register(self, name, artifact_bytes, metadata=None):
        version = hashlib.sha256(artifact_bytes).hexdigest()
        self.models.setdefault(name, {}).setdefault(version, {"metadata": metadata, "stage": "None"})
        return version

    def metadata(self, name, version):
        return self._entry(name, version)["metadata"]
