"""backward recurses into children right after each node, without a topological order: shared nodes push partial gradients twice."""


def _backward_wrong(self):
    self.grad = 1.0

    def push(node):
        node._backward()
        for child in node._prev:
            push(child)
    push(self)


Value.backward = _backward_wrong
