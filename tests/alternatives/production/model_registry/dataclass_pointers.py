"""Dataclass records keyed by (name, version), a Production pointer per name, and transitions as a set of pairs."""
from dataclasses import dataclass, field

_MOVES = {(a, b) for a, targets in ALLOWED_TRANSITIONS.items() for b in targets}


@dataclass
class _Version:
    metadata: dict = field(default_factory=dict)
    stage: str = "None"


class ModelRegistry:
    def __init__(self):
        self.records = {}          # (name, version) -> _Version
        self.order = {}            # name -> [version, ...]
        self.live = {}             # name -> version in Production
        self.promoted = {}         # name -> stack of versions moved to Production

    def register(self, name, artifact_bytes, metadata=None):
        version = hashlib.sha256(bytes(artifact_bytes)).hexdigest()
        if (name, version) not in self.records:
            self.records[name, version] = _Version(dict(metadata) if metadata else {})
            self.order.setdefault(name, []).append(version)
        return version

    def _get(self, name, version):
        try:
            return self.records[name, version]
        except KeyError:
            raise KeyError(f"{name}/{version} is not registered") from None

    def versions(self, name):
        return list(self.order.get(name, []))

    def metadata(self, name, version):
        return dict(self._get(name, version).metadata)

    def stage(self, name, version):
        return self._get(name, version).stage

    def production(self, name):
        return self.live.get(name)

    def _set(self, name, version, stage):
        self.records[name, version].stage = stage
        if stage == "Production":
            self.live[name] = version
        elif self.live.get(name) == version:
            del self.live[name]

    def transition(self, name, version, stage):
        record = self._get(name, version)
        if (record.stage, stage) not in _MOVES:
            raise ValueError(f"{record.stage} -> {stage} is not an allowed transition")
        if stage == "Production":
            if name in self.live:
                self._set(name, self.live[name], "Archived")
            self.promoted.setdefault(name, []).append(version)
        self._set(name, version, stage)

    def rollback(self, name):
        stack = self.promoted.get(name, [])
        if len(stack) < 2:
            raise ValueError("nothing to roll back to")
        if name in self.live:
            self._set(name, self.live[name], "Archived")
        stack.pop()
        self._set(name, stack[-1], "Production")
        return stack[-1]
