"""MLOps & LLMOps from scratch: the reference solutions.

Twelve small pieces of the machinery around a model in production: drift detection, request
batching, rate limiting and caching, latency monitoring, PII redaction, a point-in-time feature
join, a model registry and an A/B test. Nothing here touches a network or reads the wall clock:
every component that needs time takes a ``clock`` (a zero-argument callable returning seconds,
like ``time.monotonic``), so tests can drive time by hand.
"""
from __future__ import annotations

import bisect
import hashlib
import math
import re
from collections import OrderedDict, deque

import numpy as np
from scipy import stats

PSI_EPSILON = 1e-4


# --- 1. Population Stability Index -------------------------------------------------------------

def psi(reference, current, bins=10):
    """Population Stability Index of ``current`` against ``reference`` (1-D samples).

    Bin edges are the reference's quantiles with the outer edges at ±inf, so every bin holds
    ~1/bins of the reference and nothing falls outside. A value equal to an inner edge belongs
    to the bin above it. Proportions below 1e-4 (empty bins) are floored to 1e-4, no
    renormalisation. PSI = Σ (cur - ref) * ln(cur / ref).

    >>> round(psi(np.arange(100.0), np.arange(100.0)), 12)
    0.0
    """
    reference = np.asarray(reference, dtype=float)
    current = np.asarray(current, dtype=float)
    edges = np.quantile(reference, np.linspace(0.0, 1.0, bins + 1))
    inner = edges[1:-1]                                    # the outer edges are -inf and +inf
    ref_counts = np.bincount(np.searchsorted(inner, reference, side="right"), minlength=bins)
    cur_counts = np.bincount(np.searchsorted(inner, current, side="right"), minlength=bins)
    p_ref = np.maximum(ref_counts / reference.size, PSI_EPSILON)
    p_cur = np.maximum(cur_counts / current.size, PSI_EPSILON)
    return float(np.sum((p_cur - p_ref) * np.log(p_cur / p_ref)))


# --- 2. Two-sample Kolmogorov-Smirnov ----------------------------------------------------------

def ks_drift(reference, current, alpha=0.05):
    """Two-sided two-sample KS test: (D, p_value, drifted).

    D = max over all observed x of |F_ref(x) - F_cur(x)|, the empirical CDFs counting values
    <= x. The p-value is Smirnov's asymptotic one: kstwo.sf(D, round(n*m / (n+m))).
    drifted = p_value < alpha.
    """
    ref = np.sort(np.asarray(reference, dtype=float))
    cur = np.sort(np.asarray(current, dtype=float))
    pooled = np.concatenate([ref, cur])
    f_ref = np.searchsorted(ref, pooled, side="right") / ref.size
    f_cur = np.searchsorted(cur, pooled, side="right") / cur.size
    d = float(np.max(np.abs(f_ref - f_cur)))
    en = ref.size * cur.size / (ref.size + cur.size)
    p = float(stats.kstwo.sf(d, np.round(en)))              # sf, not 1 - cdf: tiny p-values survive
    return d, p, bool(p < alpha)                           # a Python bool, not a numpy.bool_


# --- 3. Chi-square test for categorical drift --------------------------------------------------

def chi2_drift(reference, current, alpha=0.05):
    """Chi-square test of homogeneity on a 2 x K table of category counts: (stat, p, drifted).

    The K categories are every label seen in either sample. Expected count of cell (i, k) is
    row_total_i * column_total_k / N; stat = Σ (observed - expected)² / expected, with
    (2 - 1)(K - 1) = K - 1 degrees of freedom and no continuity correction.
    """
    categories = sorted(set(reference) | set(current))
    index = {c: k for k, c in enumerate(categories)}
    table = np.zeros((2, len(categories)))
    for row, sample in enumerate((reference, current)):
        for label in sample:
            table[row, index[label]] += 1
    expected = np.outer(table.sum(axis=1), table.sum(axis=0)) / table.sum()     # (2, K)
    statistic = float(np.sum((table - expected) ** 2 / expected))
    p = float(stats.chi2.sf(statistic, len(categories) - 1))   # K >= 2 in every input the brief allows
    return statistic, p, bool(p < alpha)


# --- 4. Dynamic batching -----------------------------------------------------------------------

class DynamicBatcher:
    """Group requests into batches: a batch leaves when it is full or its oldest item waited long enough.

    >>> t = [0.0]; b = DynamicBatcher(2, 0.5, clock=lambda: t[0])
    >>> b.submit("a"); b.submit("b"); b.submit("c"); b.poll()
    [['a', 'b']]
    >>> t[0] = 0.5; b.poll()
    [['c']]
    """

    def __init__(self, max_batch_size, max_wait_s, clock):
        self.max_batch_size = max_batch_size
        self.max_wait_s = max_wait_s
        self.clock = clock
        self.queue = deque()                               # (item, submit time), oldest first

    def submit(self, item):
        self.queue.append((item, self.clock()))

    def poll(self):
        now = self.clock()
        batches = []
        while len(self.queue) >= self.max_batch_size:      # full batches first, in order
            batches.append([self.queue.popleft()[0] for _ in range(self.max_batch_size)])
        if self.queue and now - self.queue[0][1] >= self.max_wait_s:
            batches.append([item for item, _ in self.queue])
            self.queue.clear()
        return batches

    def __len__(self):
        return len(self.queue)


