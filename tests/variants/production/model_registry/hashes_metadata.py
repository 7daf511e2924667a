"""The version hashes the metadata together with the bytes."""
import hashlib
import json


class ModelRegistry(ModelRegistry):  # noqa: F821 - extends the reference defined above
    def register(self, name, artifact_bytes, metadata=None):
        blob = artifact_bytes + json.dumps(metadata or {}, sort_keys=True).encode()
        version = hashlib.sha256(blob).hexdigest()
        versions = self.models.setdefault(name, {})
        if version not in versions:
            versions[version] = {"metadata": dict(metadata or {}), "stage": "None"}
        return version
