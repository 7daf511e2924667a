"""Each attempt is a recursive call; the failed attempt's exception is re-raised as the same object."""
import random


def retry_with_backoff(fn, retries=3, base_delay=0.5, max_delay=8.0, sleep=time.sleep, rng=None,
                       retry_on=(Exception,)):
    rng = random.Random() if rng is None else rng

    def attempt(k):
        try:
            return fn()
        except retry_on as error:
            if k == retries:
                raise error
        sleep(rng.uniform(0, min(max_delay, base_delay * 2 ** k)))
        return attempt(k + 1)

    return attempt(0)
