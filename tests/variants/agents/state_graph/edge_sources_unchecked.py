"""compile() checks where edges go but not where they come from: an edge from a missing node passes."""


class StateGraph(StateGraph):
    def compile(self):
        if self.entry not in self.nodes:
            raise ValueError("set_entry_point(...) must name a node before compile()")
        for way in self.edges.values():
            targets = [way[1]] if way[0] == "edge" else list((way[2] or {}).values())
            for name in targets:
                if name != END and name not in self.nodes:
                    raise ValueError(f"an edge refers to an unknown node {name!r}")
        for name in self.nodes:
            if name not in self.edges:
                raise ValueError(f"node {name!r} has no outgoing edge (add an edge to END?)")
        return CompiledGraph(self)
