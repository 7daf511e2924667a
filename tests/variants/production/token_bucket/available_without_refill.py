"""available() returns the stored token count without refilling first."""


class TokenBucket(TokenBucket):
    def available(self):
        return self.tokens
