"""Keeps the level as a numpy float (np.minimum), so allow() returns a numpy.bool_, not a bool."""


class TokenBucket(TokenBucket):  # noqa: F821 - extends the reference defined above
    def _refill(self):
        now = self.clock()
        self.tokens = np.minimum(self.capacity, self.tokens + (now - self.last) * self.rate)
        self.last = now

    def allow(self, n=1):
        self._refill()
        ok = self.tokens >= n
        if ok:
            self.tokens -= n
        return ok