# --- 5. Token bucket rate limiter --------------------------------------------------------------

class TokenBucket:
    """Allow bursts up to ``capacity`` and a sustained ``rate`` requests per second.

    The bucket starts full and refills continuously (fractions of a token count), never above
    capacity. A refused request takes nothing.

    >>> t = [0.0]; tb = TokenBucket(rate=2.0, capacity=3, clock=lambda: t[0])
    >>> [tb.allow() for _ in range(4)]
    [True, True, True, False]
    >>> t[0] = 0.5; tb.allow()                             # 0.5 s * 2 tokens/s = 1 token
    True
    """

    def __init__(self, rate, capacity, clock):
        self.rate = rate
        self.capacity = capacity
        self.clock = clock
        self.tokens = float(capacity)
        self.last = clock()

    def _refill(self):
        now = self.clock()
        self.tokens = min(float(self.capacity), self.tokens + (now - self.last) * self.rate)
        self.last = now

    def available(self):
        self._refill()
        return self.tokens

    def allow(self, n=1):
        self._refill()
        if self.tokens >= n:
            self.tokens -= n
            return True
        return False


# --- 6. LRU cache ------------------------------------------------------------------------------

class LRUCache:
    """A response cache that evicts the least recently used key when full.

    ``get`` and ``put`` both make a key the most recently used; ``in`` does not.

    >>> c = LRUCache(2); c.put("a", 1); c.put("b", 2); c.get("a"); c.put("c", 3)
    1
    >>> "b" in c, "a" in c
    (False, True)
    """

    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()                          # least recently used first

    def get(self, key, default=None):
        if key not in self.data:
            return default
        self.data.move_to_end(key)
        return self.data[key]

    def put(self, key, value):
        self.data[key] = value
        self.data.move_to_end(key)
        if len(self.data) > self.capacity:                 # capacity 0: the new key leaves at once
            self.data.popitem(last=False)

    def __contains__(self, key):
        return key in self.data

    def __len__(self):
        return len(self.data)


# --- 7. Latency report -------------------------------------------------------------------------

def _percentile(sorted_values, q):
    """Linear interpolation between closest ranks (numpy's default): rank = q/100 * (n - 1)."""
    rank = q / 100.0 * (len(sorted_values) - 1)
    lo = math.floor(rank)
    hi = min(lo + 1, len(sorted_values) - 1)
    frac = rank - lo
    return float(sorted_values[lo] + frac * (sorted_values[hi] - sorted_values[lo]))


def latency_report(samples):
    """{"p50", "p95", "p99", "mean", "max"} of a list of latencies (floats).

    >>> latency_report([1.0, 2.0, 3.0, 4.0])["p50"]
    2.5
    """
    values = sorted(float(v) for v in samples)             # a sorted copy: never sort the input
    if not values:
        raise ValueError("latency_report needs at least one sample")
    return {
        "p50": _percentile(values, 50),
        "p95": _percentile(values, 95),
        "p99": _percentile(values, 99),
        "mean": sum(values) / len(values),
        "max": values[-1],
    }


# --- 8. Exponentially weighted moving average --------------------------------------------------

def ewma(values, alpha):
    """s_0 = x_0, s_t = alpha * x_t + (1 - alpha) * s_{t-1}; returns an array like ``values``.

    >>> ewma([10.0, 20.0, 20.0], 0.5).tolist()
    [10.0, 15.0, 17.5]
    """
    x = np.asarray(values, dtype=float)
    out = np.empty_like(x)
    for t in range(x.size):
        out[t] = x[0] if t == 0 else alpha * x[t] + (1 - alpha) * out[t - 1]
    return out


# --- 9. PII redaction --------------------------------------------------------------------------

