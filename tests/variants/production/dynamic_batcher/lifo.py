"""Pops from the end of the queue (a stack): items come out in reverse order."""
class DynamicBatcher:
    def __init__(self, max_batch_size, max_wait_s, clock):
        self.max_batch_size, self.max_wait_s, self.clock = max_batch_size, max_wait_s, clock
        self.queue = []

    def submit(self, item):
        self.queue.append((item, self.clock()))

    def poll(self):
        now = self.clock()
        batches = []
        while len(self.queue) >= self.max_batch_size:
            batches.append([self.queue.pop()[0] for _ in range(self.max_batch_size)])
        if self.queue and now - min(t for _, t in self.queue) >= self.max_wait_s:
            batches.append([self.queue.pop()[0] for _ in range(len(self.queue))])
        return batches

    def __len__(self):
        return len(self.queue)
