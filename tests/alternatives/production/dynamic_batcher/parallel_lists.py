"""Two plain lists (items and submit times); poll slices batches off the front with divmod and del."""


class DynamicBatcher:
    def __init__(self, max_batch_size, max_wait_s, clock):
        self.size, self.wait, self.clock = max_batch_size, max_wait_s, clock
        self.items, self.times = [], []

    def submit(self, item):
        self.items.append(item)
        self.times.append(self.clock())

    def poll(self):
        now = self.clock()
        full, _ = divmod(len(self.items), self.size)
        cut = full * self.size
        batches = [self.items[i:i + self.size] for i in range(0, cut, self.size)]
        del self.items[:cut], self.times[:cut]
        if self.items and now - self.times[0] >= self.wait:
            batches.append(self.items)
            self.items, self.times = [], []
        return batches

    def __len__(self):
        return len(self.items)
