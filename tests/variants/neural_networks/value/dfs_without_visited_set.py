"""backward builds its order by DFS without a visited set: a shared node appears (and runs _backward) more than once."""


def _backward_no_seen(self):
    order = []

    def visit(node):
        for child in node._prev:
            visit(child)
        order.append(node)
    visit(self)
    self.grad = 1.0
    for node in reversed(order):
        node._backward()


Value.backward = _backward_no_seen
