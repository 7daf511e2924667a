"""Refills whole tokens only (int(elapsed * rate)) and resets the timer: the fractions are lost."""
class TokenBucket:
    def __init__(self, rate, capacity, clock):
        self.rate, self.capacity, self.clock = rate, capacity, clock
        self.tokens, self.last = capacity, clock()

    def _refill(self):
        now = self.clock()
        self.tokens = min(self.capacity, self.tokens + int((now - self.last) * self.rate))
        self.last = now

    def available(self):
        self._refill()
        return float(self.tokens)

    def allow(self, n=1):
        self._refill()
        if self.tokens >= n:
            self.tokens -= n
            return True
        return False