CARD_RE = re.compile(r"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
PHONE_RE = re.compile(r"(?<!\d)(?:\+\d{1,3}[ -])?(?:\(\d{3}\) ?|\d{3}[-. ])\d{3}[-. ]\d{4}(?!\d)")


def luhn_valid(digits):
    """Luhn checksum: from the right, double every second digit (minus 9 if > 9); sum % 10 == 0.

    >>> luhn_valid("4111111111111111"), luhn_valid("4111111111111112")
    (True, False)
    """
    total = 0
    for position, ch in enumerate(reversed(digits)):       # position 0 is the check digit
        d = int(ch)
        if position % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def redact_pii(text):
    """Replace cards (Luhn-valid only), then emails, then phones; return (text, counts).

    >>> redact_pii("mail a.b@x.io or call 415-555-0100")
    ('mail [EMAIL] or call [PHONE]', {'EMAIL': 1, 'PHONE': 1, 'CARD': 0})
    """
    cards = []

    def card(match):
        digits = re.sub(r"[ -]", "", match.group())
        if not luhn_valid(digits):
            return match.group()                           # not a card: leave it alone
        cards.append(digits)
        return "[CARD]"

    text = CARD_RE.sub(card, text)
    text, emails = EMAIL_RE.subn("[EMAIL]", text)
    text, phones = PHONE_RE.subn("[PHONE]", text)
    return text, {"EMAIL": emails, "PHONE": phones, "CARD": len(cards)}


# --- 10. Point-in-time join --------------------------------------------------------------------

def point_in_time_join(events, feature_rows):
    """For each (entity, t) event, the features of the latest row of that entity with time <= t.

    ``feature_rows`` are (entity, time, features) in any order; ties in time go to the row that
    comes later in the list. No row at or before t gives None: never a row from the future.

    >>> rows = [("u1", 5, {"f": 1}), ("u1", 10, {"f": 2})]
    >>> point_in_time_join([("u1", 4), ("u1", 5), ("u1", 99)], rows)
    [None, {'f': 1}, {'f': 2}]
    """
    by_entity = {}
    for order, (entity, ts, features) in enumerate(feature_rows):
        by_entity.setdefault(entity, []).append((ts, order, features))
    for rows in by_entity.values():
        rows.sort()                                        # by time, then list order ((ts, order) is unique)
    out = []
    for entity, t in events:
        rows = by_entity.get(entity, [])
        i = bisect.bisect_right([ts for ts, _, _ in rows], t)   # rows[:i] are the ones at or before t
        out.append(rows[i - 1][2] if i > 0 else None)
    return out


# --- 11. Model registry ------------------------------------------------------------------------

ALLOWED_TRANSITIONS = {
    "None": {"Staging", "Archived"},
    "Staging": {"Production", "Archived"},
    "Production": {"Archived"},
    "Archived": {"Staging"},
}


class ModelRegistry:
    """Versions identified by the sha256 of their bytes, with stages and a rollback.

    >>> r = ModelRegistry(); v = r.register("clf", b"weights-1", {"auc": 0.9})
    >>> v == hashlib.sha256(b"weights-1").hexdigest(), r.stage("clf", v)
    (True, 'None')
    """

    def __init__(self):
        self.models = {}            # name -> {version: {"metadata": ..., "stage": ...}}, registration order
        self.history = {}           # name -> versions promoted to Production, oldest first

    def register(self, name, artifact_bytes, metadata=None):
        version = hashlib.sha256(artifact_bytes).hexdigest()   # the bytes only, never the metadata
        versions = self.models.setdefault(name, {})
        if version not in versions:
            versions[version] = {"metadata": dict(metadata or {}), "stage": "None"}
        return version

    def _entry(self, name, version):
        try:
            return self.models[name][version]
        except KeyError:
            raise KeyError(f"unknown model version {name}/{version}") from None

    def versions(self, name):
        return list(self.models.get(name, {}))

    def metadata(self, name, version):
        return dict(self._entry(name, version)["metadata"])

    def stage(self, name, version):
        return self._entry(name, version)["stage"]

    def production(self, name):
        return next((v for v, e in self.models.get(name, {}).items() if e["stage"] == "Production"), None)

    def transition(self, name, version, stage):
        entry = self._entry(name, version)
        if stage not in ALLOWED_TRANSITIONS.get(entry["stage"], ()):
            raise ValueError(f"cannot move {name}/{version} from {entry['stage']} to {stage}")
        if stage == "Production":
            current = self.production(name)
            if current is not None:
                self.models[name][current]["stage"] = "Archived"
            self.history.setdefault(name, []).append(version)
        entry["stage"] = stage

    def rollback(self, name):
        history = self.history.get(name, [])
        if len(history) < 2:
            raise ValueError(f"{name} has no previous Production version to roll back to")
        current = self.production(name)
        if current is not None:
            self.models[name][current]["stage"] = "Archived"
        history.pop()
        previous = history[-1]
        self.models[name][previous]["stage"] = "Production"
        return previous


# --- 12. Two-proportion z-test -----------------------------------------------------------------

def two_proportion_ztest(successes_a, n_a, successes_b, n_b):
    """Pooled two-proportion z-test for an A/B rollout: (z, two-sided p).

    z = (p_a - p_b) / sqrt(p (1 - p) (1/n_a + 1/n_b)) with the pooled p = (s_a + s_b) / (n_a + n_b);
    p_value = 2 * P(Z > |z|). A pooled p of 0 or 1 gives (0.0, 1.0).
    """
    p_a, p_b = successes_a / n_a, successes_b / n_b
    pooled = (successes_a + successes_b) / (n_a + n_b)
    if pooled <= 0.0 or pooled >= 1.0:
        return 0.0, 1.0
    se = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    z = (p_a - p_b) / se
    return float(z), float(2 * stats.norm.sf(abs(z)))
