"""Decides the deadline from the oldest item before releasing full batches, so it flushes items that just arrived."""


class DynamicBatcher(DynamicBatcher):  # noqa: F821 - extends the reference defined above
    def poll(self):
        now = self.clock()
        expired = bool(self.queue) and now - self.queue[0][1] >= self.max_wait_s
        batches = []
        while len(self.queue) >= self.max_batch_size:
            batches.append([self.queue.popleft()[0] for _ in range(self.max_batch_size)])
        if self.queue and expired:
            batches.append([item for item, _ in self.queue])
            self.queue.clear()
        return batches
