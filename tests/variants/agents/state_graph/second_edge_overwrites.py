"""A second way out for the same node silently replaces the first, and END is accepted as a node name."""


class StateGraph(StateGraph):
    def add_node(self, name, fn):
        self.nodes[name] = fn

    def _add_way_out(self, source, way):
        self.edges[source] = way
