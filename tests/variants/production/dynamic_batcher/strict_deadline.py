"""Deadline tested with > instead of >=: an item that waited exactly max_wait_s is released late."""
from collections import deque


class DynamicBatcher:
    def __init__(self, max_batch_size, max_wait_s, clock):
        self.max_batch_size, self.max_wait_s, self.clock = max_batch_size, max_wait_s, clock
        self.queue = deque()

    def submit(self, item):
        self.queue.append((item, self.clock()))

    def poll(self):
        now = self.clock()
        batches = []
        while len(self.queue) >= self.max_batch_size:
            batches.append([self.queue.popleft()[0] for _ in range(self.max_batch_size)])
        if self.queue and now - self.queue[0][1] > self.max_wait_s:
            batches.append([item for item, _ in self.queue])
            self.queue.clear()
        return batches

    def __len__(self):
        return len(self.queue)
