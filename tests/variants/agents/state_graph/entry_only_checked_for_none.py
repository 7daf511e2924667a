"""compile() only checks that an entry point was set, not that it names a node."""


class StateGraph(StateGraph):
    def compile(self):
        if self.entry is None:
            raise ValueError("set_entry_point(...) must be called before compile()")
        for source, way in self.edges.items():
            targets = [way[1]] if way[0] == "edge" else list((way[2] or {}).values())
            for name in [source, *targets]:
                if name != END and name not in self.nodes:
                    raise ValueError(f"an edge refers to an unknown node {name!r}")
        for name in self.nodes:
            if name not in self.edges:
                raise ValueError(f"node {name!r} has no outgoing edge (add an edge to END?)")
        return CompiledGraph(self)
