"""A hash map of nodes plus a doubly linked list with sentinels: head side is the LRU, tail side the MRU."""


class _Node:
    __slots__ = ("key", "value", "prev", "next")

    def __init__(self, key=None, value=None):
        self.key, self.value, self.prev, self.next = key, value, None, None


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.nodes = {}
        self.head, self.tail = _Node(), _Node()
        self.head.next, self.tail.prev = self.tail, self.head

    def _unlink(self, node):
        node.prev.next, node.next.prev = node.next, node.prev

    def _push_back(self, node):
        node.prev, node.next = self.tail.prev, self.tail
        self.tail.prev.next = node
        self.tail.prev = node

    def get(self, key, default=None):
        node = self.nodes.get(key)
        if node is None:
            return default
        self._unlink(node)
        self._push_back(node)
        return node.value

    def put(self, key, value):
        if self.capacity <= 0:
            return
        node = self.nodes.get(key)
        if node is None:
            node = self.nodes[key] = _Node(key, value)
        else:
            node.value = value
            self._unlink(node)
        self._push_back(node)
        if len(self.nodes) > self.capacity:
            oldest = self.head.next
            self._unlink(oldest)
            del self.nodes[oldest.key]

    def __contains__(self, key):
        return key in self.nodes

    def __len__(self):
        return len(self.nodes)
