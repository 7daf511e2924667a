"""Refill is not capped at capacity: a long idle builds an unlimited burst."""
class TokenBucket:
    def __init__(self, rate, capacity, clock):
        self.rate, self.capacity, self.clock = rate, capacity, clock
        self.tokens, self.last = float(capacity), clock()

    def _refill(self):
        now = self.clock()
        self.tokens = self.tokens + (now - self.last) * self.rate
        self.last = now

    def available(self):
        self._refill()
        return self.tokens

    def allow(self, n=1):
        self._refill()
        if self.tokens >= n:
            self.tokens -= n
            return True
        return False
