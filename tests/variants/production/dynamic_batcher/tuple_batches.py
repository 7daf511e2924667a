"""Returns each batch as a tuple (and the batches as a tuple) instead of lists."""


class DynamicBatcher(DynamicBatcher):  # noqa: F821 - extends the reference defined above
    def poll(self):
        return tuple(tuple(batch) for batch in super().poll())
