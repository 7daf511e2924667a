"""Keeps base_delay * 2**k but caps the exponent first (2**1000 still fits a float), and keeps the error in a variable."""
import random


def retry_with_backoff(fn, retries=3, base_delay=0.5, max_delay=8.0, sleep=time.sleep, rng=None,
                       retry_on=(Exception,)):
    rng = random.Random() if rng is None else rng
    for attempt in range(retries + 1):
        try:
            return fn()
        except retry_on as error:
            if attempt == retries:
                raise error
        delay_window = min(max_delay, base_delay * 2.0 ** min(attempt, 1000))
        sleep(rng.uniform(0, delay_window))
