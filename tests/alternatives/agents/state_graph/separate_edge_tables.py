"""Plain and conditional edges in two tables; compile snapshots them; invoke is a bounded for loop."""
import copy


def append(left, right):
    return [*left, *right] if isinstance(right, list) else [*left, right]


class StateGraph:
    def __init__(self, reducers=None):
        self.reducers = dict(reducers or {})
        self.nodes, self.edges, self.branches = {}, {}, {}
        self.entry = None

    def add_node(self, name, fn):
        if name == END or name in self.nodes:
            raise ValueError(f"bad node name {name!r}")
        self.nodes[name] = fn

    def _free(self, source):
        if source in self.edges or source in self.branches:
            raise ValueError(f"{source!r} already has a way out")

    def add_edge(self, source, target):
        self._free(source)
        self.edges[source] = target

    def add_conditional_edges(self, source, router, mapping=None):
        self._free(source)
        self.branches[source] = (router, mapping)

    def set_entry_point(self, name):
        self.entry = name

    def compile(self):
        known = set(self.nodes) | {END}
        targets = list(self.edges.values())
        for _, mapping in self.branches.values():
            targets += list((mapping or {}).values())
        problems = [self.entry not in self.nodes,
                    any(t not in known for t in targets),
                    any(s not in self.nodes for s in [*self.edges, *self.branches]),
                    any(n not in self.edges and n not in self.branches for n in self.nodes)]
        if any(problems):
            raise ValueError("the graph is incomplete: check the entry point, edge targets and ways out")
        return CompiledGraph(self)


class CompiledGraph:
    def __init__(self, graph):
        self.entry = graph.entry
        self.nodes = dict(graph.nodes)
        self.edges = dict(graph.edges)
        self.branches = {k: (r, None if m is None else dict(m)) for k, (r, m) in graph.branches.items()}
        self.reducers = dict(graph.reducers)

    def _route(self, node, state):
        if node in self.edges:
            return self.edges[node]
        router, mapping = self.branches[node]
        label = router(copy.deepcopy(state))
        if mapping is None:
            return label
        try:
            return mapping[label]
        except KeyError:
            raise ValueError(f"router of {node!r} gave a label its mapping lacks") from None

    def invoke(self, state, recursion_limit=25):
        state = copy.deepcopy(state)
        node = self.entry
        for _ in range(recursion_limit):
            update = self.nodes[node](copy.deepcopy(state)) or {}
            for key, value in update.items():
                if key in self.reducers and key in state:
                    state[key] = self.reducers[key](state[key], value)
                else:
                    state[key] = value
            node = self._route(node, state)
            if node == END:
                return state
        raise GraphRecursionError(f"more than {recursion_limit} node executions")
