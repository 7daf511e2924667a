"""Starts the running window at base_delay and caps it only when doubling, so a base_delay above max_delay is slept in full."""
import random


def retry_with_backoff(fn, retries=3, base_delay=0.5, max_delay=8.0, sleep=time.sleep, rng=None,
                       retry_on=(Exception,)):
    rng = rng if rng is not None else random.Random()
    window = base_delay
    for attempt in range(retries + 1):
        try:
            return fn()
        except retry_on:
            if attempt == retries:
                raise
        sleep(rng.uniform(0, window))
        window = min(max_delay, 2 * window)
