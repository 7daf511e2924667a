"""Reads are pure: available() and a refused allow() compute the level without storing it; only a granted allow() commits."""


class TokenBucket:
    def __init__(self, rate, capacity, clock):
        self.rate, self.capacity, self.clock = rate, capacity, clock
        self.level, self.stamp = float(capacity), clock()   # level at time stamp

    def _level(self, now):
        return min(self.capacity, self.level + (now - self.stamp) * self.rate)

    def available(self):
        return self._level(self.clock())

    def allow(self, n=1):
        now = self.clock()
        level = self._level(now)
        if level < n:
            return False
        self.level, self.stamp = level - n, now
        return True
