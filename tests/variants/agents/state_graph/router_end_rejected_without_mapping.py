"""Without a mapping, checks the router's key against the nodes and rejects END as an unknown node."""
import copy


class CompiledGraph(CompiledGraph):
    def _next(self, node, state):
        way = self.graph.edges[node]
        if way[0] == "edge":
            return way[1]
        _, router, mapping = way
        key = router(copy.deepcopy(state))
        if mapping is None:
            if key not in self.graph.nodes:
                raise ValueError(f"router of {node!r} returned an unknown node {key!r}")
            return key
        if key not in mapping:
            raise ValueError(f"router of {node!r} returned {key!r}, which is not in its mapping")
        return mapping[key]
