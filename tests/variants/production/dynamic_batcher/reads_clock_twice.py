"""Reads the clock again for the deadline test instead of using the poll's one `now`."""


class DynamicBatcher(DynamicBatcher):  # noqa: F821 - extends the reference defined above
    def poll(self):
        self.clock()                                       # "now", read and then forgotten
        batches = []
        while len(self.queue) >= self.max_batch_size:
            batches.append([self.queue.popleft()[0] for _ in range(self.max_batch_size)])
        if self.queue and self.clock() - self.queue[0][1] >= self.max_wait_s:
            batches.append([item for item, _ in self.queue])
            self.queue.clear()
        return batches
