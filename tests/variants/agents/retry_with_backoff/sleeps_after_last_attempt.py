"""Sleeps after every failure, the last one included, before re-raising."""
import random
import time


def retry_with_backoff(fn, retries=3, base_delay=0.5, max_delay=8.0, sleep=time.sleep, rng=None,
                       retry_on=(Exception,)):
    rng = rng if rng is not None else random.Random()
    for attempt in range(retries + 1):
        try:
            return fn()
        except retry_on:
            sleep(rng.uniform(0, min(max_delay, base_delay * 2 ** attempt)))
            if attempt == retries:
                raise
