"""A while-True loop with an attempt counter; the backoff window is a running value, doubled and capped after each sleep."""
import random


def retry_with_backoff(fn, retries=3, base_delay=0.5, max_delay=8.0, sleep=time.sleep, rng=None,
                       retry_on=(Exception,)):
    if rng is None:
        rng = random.Random()
    attempt, window = 0, base_delay
    while True:
        try:
            return fn()
        except retry_on:
            if attempt >= retries:
                raise
        sleep(rng.uniform(0, window if window < max_delay else max_delay))
        window = window * 2 if window < max_delay else max_delay
        attempt += 1
