"""invoke works on the caller's dict itself: the state passed in comes back changed."""

_Reference = CompiledGraph


class CompiledGraph(_Reference):
    def invoke(self, state, recursion_limit=25):
        node, executed = self.graph.entry, 0
        while node != END:
            if executed == recursion_limit:
                raise GraphRecursionError(f"recursion limit of {recursion_limit} node executions reached")
            update = self.graph.nodes[node](copy.deepcopy(state)) or {}
            for key, value in update.items():
                reducer = self.graph.reducers.get(key)
                state[key] = reducer(state[key], value) if reducer is not None and key in state else value
            executed += 1
            node = self._next(node, state)
        return state
