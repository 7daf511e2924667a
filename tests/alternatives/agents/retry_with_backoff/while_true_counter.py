"""A while-True loop with an attempt counter; the backoff window is computed as a running, capped value."""
import random


def retry_with_backoff(fn, retries=3, base_delay=0.5, max_delay=8.0, sleep=time.sleep, rng=None,
                       retry_on=(Exception,)):
    if rng is None:
        rng = random.Random()
    attempt = 0
    while True:
        try:
            return fn()
        except retry_on:
            if attempt >= retries:
                raise
        window = base_delay * 2 ** attempt
        sleep(rng.uniform(0, window if window < max_delay else max_delay))
        attempt += 1
