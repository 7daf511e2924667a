"""Counts attempts from 1: the first jitter window is [0, 2 * base_delay] instead of [0, base_delay]."""
import random
import time


def retry_with_backoff(fn, retries=3, base_delay=0.5, max_delay=8.0, sleep=time.sleep, rng=None,
                       retry_on=(Exception,)):
    rng = rng if rng is not None else random.Random()
    for attempt in range(1, retries + 2):
        try:
            return fn()
        except retry_on:
            if attempt == retries + 1:
                raise
        sleep(rng.uniform(0, min(max_delay, base_delay * 2 ** attempt)))
