"""Passes the live state to nodes and routers: a node that mutates its argument corrupts the graph's state."""

_Reference = CompiledGraph


class CompiledGraph(_Reference):
    def _next(self, node, state):
        way = self.graph.edges[node]
        if way[0] == "edge":
            return way[1]
        _, router, mapping = way
        key = router(state)
        return key if mapping is None else mapping[key]

    def invoke(self, state, recursion_limit=25):
        state = copy.deepcopy(state)
        node, executed = self.graph.entry, 0
        while node != END:
            if executed == recursion_limit:
                raise GraphRecursionError(f"recursion limit of {recursion_limit} node executions reached")
            state = self._apply(state, self.graph.nodes[node](state))
            executed += 1
            node = self._next(node, state)
        return state
