"""A refused request still drains the tokens that were there (takes one at a time until empty)."""


class TokenBucket(TokenBucket):  # noqa: F821 - extends the reference defined above
    def allow(self, n=1):
        self._refill()
        ok = self.tokens >= n
        self.tokens = max(0.0, self.tokens - n)
        return ok
