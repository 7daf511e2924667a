"""Copies the caller's state with dict(state): its nested lists are shared, so an in-place reducer changes them."""
import copy


class CompiledGraph(CompiledGraph):
    def invoke(self, state, recursion_limit=25):
        state = dict(state)
        node, executed = self.graph.entry, 0
        while node != END:
            if executed == recursion_limit:
                raise GraphRecursionError(f"recursion limit of {recursion_limit} node executions reached")
            update = self.graph.nodes[node](copy.deepcopy(state))
            state = self._apply(state, update)
            executed += 1
            node = self._next(node, state)
        return state
