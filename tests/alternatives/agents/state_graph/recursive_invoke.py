"""Overrides invoke only: each node execution is a recursive call that carries the remaining budget."""
import copy


class CompiledGraph(CompiledGraph):
    def _run(self, node, state, budget):
        if node == END:
            return state
        if budget == 0:
            raise GraphRecursionError("recursion limit reached before END")
        state = self._apply(state, self.graph.nodes[node](copy.deepcopy(state)))
        return self._run(self._next(node, state), state, budget - 1)

    def invoke(self, state, recursion_limit=25):
        return self._run(self.graph.entry, copy.deepcopy(state), recursion_limit)
