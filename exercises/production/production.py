"""MLOps & LLMOps: your implementations. Brief: exercises/production/README.md

Nothing here may touch a network or read the wall clock: components that need time take a
``clock``, a zero-argument callable returning seconds as a float (like ``time.monotonic``).
Replace each ``raise NotImplementedError(...)`` with your code; keep names and signatures.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import OrderedDict, deque

import numpy as np
from scipy import stats


# --- 1. Population Stability Index -------------------------------------------------------------

def psi(reference, current, bins=10):
    """PSI of ``current`` against ``reference`` (1-D float samples) -> float.

    Edges: np.quantile(reference, np.linspace(0, 1, bins + 1)) with edges[0] = -inf and
    edges[-1] = +inf; a value equal to an inner edge goes to the bin above. Proportions
    counts / n floored at 1e-4 (no renormalisation); PSI = sum((cur - ref) * ln(cur / ref)).

    >>> psi(np.arange(100.0), np.arange(100.0))   # identical samples
    0.0
    """
    raise NotImplementedError("psi: see exercises/production/README.md")


# --- 2. Two-sample Kolmogorov-Smirnov ----------------------------------------------------------

def ks_drift(reference, current, alpha=0.05):
    """Two-sided two-sample KS test -> (D, p_value, drifted).

    D = max |F_ref(x) - F_cur(x)| over the pooled observed values (ECDFs count values <= x);
    p_value = scipy.stats.kstwo.sf(D, np.round(n * m / (n + m))) (sf, not 1 - cdf);
    drifted = bool(p_value < alpha), a Python bool.
    """
    raise NotImplementedError("ks_drift: see exercises/production/README.md")


# --- 3. Chi-square test for categorical drift --------------------------------------------------

def chi2_drift(reference, current, alpha=0.05):
    """Chi-square test of homogeneity on category labels -> (statistic, p_value, drifted).

    A 2 x K table of counts (row 0 reference, row 1 current) over the K labels seen in either
    sample; K - 1 degrees of freedom, no continuity correction; p_value from chi2.sf (not 1 - cdf);
    drifted = bool(p_value < alpha), a Python bool.

    >>> chi2_drift(["a", "a", "b"], ["a", "b", "b"])[0]
    0.6666666666666666
    """
    raise NotImplementedError("chi2_drift: see exercises/production/README.md")


# --- 4. Dynamic batching -----------------------------------------------------------------------

class DynamicBatcher:
    """Group submitted items into batches of at most ``max_batch_size``.

    ``poll()`` returns the list of batches (lists of items) ready now, oldest first: first every
    full batch from the front of the queue, then all remaining items if the oldest of them has
    waited >= max_wait_s. ``len(batcher)`` is the number of items still waiting.
    """

    def __init__(self, max_batch_size, max_wait_s, clock):
        raise NotImplementedError("dynamic_batcher: see exercises/production/README.md")

    def submit(self, item):
        raise NotImplementedError("dynamic_batcher: see exercises/production/README.md")

    def poll(self):
        raise NotImplementedError("dynamic_batcher: see exercises/production/README.md")

    def __len__(self):
        raise NotImplementedError("dynamic_batcher: see exercises/production/README.md")


# --- 5. Token bucket rate limiter --------------------------------------------------------------

class TokenBucket:
    """``rate`` tokens per second, at most ``capacity``; starts full; refills continuously.

    ``allow(n=1)`` takes n tokens and returns True if there are at least n, else returns False
    and takes nothing (a Python bool either way). ``available()`` returns the current (refilled)
    number of tokens.
    """

    def __init__(self, rate, capacity, clock):
        raise NotImplementedError("token_bucket: see exercises/production/README.md")

    def available(self):
        raise NotImplementedError("token_bucket: see exercises/production/README.md")

    def allow(self, n=1):
        raise NotImplementedError("token_bucket: see exercises/production/README.md")


# --- 6. LRU cache ------------------------------------------------------------------------------

class LRUCache:
    """At most ``capacity`` keys; a put beyond that evicts the least recently used key.

    ``get(key, default=None)`` and ``put(key, value)`` make the key the most recently used;
    ``key in cache`` does not. ``len(cache)`` is the number of keys. capacity 0 stores nothing.
    """

    def __init__(self, capacity):
        raise NotImplementedError("lru_cache: see exercises/production/README.md")

    def get(self, key, default=None):
        raise NotImplementedError("lru_cache: see exercises/production/README.md")

    def put(self, key, value):
        raise NotImplementedError("lru_cache: see exercises/production/README.md")

    def __contains__(self, key):
        raise NotImplementedError("lru_cache: see exercises/production/README.md")

    def __len__(self):
        raise NotImplementedError("lru_cache: see exercises/production/README.md")


# --- 7. Latency report -------------------------------------------------------------------------

def latency_report(samples):
    """{"p50", "p95", "p99", "mean", "max"} (floats) of a non-empty list/array of latencies.

    Percentiles interpolate linearly between closest ranks (numpy's default), computed yourself
    (numpy.percentile / quantile / median are banned). Floats also for integer samples. Empty input
    (list or array) raises ValueError. Do not modify ``samples``.

    >>> latency_report([1.0, 2.0, 3.0, 4.0])["p50"]
    2.5
    """
    raise NotImplementedError("latency_report: see exercises/production/README.md")


# --- 8. Exponentially weighted moving average --------------------------------------------------

def ewma(values, alpha):
    """s_0 = x_0, s_t = alpha * x_t + (1 - alpha) * s_{t-1} -> float64 ndarray of len(values).

    >>> ewma([10.0, 20.0, 20.0], 0.5)
    array([10. , 15. , 17.5])
    """
    raise NotImplementedError("ewma: see exercises/production/README.md")


# --- 9. PII redaction --------------------------------------------------------------------------

CARD_RE = re.compile(r"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
PHONE_RE = re.compile(r"(?<!\d)(?:\+\d{1,3}[ -])?(?:\(\d{3}\) ?|\d{3}[-. ])\d{3}[-. ]\d{4}(?!\d)")


def redact_pii(text):
    """-> (redacted_text, {"EMAIL": n, "PHONE": n, "CARD": n}).

    In this order: card candidates (CARD_RE) that pass the Luhn check -> "[CARD]", then
    EMAIL_RE -> "[EMAIL]", then PHONE_RE -> "[PHONE]". Luhn-invalid candidates stay as they are.

    >>> redact_pii("mail a.b@x.io or call 415-555-0100")
    ('mail [EMAIL] or call [PHONE]', {'EMAIL': 1, 'PHONE': 1, 'CARD': 0})
    """
    raise NotImplementedError("redact_pii: see exercises/production/README.md")


# --- 10. Point-in-time join --------------------------------------------------------------------

def point_in_time_join(events, feature_rows):
    """For each (entity, t) in ``events``, the features of the latest row with time <= t.

    ``feature_rows``: (entity, time, features) tuples in any order. Equal times: the row later in
    the list wins. No such row: None. Returns a list aligned with ``events``.

    >>> rows = [("u1", 5, {"f": 1}), ("u1", 10, {"f": 2})]
    >>> point_in_time_join([("u1", 4), ("u1", 5), ("u1", 99)], rows)
    [None, {'f': 1}, {'f': 2}]
    """
    raise NotImplementedError("point_in_time_join: see exercises/production/README.md")


# --- 11. Model registry ------------------------------------------------------------------------

ALLOWED_TRANSITIONS = {
    "None": {"Staging", "Archived"},
    "Staging": {"Production", "Archived"},
    "Production": {"Archived"},
    "Archived": {"Staging"},
}


class ModelRegistry:
    """Model versions identified by sha256(artifact_bytes).hexdigest(), with stages and rollback.

    register(name, artifact_bytes, metadata=None) -> version; versions(name) -> list (registration
    order); metadata(name, version) -> dict; stage(name, version) -> str; production(name) ->
    version or None; transition(name, version, stage); rollback(name) -> restored version.
    Unknown name/version: KeyError. Illegal transition or nothing to roll back to: ValueError.
    """

    def __init__(self):
        raise NotImplementedError("model_registry: see exercises/production/README.md")

    def register(self, name, artifact_bytes, metadata=None):
        raise NotImplementedError("model_registry: see exercises/production/README.md")

    def versions(self, name):
        raise NotImplementedError("model_registry: see exercises/production/README.md")

    def metadata(self, name, version):
        raise NotImplementedError("model_registry: see exercises/production/README.md")

    def stage(self, name, version):
        raise NotImplementedError("model_registry: see exercises/production/README.md")

    def production(self, name):
        raise NotImplementedError("model_registry: see exercises/production/README.md")

    def transition(self, name, version, stage):
        raise NotImplementedError("model_registry: see exercises/production/README.md")

    def rollback(self, name):
        raise NotImplementedError("model_registry: see exercises/production/README.md")


# --- 12. Two-proportion z-test -----------------------------------------------------------------

def two_proportion_ztest(successes_a, n_a, successes_b, n_b):
    """Pooled two-proportion z-test -> (z, two-sided p_value); z > 0 when A's rate is higher.

    A pooled rate of 0 or 1 returns (0.0, 1.0).
    """
    raise NotImplementedError("two_proportion_ztest: see exercises/production/README.md")
