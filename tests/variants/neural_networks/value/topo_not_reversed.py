"""backward walks the topological order from the leaves up (not reversed), so gradients never reach the inputs."""


def _backward_wrong(self):
    order, seen = [], set()

    def visit(node):
        if id(node) not in seen:
            seen.add(id(node))
            for child in node._prev:
                visit(child)
            order.append(node)
    visit(self)
    self.grad = 1.0
    for node in order:
        node._backward()


Value.backward = _backward_wrong
