"""backward() orders the nodes with Kahn's algorithm (count each node's users), not a recursive DFS."""
from collections import deque


class Value(Value):
    def backward(self):
        nodes, stack = {id(self): self}, [self]     # every node reachable from self
        while stack:
            node = stack.pop()
            for child in node._prev:
                if id(child) not in nodes:
                    nodes[id(child)] = child
                    stack.append(child)
        users = {key: 0 for key in nodes}           # how many edges point into each node
        for node in nodes.values():
            for child in node._prev:
                users[id(child)] += 1
        self.grad = 1.0
        ready = deque([self])
        while ready:                                # a node runs once all its users have run
            node = ready.popleft()
            node._backward()
            for child in node._prev:
                users[id(child)] -= 1
                if users[id(child)] == 0:
                    ready.append(child)
