"""Stores each item's deadline (submit time + max_wait_s) instead of its submit time, in a deque."""


class DynamicBatcher(DynamicBatcher):
    def submit(self, item):
        self.queue.append((item, self.clock() + self.max_wait_s))

    def poll(self):
        now = self.clock()
        batches = []
        while len(self.queue) >= self.max_batch_size:
            batches.append([self.queue.popleft()[0] for _ in range(self.max_batch_size)])
        if self.queue and self.queue[0][1] <= now:
            batches.append([item for item, _ in self.queue])
            self.queue.clear()
        return batches
