"""Moves the refill stamp only when the bucket is below capacity: time spent full is counted again later."""


class TokenBucket(TokenBucket):  # noqa: F821 - extends the reference defined above
    def _refill(self):
        now = self.clock()
        if self.tokens < self.capacity:
            self.tokens = min(float(self.capacity), self.tokens + (now - self.last) * self.rate)
            self.last = now
