"""append copies left then extends only for an exact list; the router's target is looked up from a (mapping or identity) table."""
import copy


def append(left, right):
    out = list(left)
    if type(right) is list:
        out.extend(right)
    else:
        out.append(right)
    return out


class CompiledGraph(CompiledGraph):
    def _next(self, node, state):
        way = self.graph.edges[node]
        if way[0] == "edge":
            return way[1]
        router, mapping = way[1], way[2]
        label = router(copy.deepcopy(state))
        table = mapping if mapping is not None else {label: label}
        if label not in table:
            raise ValueError(f"{node!r}: the router's label is not in the mapping")
        return table[label]
