"""Raises only once the run count exceeds the limit: recursion_limit + 1 nodes may run."""

_Reference = CompiledGraph


class CompiledGraph(_Reference):
    def invoke(self, state, recursion_limit=25):
        state = copy.deepcopy(state)
        node, executed = self.graph.entry, 0
        while node != END:
            if executed > recursion_limit:
                raise GraphRecursionError(f"recursion limit of {recursion_limit} node executions reached")
            state = self._apply(state, self.graph.nodes[node](copy.deepcopy(state)))
            executed += 1
            node = self._next(node, state)
        return state
