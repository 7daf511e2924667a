"""min(capacity, ...) with an integer capacity: available() returns the int capacity when the bucket is full."""


class TokenBucket:
    def __init__(self, rate, capacity, clock):
        self.rate, self.capacity, self.clock = rate, capacity, clock
        self.tokens, self.last = capacity, clock()

    def _refill(self):
        now = self.clock()
        self.tokens = min(self.capacity, self.tokens + (now - self.last) * self.rate)
        self.last = now

    def available(self):
        self._refill()
        return self.tokens

    def allow(self, n=1):
        self._refill()
        if self.tokens < n:
            return False
        self.tokens -= n
        return True
