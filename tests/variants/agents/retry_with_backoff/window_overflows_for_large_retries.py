"""Computes base_delay * 2**attempt before capping it: from attempt 1024 on the product overflows (OverflowError)."""
import random


def retry_with_backoff(fn, retries=3, base_delay=0.5, max_delay=8.0, sleep=time.sleep, rng=None,
                       retry_on=(Exception,)):
    rng = rng if rng is not None else random.Random()
    for attempt in range(retries + 1):
        try:
            return fn()
        except retry_on:
            if attempt == retries:
                raise
        sleep(rng.uniform(0, min(max_delay, base_delay * 2 ** attempt)))
