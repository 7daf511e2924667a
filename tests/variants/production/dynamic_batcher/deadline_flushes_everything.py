"""At the deadline releases every waiting item as one batch, even more than max_batch_size."""


class DynamicBatcher(DynamicBatcher):  # noqa: F821 - extends the reference defined above
    def poll(self):
        now = self.clock()
        if self.queue and now - self.queue[0][1] >= self.max_wait_s:
            batch = [item for item, _ in self.queue]
            self.queue.clear()
            return [batch]
        batches = []
        while len(self.queue) >= self.max_batch_size:
            batches.append([self.queue.popleft()[0] for _ in range(self.max_batch_size)])
        return batches
