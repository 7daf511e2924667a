"""-, /, unary - and the reflected forms get their own _backward closures instead of being built from + * **."""
import math


class Value(Value):
    def _binary(self, other, data, d_self, d_other, op):
        out = Value(data, (self, other), op)

        def _backward():
            self.grad += d_self() * out.grad
            other.grad += d_other() * out.grad
        out._backward = _backward
        return out

    def __sub__(self, other):
        other = self._wrap(other)
        return self._binary(other, self.data - other.data, lambda: 1.0, lambda: -1.0, "-")

    def __rsub__(self, other):
        return self._wrap(other) - self

    def __truediv__(self, other):
        other = self._wrap(other)
        return self._binary(other, self.data / other.data, lambda: 1.0 / other.data,
                            lambda: -self.data / other.data ** 2, "/")

    def __rtruediv__(self, other):
        return self._wrap(other) / self

    def __neg__(self):
        out = Value(-self.data, (self,), "neg")

        def _backward():
            self.grad -= out.grad
        out._backward = _backward
        return out

    def tanh(self):
        em1 = math.expm1(-2.0 * abs(self.data))     # e^{-2|x|} - 1: stable and exact near 0
        th = math.copysign(-em1 / (2.0 + em1), self.data)
        out = Value(th, (self,), "tanh")

        def _backward():
            self.grad += (1.0 - th * th) * out.grad
        out._backward = _backward
        return out
