"""Every update overwrites its key: the reducers declared for the state are never applied."""

_Reference = CompiledGraph


class CompiledGraph(_Reference):
    def _apply(self, state, update):
        new = dict(state)
        new.update(update or {})
        return new
