"""The deadline counts from the newest item: every submit restarts the timer."""
class DynamicBatcher:
    def __init__(self, max_batch_size, max_wait_s, clock):
        self.max_batch_size, self.max_wait_s, self.clock = max_batch_size, max_wait_s, clock
        self.queue, self.last_submit = [], None

    def submit(self, item):
        self.queue.append(item)
        self.last_submit = self.clock()

    def poll(self):
        now = self.clock()
        batches = []
        while len(self.queue) >= self.max_batch_size:
            batches.append(self.queue[:self.max_batch_size])
            self.queue = self.queue[self.max_batch_size:]
        if self.queue and now - self.last_submit >= self.max_wait_s:
            batches.append(self.queue)
            self.queue = []
        return batches

    def __len__(self):
        return len(self.queue)
