"""compile() checks plain edges but not the node names in a conditional edge's mapping."""


class StateGraph(StateGraph):
    def compile(self):
        if self.entry not in self.nodes:
            raise ValueError("set_entry_point(...) must name a node before compile()")
        for source, way in self.edges.items():
            if way[0] == "edge" and way[1] != END and way[1] not in self.nodes:
                raise ValueError(f"an edge refers to an unknown node {way[1]!r}")
        for name in self.nodes:
            if name not in self.edges:
                raise ValueError(f"node {name!r} has no outgoing edge (add an edge to END?)")
        return CompiledGraph(self)
