"""Reads the clock only when items remain after the full batches (the one read that decides the deadline)."""


class DynamicBatcher:
    def __init__(self, max_batch_size, max_wait_s, clock):
        self.size, self.wait, self.clock = max_batch_size, max_wait_s, clock
        self.items, self.stamps = [], []

    def submit(self, item):
        self.items.append(item)
        self.stamps.append(self.clock())

    def poll(self):
        k = len(self.items) // self.size * self.size          # items that leave in full batches
        batches = [self.items[i:i + self.size] for i in range(0, k, self.size)]
        self.items, self.stamps = self.items[k:], self.stamps[k:]
        if self.items and self.clock() - self.stamps[0] >= self.wait:
            batches.append(self.items)
            self.items, self.stamps = [], []
        return batches

    def __len__(self):
        return len(self.items)
