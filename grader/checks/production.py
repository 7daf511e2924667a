"""Hidden checks for the production topic: every answer is compared with scipy / numpy, with a
brute-force reference written here in a different way, or with a property; seeded inputs,
injected fake clocks, no network."""
import hashlib
import math

import numpy as np
import pytest
import scipy.signal
import scipy.stats

from grader.check import (FakeClock, as_number, assert_close, assert_shape, check, expect, expect_raises,
                          learner)

pr = learner("production")


# --- psi ---------------------------------------------------------------------------------------

def _psi_reference(reference, current, bins, edges_from=None):
    """Brute force: a value's bin is the number of inner edges <= it; floor at 1e-4."""
    source = reference if edges_from is None else edges_from
    inner = np.quantile(source, np.linspace(0, 1, bins + 1))[1:-1]

    def proportions(x):
        counts = np.zeros(bins)
        for v in x:
            counts[int(np.sum(inner <= v))] += 1
        return np.maximum(counts / len(x), 1e-4)

    p_ref, p_cur = proportions(reference), proportions(current)
    return float(np.sum((p_cur - p_ref) * np.log(p_cur / p_ref)))


@check("psi", points=1)
@pytest.mark.parametrize("bins", [10, 7, 20], ids=["bins10", "bins7", "bins20"])
def test_psi_matches_reference(bins):
    rng = np.random.default_rng(300 + bins)
    ref, cur = rng.normal(size=400), rng.normal(0.3, 1.4, size=250)
    got = as_number(pr.psi(ref.copy(), cur.copy(), bins=bins), "psi")
    want = _psi_reference(ref, cur, bins)
    if abs(got - _psi_reference(ref, cur, bins, edges_from=cur)) < 1e-9 * max(1.0, abs(got)):
        raise AssertionError("your PSI uses bin edges from the current sample: the edges must be the REFERENCE's quantiles")
    assert_close(got, want, name=f"psi(bins={bins})",
                 hint="edges = reference quantiles with ±inf outer edges; proportions floored at 1e-4; natural log")


@check("psi", points=2)
def test_psi_empty_bins_are_finite():
    rng = np.random.default_rng(310)
    ref = rng.normal(size=500)
    cur = rng.normal(2.5, 0.05, size=120)          # piles into one or two bins: the others are empty
    with np.errstate(all="ignore"):
        got = as_number(pr.psi(ref, cur), "psi")
    expect(np.isfinite(got), "PSI is NaN or inf when some bins are empty: floor the proportions at 1e-4 before the log")
    assert_close(got, _psi_reference(ref, cur, 10), name="psi with empty bins")


@check("psi", points=2)
def test_psi_counts_values_outside_the_reference_range():
    rng = np.random.default_rng(311)
    ref = rng.uniform(0, 1, size=300)
    cur = rng.uniform(-0.5, 1.5, size=220)         # half of it lies outside [min(ref), max(ref)]
    got = as_number(pr.psi(ref, cur, bins=8), "psi")
    assert_close(got, _psi_reference(ref, cur, 8), name="psi(bins=8)",
                 hint="the outer edges are -inf and +inf so values beyond the reference's range land in the end bins")


@check("psi", points=1)
def test_psi_ties_go_to_the_upper_bin():
    rng = np.random.default_rng(312)
    ref = rng.integers(0, 6, size=240).astype(float)   # many values sit exactly on the edges
    cur = rng.integers(0, 6, size=170).astype(float)
    got = as_number(pr.psi(ref, cur, bins=5), "psi")
    assert_close(got, _psi_reference(ref, cur, 5), name="psi on tied values",
                 hint="a value equal to an inner edge belongs to the bin above it (np.searchsorted(..., side='right'))")


@check("psi", points=1)
def test_psi_floors_small_nonzero_proportions():
    rng = np.random.default_rng(313)
    ref = rng.normal(size=1000)
    cur = np.concatenate([rng.normal(0, 0.05, size=24999), [4.0]])   # 1/25000 = 4e-5 in the top bin
    got = as_number(pr.psi(ref, cur), "psi")
    assert_close(got, _psi_reference(ref, cur, 10), name="psi with a proportion below 1e-4",
                 hint="floor EVERY proportion at 1e-4 (np.maximum(p, 1e-4)), not only the zeros")


@check("psi", points=1)
def test_psi_does_not_mutate_inputs():
    rng = np.random.default_rng(314)
    ref, cur = rng.normal(size=90), rng.normal(1, 1, size=70)
    r0, c0 = ref.copy(), cur.copy()
    pr.psi(ref, cur)
    expect(np.array_equal(ref, r0) and np.array_equal(cur, c0), "psi changed its input arrays: sort a copy")


# --- ks_drift ----------------------------------------------------------------------------------

def _ks_unpack(result):
    expect(isinstance(result, tuple) and len(result) == 3, "ks_drift should return a tuple (D, p_value, drifted)")
    return as_number(result[0], "D"), as_number(result[1], "p_value"), result[2]


@check("ks_drift", points=2)
@pytest.mark.parametrize("shift", [0.4, -0.4], ids=["current_higher", "current_lower"])
def test_ks_matches_scipy_both_directions(shift):
    rng = np.random.default_rng(320)
    ref, cur = rng.normal(size=137), rng.normal(shift, 1.0, size=88)
    d, p, _ = _ks_unpack(pr.ks_drift(ref.copy(), cur.copy(), alpha=0.05))
    want = scipy.stats.ks_2samp(ref, cur, method="asymp")
    assert_close(d, want.statistic, name="D",
                 hint="two-sided: take the largest ABSOLUTE difference of the two ECDFs")
    assert_close(p, want.pvalue, name="p_value", hint="p = kstwo.sf(D, np.round(n*m/(n+m)))")


@check("ks_drift", points=1)
@pytest.mark.parametrize("sizes", [(40, 210), (90, 33)], ids=["40x210", "90x33"])
def test_ks_on_different_scales(sizes):
    rng = np.random.default_rng(321 + sizes[0])
    ref, cur = rng.normal(size=sizes[0]), rng.normal(0, 2.0, size=sizes[1])
    d, p, _ = _ks_unpack(pr.ks_drift(ref, cur))
    want = scipy.stats.ks_2samp(ref, cur, method="asymp")
    assert_close([d, p], [want.statistic, want.pvalue], name="(D, p_value)")


@check("ks_drift", points=1)
def test_ks_with_ties():
    rng = np.random.default_rng(322)
    ref, cur = rng.poisson(3.0, size=120).astype(float), rng.poisson(3.6, size=75).astype(float)
    d, p, _ = _ks_unpack(pr.ks_drift(ref, cur))
    want = scipy.stats.ks_2samp(ref, cur, method="asymp")
    assert_close(d, want.statistic, name="D on tied values",
                 hint="the ECDF at x counts the values <= x (searchsorted side='right'), in both samples")
    assert_close(p, want.pvalue, name="p_value on tied values")


@check("ks_drift", points=1)
def test_ks_drifted_follows_alpha():
    rng = np.random.default_rng(323)
    ref, cur = rng.normal(size=70), rng.normal(0.35, 1, size=65)
    p_ref = scipy.stats.ks_2samp(ref, cur, method="asymp").pvalue
    _, _, low = pr.ks_drift(ref, cur, alpha=p_ref / 2)
    _, _, high = pr.ks_drift(ref, cur, alpha=min(1.0, p_ref * 2))
    expect(bool(low) is False and bool(high) is True, "drifted should be exactly p_value < alpha")


@check("ks_drift", points=1)
def test_ks_does_not_mutate_inputs():
    rng = np.random.default_rng(324)
    ref, cur = rng.normal(size=50), rng.normal(size=45)
    r0, c0 = ref.copy(), cur.copy()
    pr.ks_drift(ref, cur)
    expect(np.array_equal(ref, r0) and np.array_equal(cur, c0), "ks_drift sorted its inputs in place: use np.sort (a copy)")


# --- chi2_drift --------------------------------------------------------------------------------

def _table(reference, current):
    cats = sorted(set(reference) | set(current), key=str)
    return np.array([[list(reference).count(c) for c in cats], [list(current).count(c) for c in cats]])


def _chi2_unpack(result):
    expect(isinstance(result, tuple) and len(result) == 3, "chi2_drift should return a tuple (statistic, p_value, drifted)")
    return as_number(result[0], "statistic"), as_number(result[1], "p_value"), result[2]


@check("chi2_drift", points=2)
@pytest.mark.parametrize("kind", ["strings", "ints"])
def test_chi2_matches_scipy(kind):
    rng = np.random.default_rng(330)
    labels = ["web", "ios", "android", "api", "batch"] if kind == "strings" else [3, 1, 4, 15, 9]
    ref = [labels[i] for i in rng.choice(5, size=300, p=[0.4, 0.25, 0.2, 0.1, 0.05])]
    cur = [labels[i] for i in rng.choice(5, size=170, p=[0.3, 0.3, 0.2, 0.12, 0.08])]
    stat, p, drifted = _chi2_unpack(pr.chi2_drift(ref, cur, alpha=0.05))
    want = scipy.stats.chi2_contingency(_table(ref, cur), correction=False)
    assert_close([stat, p], [want.statistic, want.pvalue], name="(statistic, p_value)",
                 hint="test of homogeneity on the 2 x K table: expected = row total * column total / N")
    expect(bool(drifted) == (want.pvalue < 0.05), "drifted should be p_value < alpha")


@check("chi2_drift", points=2)
def test_chi2_new_category_in_current():
    rng = np.random.default_rng(331)
    ref = list(rng.choice(["a", "b", "c"], size=200))
    cur = list(rng.choice(["a", "b", "c"], size=90)) + ["new"] * 6
    stat, p, _ = _chi2_unpack(pr.chi2_drift(ref, cur))
    expect(np.isfinite(stat), "statistic is not finite: a category seen only in current has expected count > 0 in a homogeneity test")
    want = scipy.stats.chi2_contingency(_table(ref, cur), correction=False)
    assert_close([stat, p], [want.statistic, want.pvalue], name="(statistic, p_value)",
                 hint="the categories are the union of BOTH samples' labels: a category new in production counts")


@check("chi2_drift", points=1)
def test_chi2_two_categories_no_correction():
    ref = ["ok"] * 80 + ["err"] * 20
    cur = ["ok"] * 50 + ["err"] * 22
    stat, p, _ = _chi2_unpack(pr.chi2_drift(ref, cur))
    want = scipy.stats.chi2_contingency([[20, 80], [22, 50]], correction=False)
    assert_close([stat, p], [want.statistic, want.pvalue], name="(statistic, p_value) with 2 categories",
                 hint="no Yates continuity correction; 1 degree of freedom")


@check("chi2_drift", points=1)
def test_chi2_drifted_follows_alpha():
    rng = np.random.default_rng(332)
    ref = list(rng.choice(4, size=150))
    cur = list(rng.choice(4, size=110, p=[0.35, 0.25, 0.25, 0.15]))
    p_ref = scipy.stats.chi2_contingency(_table(ref, cur), correction=False).pvalue
    _, _, low = pr.chi2_drift(ref, cur, alpha=p_ref / 2)
    _, _, high = pr.chi2_drift(ref, cur, alpha=min(1.0, p_ref * 2))
    expect(bool(low) is False and bool(high) is True, "drifted should be exactly p_value < alpha")


# --- dynamic_batcher ---------------------------------------------------------------------------

def _simulate_batcher(script, max_batch_size, max_wait_s):
    """Reference: a list of (item, time) and a pointer to the first waiting item."""
    waiting, start, released = [], 0, []
    for action, t, item in script:
        if action == "submit":
            waiting.append((item, t))
            continue
        out = []
        while len(waiting) - start >= max_batch_size:
            out.append([w[0] for w in waiting[start:start + max_batch_size]])
            start += max_batch_size
        if start < len(waiting) and t - waiting[start][1] >= max_wait_s:
            out.append([w[0] for w in waiting[start:]])
            start = len(waiting)
        released.append(out)
    return released


@check("dynamic_batcher", points=2)
@pytest.mark.parametrize("seed", [340, 341, 342])
def test_batcher_matches_simulation(seed):
    rng = np.random.default_rng(seed)
    script, t, n = [], 0.0, 0
    for _ in range(60):
        t += float(rng.integers(0, 3)) * 0.125
        if rng.random() < 0.6:
            script.append(("submit", t, f"r{n}"))
            n += 1
        else:
            script.append(("poll", t, None))
    clock = FakeClock()
    b = pr.DynamicBatcher(max_batch_size=4, max_wait_s=0.5, clock=clock)
    want = _simulate_batcher(script, 4, 0.5)
    got = []
    for action, when, item in script:
        clock.t = when
        if action == "submit":
            b.submit(item)
        else:
            got.append([list(batch) for batch in b.poll()])
    flat_got = [x for polls in got for batch in polls for x in batch]
    flat_want = [x for polls in want for batch in polls for x in batch]
    expect(flat_got == flat_want[:len(flat_got)] or sorted(flat_got) != sorted(flat_want),
           "items come out in a different order than they went in: keep a FIFO queue")
    expect(got == want, "the batches released at some poll differ from the rule: full batches first, then all "
                        "remaining items once the OLDEST has waited >= max_wait_s")


@check("dynamic_batcher", points=2)
def test_batcher_releases_exactly_at_the_deadline():
    clock = FakeClock(1.0)
    b = pr.DynamicBatcher(max_batch_size=8, max_wait_s=0.25, clock=clock)
    b.submit("x")
    clock.t = 1.125
    expect(b.poll() == [], "an item that waited 0.125 s of 0.25 s should keep waiting")
    clock.t = 1.25
    expect([list(x) for x in b.poll()] == [["x"]], "an item that waited exactly max_wait_s should be released (>=, not >)")


@check("dynamic_batcher", points=2)
def test_batcher_deadline_belongs_to_the_oldest_item():
    clock = FakeClock()
    b = pr.DynamicBatcher(max_batch_size=10, max_wait_s=0.5, clock=clock)
    b.submit("a")
    clock.t = 0.375
    b.submit("b")
    clock.t = 0.5
    expect([list(x) for x in b.poll()] == [["a", "b"]],
           "the deadline counts from the oldest waiting item: a new submit must not restart the timer")


@check("dynamic_batcher", points=1)
def test_batcher_many_full_batches_in_order():
    clock = FakeClock()
    b = pr.DynamicBatcher(max_batch_size=3, max_wait_s=1.0, clock=clock)
    for i in range(11):
        b.submit(i)
    got = [list(x) for x in b.poll()]
    expect(got == [[0, 1, 2], [3, 4, 5], [6, 7, 8]], "poll() should release every full batch from the front, in order")
    expect(len(b) == 2, "two items should still be waiting")
    expect(b.poll() == [], "the two remaining items have not reached their deadline")


@check("dynamic_batcher", points=1)
def test_batcher_empty_poll():
    b = pr.DynamicBatcher(max_batch_size=2, max_wait_s=0.0, clock=FakeClock(5.0))
    expect(b.poll() == [], "poll() with nothing waiting returns an empty list")
    b.submit("only")
    expect([list(x) for x in b.poll()] == [["only"]], "with max_wait_s = 0 a lone item leaves at the next poll")
    expect(len(b) == 0, "after releasing everything len(batcher) should be 0")


# --- token_bucket ------------------------------------------------------------------------------

def _bucket_reference(rate, capacity, steps):
    """(dt, n) steps -> allow results and tokens after each step, continuous refill."""
    tokens, results, levels = float(capacity), [], []
    for dt, n in steps:
        tokens = min(capacity, tokens + dt * rate)
        ok = tokens >= n
        tokens -= n if ok else 0
        results.append(ok)
        levels.append(tokens)
    return results, levels


@check("token_bucket", points=2)
@pytest.mark.parametrize("seed", [350, 351])
def test_bucket_matches_reference(seed):
    rng = np.random.default_rng(seed)
    rate, capacity = 4.0, 5
    steps = [(float(rng.integers(0, 5)) * 0.0625, int(rng.integers(1, 4))) for _ in range(80)]
    want, levels = _bucket_reference(rate, capacity, steps)
    clock = FakeClock(3.0)
    tb = pr.TokenBucket(rate=rate, capacity=capacity, clock=clock)
    got, got_levels = [], []
    for dt, n in steps:
        clock.t += dt
        got.append(bool(tb.allow(n)))
        got_levels.append(as_number(tb.available(), "available()"))
    expect(got == want, "allow() answers differ from a bucket that starts full, refills continuously at `rate` "
                        "per second up to `capacity`, and takes nothing from a refused request")
    assert_close(got_levels, levels, rtol=1e-9, atol=1e-9, name="available() after each request")


@check("token_bucket", points=1)
def test_bucket_starts_full():
    tb = pr.TokenBucket(rate=1.0, capacity=4, clock=FakeClock(100.0))
    expect([tb.allow() for _ in range(5)] == [True] * 4 + [False], "a new bucket starts FULL: capacity requests pass at once")


@check("token_bucket", points=2)
def test_bucket_is_capped():
    clock = FakeClock()
    tb = pr.TokenBucket(rate=10.0, capacity=3, clock=clock)
    clock.t = 60.0
    assert_close(as_number(tb.available(), "available()"), 3.0, name="available() after a long idle",
                 hint="tokens never exceed capacity: min(capacity, tokens + elapsed * rate)")
    expect([tb.allow() for _ in range(4)] == [True, True, True, False], "after a long idle only capacity requests pass")


@check("token_bucket", points=1)
def test_bucket_keeps_fractions_of_tokens():
    clock = FakeClock()
    tb = pr.TokenBucket(rate=4.0, capacity=1, clock=clock)
    expect(bool(tb.allow()) is True, "the first request uses the full bucket")
    results = []
    for _ in range(8):
        clock.t += 0.125                      # half a token each time
        results.append(bool(tb.allow()))
    expect(results == [False, True] * 4, "refill is continuous: two half-token waits make one token")


@check("token_bucket", points=1)
def test_bucket_refused_request_takes_nothing():
    tb = pr.TokenBucket(rate=1.0, capacity=3, clock=FakeClock())
    expect(bool(tb.allow(5)) is False, "a request for more tokens than available is refused")
    expect(bool(tb.allow(3)) is True, "a refused request must not take any tokens")


@check("token_bucket", points=1)
def test_bucket_available_refills():
    clock = FakeClock(2.0)
    tb = pr.TokenBucket(rate=2.0, capacity=4, clock=clock)
    expect(all(bool(tb.allow()) for _ in range(4)), "a new bucket starts full")
    clock.t = 2.75
    assert_close(as_number(tb.available(), "available()"), 1.5, name="available() after a pause",
                 hint="available() refills first (tokens + elapsed * rate, capped), like allow() does")


# --- lru_cache ---------------------------------------------------------------------------------

@check("lru_cache", points=2)
@pytest.mark.parametrize("capacity", [1, 5])
def test_lru_matches_reference(capacity):
    rng = np.random.default_rng(360 + capacity)
    cache = pr.LRUCache(capacity)
    order, values = [], {}                    # reference: keys least recently used first
    for step in range(300):
        key = int(rng.integers(0, 9))
        if rng.random() < 0.5:
            value = f"v{step}"
            cache.put(key, value)
            if key in order:
                order.remove(key)
            order.append(key)
            values[key] = value
            if len(order) > capacity:
                del values[order.pop(0)]
        else:
            got = cache.get(key, "MISS")
            want = values.get(key, "MISS")
            if key in order:
                order.remove(key)
                order.append(key)
            expect(got == want, "get returned a different value than an LRU cache would: check which key you evict "
                                "(the least recently used) and that get and put both refresh recency")
        expect(len(cache) == len(order), "len(cache) differs from the number of keys an LRU cache would hold")


@check("lru_cache", points=1)
def test_lru_get_refreshes():
    c = pr.LRUCache(3)
    for k in "abc":
        c.put(k, k.upper())
    c.get("a")
    c.put("d", "D")
    expect("a" in c and "b" not in c, "get('a') made 'a' the most recently used: 'b' should be evicted")


@check("lru_cache", points=1)
def test_lru_put_update_refreshes_without_growing():
    c = pr.LRUCache(2)
    c.put("a", 1)
    c.put("b", 2)
    c.put("a", 10)
    expect(len(c) == 2 and c.get("a") == 10, "putting an existing key updates its value without adding a key")
    c.put("c", 3)
    expect("b" not in c and "a" in c, "updating 'a' made it the most recently used: 'b' should be evicted")


@check("lru_cache", points=1)
def test_lru_contains_does_not_refresh():
    c = pr.LRUCache(2)
    c.put("a", 1)
    c.put("b", 2)
    expect("a" in c, "'a' should be in the cache")
    c.put("c", 3)
    expect("a" not in c and "b" in c, "`key in cache` must not refresh recency: 'a' was still the least recently used")


@check("lru_cache", points=1)
def test_lru_capacity_zero():
    c = pr.LRUCache(0)
    c.put("a", 1)
    expect(len(c) == 0 and c.get("a") is None, "a cache of capacity 0 stores nothing")


# --- latency_report ----------------------------------------------------------------------------

def _report(rep):
    expect(isinstance(rep, dict), "latency_report should return a dict")
    missing = {"p50", "p95", "p99", "mean", "max"} - set(rep)
    expect(not missing, f"latency_report is missing the keys {sorted(missing)}")
    return [as_number(rep[k], k) for k in ("p50", "p95", "p99", "mean", "max")]


@check("latency_report", points=2)
@pytest.mark.parametrize("n", [1, 2, 7, 37, 250])
def test_latency_matches_numpy_percentile(n):
    x = np.random.default_rng(370 + n).lognormal(-3, 0.8, size=n)
    got = _report(pr.latency_report(list(x)))
    want = list(np.percentile(x, [50, 95, 99])) + [x.mean(), x.max()]
    assert_close(got[:3], want[:3], name="(p50, p95, p99)",
                 hint="linear interpolation: rank = q/100 * (n - 1), between the two closest ranks")
    assert_close(got[3:], want[3:], name="(mean, max)")


@check("latency_report", points=1)
def test_latency_does_not_sort_the_input():
    x = np.random.default_rng(375).exponential(size=19)
    before = x.copy()
    pr.latency_report(x)
    expect(np.array_equal(x, before), "latency_report sorted the caller's array in place: sort a copy")


@check("latency_report", points=1)
def test_latency_empty_raises():
    expect_raises(ValueError, lambda: pr.latency_report([]), "latency_report([]) should raise ValueError")


# --- ewma --------------------------------------------------------------------------------------

def _ewma_reference(x, alpha):
    y, _ = scipy.signal.lfilter([alpha], [1.0, -(1.0 - alpha)], x, zi=[(1.0 - alpha) * x[0]])
    return y


@check("ewma", points=2)
@pytest.mark.parametrize("alpha", [0.1, 0.35, 0.9])
def test_ewma_matches_filter(alpha):
    x = 50.0 + np.random.default_rng(380).normal(size=37).cumsum()
    got = pr.ewma(x.copy(), alpha)
    assert_shape(got, (37,), name="ewma(values)")
    assert_close(got, _ewma_reference(x, alpha), name=f"ewma(alpha={alpha})",
                 hint="alpha weights the NEW value: s_t = alpha * x_t + (1 - alpha) * s_(t-1)")


@check("ewma", points=1)
def test_ewma_starts_at_first_value():
    x = np.array([120.0, 118.0, 125.0, 119.0])
    got = np.asarray(pr.ewma(x, 0.2), dtype=float)
    expect(got.shape == (4,) and got[0] == 120.0, "the first output should equal the first value (s_0 = x_0), not alpha * x_0")


@check("ewma", points=1)
def test_ewma_integer_values_give_floats():
    x = [int(v) for v in np.random.default_rng(382).integers(0, 100, size=11)]
    got = pr.ewma(list(x), 0.3)
    expect(np.asarray(got).dtype.kind == "f", "ewma of integer values should return a float array "
                                              "(an integer array truncates the averages)")
    assert_close(got, _ewma_reference(np.asarray(x, dtype=float), 0.3), name="ewma of integer values")


@check("ewma", points=1)
def test_ewma_edge_cases():
    got = np.asarray(pr.ewma([], 0.3), dtype=float)
    expect(got.shape == (0,), "ewma of an empty list should be an empty array")
    x = np.random.default_rng(381).normal(size=9)
    before = x.copy()
    assert_close(pr.ewma(x, 1.0), before, name="ewma(alpha=1)", hint="alpha = 1 keeps only the newest value")
    expect(np.array_equal(x, before), "ewma changed its input array")


# --- redact_pii --------------------------------------------------------------------------------

WORDS = ["please", "contact", "the", "customer", "at", "or", "about", "order", "ref", "thanks", "id", "note"]


def _luhn_check_digit(payload):
    """The digit that makes payload + digit Luhn-valid (computed on the payload, not the full number)."""
    total = 0
    for i, ch in enumerate(reversed(payload)):            # i = 0 is the payload's last digit: doubled
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d // 10 + d % 10
    return str((10 - total % 10) % 10)


def _card(rng, length, valid):
    payload = "".join(str(d) for d in rng.integers(0, 10, size=length - 1))
    payload = str(rng.integers(3, 7)) + payload[1:]
    check = _luhn_check_digit(payload)
    if not valid:
        check = str((int(check) + int(rng.integers(1, 10))) % 10)
    digits = payload + check
    style = int(rng.integers(0, 3))
    if style == 0:
        return digits
    sep = " " if style == 1 else "-"
    return sep.join(digits[i:i + 4] for i in range(0, length, 4))


def _phone(rng):
    a, b, c = (("".join(str(d) for d in rng.integers(0, 10, size=k))) for k in (3, 3, 4))
    a = str(rng.integers(2, 10)) + a[1:]
    forms = [f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"{a} {b} {c}", f"({a}) {b}-{c}", f"({a}){b}-{c}",
             f"+1 {a}-{b}-{c}", f"+44 {a} {b} {c}", f"+1-{a}.{b}.{c}"]
    return forms[int(rng.integers(0, len(forms)))]


def _email(rng):
    letters = "abcdefghijklmnopqrstuvwxyz"
    word = lambda k: "".join(letters[i] for i in rng.integers(0, 26, size=k))  # noqa: E731
    local = word(int(rng.integers(2, 7))) + rng.choice([".", "_", "+", ""]) + word(3) + str(rng.integers(0, 100))
    return f"{local}@{word(int(rng.integers(3, 8)))}.{rng.choice(['com', 'io', 'co.uk', 'org'])}"


def _document(rng, n_items, lengths=(13, 15, 16, 19)):
    """Words and PII items, built together with the redacted text and the counts."""
    raw, redacted, counts = [], [], {"EMAIL": 0, "PHONE": 0, "CARD": 0}
    for _ in range(n_items):
        w = WORDS[int(rng.integers(0, len(WORDS)))]
        raw.append(w)
        redacted.append(w)
        kind = int(rng.integers(0, 4))
        if kind == 0:
            item, token = _email(rng), "[EMAIL]"
        elif kind == 1:
            item, token = _phone(rng), "[PHONE]"
        elif kind == 2:
            item, token = _card(rng, int(rng.choice(lengths)), True), "[CARD]"
        else:
            item, token = _card(rng, int(rng.choice(lengths)), False), None
        punct = str(rng.choice(["", ",", ".", ";"]))
        raw.append(item + punct)
        redacted.append((token or item) + punct)
        if token:
            counts[token[1:-1]] += 1
    return " ".join(raw), " ".join(redacted), counts


def _redact(text):
    result = pr.redact_pii(text)
    expect(isinstance(result, tuple) and len(result) == 2, "redact_pii should return (redacted_text, counts)")
    out, counts = result
    expect(isinstance(out, str), "the redacted text should be a str")
    return out, dict(counts)


@check("redact_pii", points=2)
@pytest.mark.parametrize("seed", [390, 391, 392])
def test_redact_generated_documents(seed):
    text, want, want_counts = _document(np.random.default_rng(seed), 24)
    out, counts = _redact(text)
    expect(out == want, "the redacted text differs: cards (Luhn-valid only), then emails, then phones, with the pinned "
                        "patterns and tokens; everything else unchanged")
    expect(counts == want_counts, "the counts differ from the number of replacements of each kind")


@check("redact_pii", points=2)
@pytest.mark.parametrize("length", [13, 15, 16, 19])
def test_redact_luhn_valid_only(length):
    rng = np.random.default_rng(395 + length)
    valid = [_card(rng, length, True) for _ in range(6)]
    invalid = [_card(rng, length, False) for _ in range(6)]
    text = " and ".join(valid + invalid)
    out, counts = _redact(text)
    want = " and ".join(["[CARD]"] * 6 + invalid)
    expect(out == want, f"{length}-digit numbers: replace exactly the Luhn-valid ones. Luhn doubles every second digit "
                        "counting from the RIGHT (the check digit is not doubled)")
    expect(counts.get("CARD") == 6, f"there are 6 Luhn-valid {length}-digit cards")


@check("redact_pii", points=1)
def test_redact_nothing_to_do():
    text = "The model served 1200 requests at 35 ms p99 on 2024-05-01; ticket 4821."
    out, counts = _redact(text)
    expect(out == text, "a text without PII should come back unchanged")
    expect(counts == {"EMAIL": 0, "PHONE": 0, "CARD": 0}, "counts should always hold the three keys, zeros included")


# --- point_in_time_join ------------------------------------------------------------------------

def _pit_reference(events, rows):
    """Brute force: scan every row; keep the one with the largest (time, position) at or before t."""
    out = []
    for entity, t in events:
        best, best_key = None, None
        for position, (e, ts, features) in enumerate(rows):
            if e == entity and ts <= t and (best_key is None or (ts, position) > best_key):
                best, best_key = features, (ts, position)
        out.append(best)
    return out


@check("point_in_time_join", points=2)
@pytest.mark.parametrize("seed", [400, 401, 402])
def test_pit_matches_brute_force(seed):
    rng = np.random.default_rng(seed)
    entities = ["u1", "u2", "u3", "u4", "u5"]
    rows = [(entities[int(rng.integers(0, 5))], int(rng.integers(0, 30)), {"row": i, "x": float(rng.normal())})
            for i in range(60)]
    events = [(entities[int(rng.integers(0, 5))] if rng.random() < 0.9 else "ghost", int(rng.integers(0, 35)))
              for _ in range(40)]
    rows_before, events_before = list(rows), list(events)
    got = pr.point_in_time_join(events, rows)
    expect(rows == rows_before and events == events_before, "point_in_time_join changed its input lists: sort copies")
    expect(isinstance(got, list) and len(got) == len(events), "return one result per event, in the events' order")
    want = _pit_reference(events, rows)
    for g, w in zip(got, want):
        if w is None:
            expect(g is None, "an event got features although its entity has no row at or before its time: "
                              "that is a value from the future (leakage) or from another entity")
        else:
            expect(g is not None, "an event got None although a row with time <= the event time exists (use <=, not <)")
            expect(g == w, "an event got the wrong row: take the row with the LATEST time <= "
                                                    "the event time; ties go to the row later in the list")


@check("point_in_time_join", points=2)
def test_pit_no_future_rows():
    rows = [("a", 10, "a10"), ("a", 20, "a20"), ("b", 1, "b1")]
    got = pr.point_in_time_join([("a", 9), ("a", 19), ("a", 15)], rows)
    expect(got == [None, "a10", "a10"], "never take a row whose time is after the event: at t=19 the row at 20 "
                                          "has not happened yet")


@check("point_in_time_join", points=1)
def test_pit_row_at_the_event_time_counts():
    rows = [("a", 7.5, "exact"), ("a", 2.0, "early")]
    got = pr.point_in_time_join([("a", 7.5)], rows)
    expect(got == ["exact"], "a row with time == the event time is known at the event: use <=")


@check("point_in_time_join", points=1)
def test_pit_unsorted_rows_and_ties():
    rows = [("a", 30, "late"), ("a", 10, "early"), ("a", 20, "tie-first"), ("a", 20, "tie-second")]
    got = pr.point_in_time_join([("a", 25), ("a", 35)], rows)
    expect(got[1] == "late", "rows are not sorted: the latest is the one with the largest time, not the last in the list")
    expect(got[0] == "tie-second", "two rows with the same time: the one later in feature_rows wins")


# --- model_registry ----------------------------------------------------------------------------

STAGES = ["None", "Staging", "Production", "Archived"]
LEGAL = {("None", "Staging"), ("None", "Archived"), ("Staging", "Production"), ("Staging", "Archived"),
         ("Production", "Archived"), ("Archived", "Staging")}
PATH_TO = {"None": [], "Staging": ["Staging"], "Production": ["Staging", "Production"], "Archived": ["Archived"]}


def _artifact(seed, size=64):
    return np.random.default_rng(seed).integers(0, 256, size=size, dtype=np.uint8).tobytes()


@check("model_registry", points=2)
def test_registry_version_is_the_content_hash():
    r = pr.ModelRegistry()
    blob = _artifact(410)
    v1 = r.register("ranker", blob, {"auc": 0.81, "run": "a"})
    expect(v1 == hashlib.sha256(blob).hexdigest(), "the version should be hashlib.sha256(artifact_bytes).hexdigest() "
                                                   "of the bytes alone (not the metadata)")
    v2 = r.register("ranker", blob, {"auc": 0.99, "run": "b"})
    expect(v2 == v1, "registering identical bytes again should return the existing version")
    expect(list(r.versions("ranker")) == [v1], "identical bytes must not create a second version")
    expect(r.metadata("ranker", v1).get("run") == "a", "re-registering identical bytes keeps the first metadata")
    v3 = r.register("ranker", _artifact(411), {"auc": 0.81, "run": "a"})
    expect(v3 != v1 and list(r.versions("ranker")) == [v1, v3], "different bytes give a new version, listed in "
                                                               "registration order")


@check("model_registry", points=2)
@pytest.mark.parametrize("start", STAGES)
def test_registry_transition_rules(start):
    for target in STAGES:
        r = pr.ModelRegistry()
        v = r.register("m", _artifact(420), {})
        for stage in PATH_TO[start]:
            r.transition("m", v, stage)
        expect(r.stage("m", v) == start, f"could not bring a version to {start} through legal transitions")
        if (start, target) in LEGAL:
            r.transition("m", v, target)
            expect(r.stage("m", v) == target, f"{start} -> {target} is allowed: the stage should now be {target}")
        else:
            expect_raises(ValueError, lambda: r.transition("m", v, target),
                          f"{start} -> {target} is not an allowed transition: raise ValueError")
            expect(r.stage("m", v) == start, "a refused transition must leave the stage unchanged")


@check("model_registry", points=2)
def test_registry_promotion_archives_previous_production():
    r = pr.ModelRegistry()
    v1, v2 = r.register("m", _artifact(430), {}), r.register("m", _artifact(431), {})
    for v in (v1, v2):
        r.transition("m", v, "Staging")
    r.transition("m", v1, "Production")
    r.transition("m", v2, "Production")
    expect(r.production("m") == v2, "the newly promoted version should be in Production")
    expect(r.stage("m", v1) == "Archived", "promoting a version to Production archives the previous Production version")


@check("model_registry", points=2)
def test_registry_rollback_chain():
    r = pr.ModelRegistry()
    vs = [r.register("m", _artifact(440 + i), {"i": i}) for i in range(4)]
    for v in vs[:3]:
        r.transition("m", v, "Staging")
        r.transition("m", v, "Production")
    r.transition("m", vs[3], "Staging")                  # registered and staged, never in Production
    restored = r.rollback("m")
    expect(restored == vs[1] and r.production("m") == vs[1],
           "rollback should restore the version that was in Production just before the current one")
    expect(r.stage("m", vs[2]) == "Archived", "rollback archives the version it replaces")
    expect(r.stage("m", vs[3]) == "Staging", "rollback must not touch versions that never were in Production")
    restored = r.rollback("m")
    expect(restored == vs[0] and r.production("m") == vs[0], "a second rollback goes one more step back in the history")
    expect_raises(ValueError, lambda: r.rollback("m"), "with no earlier Production version left, rollback raises ValueError")


@check("model_registry", points=1)
def test_registry_unknown_and_separate_names():
    r = pr.ModelRegistry()
    blob = _artifact(450)
    va, vb = r.register("a", blob, {}), r.register("b", blob, {})
    expect(va == vb, "the same bytes have the same hash under any name")
    r.transition("a", va, "Staging")
    expect(r.stage("b", vb) == "None", "each model name keeps its own stages")
    expect(r.production("a") is None, "production(name) is None when no version is in Production")
    expect_raises(KeyError, lambda: r.stage("a", "0" * 64), "an unknown version should raise KeyError")
    expect_raises(KeyError, lambda: r.transition("nope", va, "Staging"), "an unknown model name should raise KeyError")
    expect_raises(ValueError, lambda: r.rollback("a"), "rollback without a previous Production version raises ValueError")


@check("model_registry", points=1)
def test_registry_archiving_production_and_unknown_names():
    r = pr.ModelRegistry()
    expect(list(r.versions("never-registered")) == [], "versions() of an unknown name should be an empty list")
    v = r.register("m", _artifact(460), {"k": 1})
    expect_raises(KeyError, lambda: r.metadata("m", "f" * 64), "metadata() of an unknown version should raise KeyError")
    r.transition("m", v, "Staging")
    r.transition("m", v, "Production")
    r.transition("m", v, "Archived")
    expect(r.production("m") is None, "after the Production version is archived, production(name) should be None")


# --- two_proportion_ztest ----------------------------------------------------------------------

def _z_reference(sa, na, sb, nb):
    """|z| from the 2x2 chi-square statistic (z² = chi²), sign from the difference in rates."""
    res = scipy.stats.chi2_contingency([[sa, na - sa], [sb, nb - sb]], correction=False)
    return math.copysign(math.sqrt(res.statistic), sa / na - sb / nb), res.pvalue


def _zp(result):
    expect(isinstance(result, tuple) and len(result) == 2, "two_proportion_ztest should return (z, p_value)")
    return as_number(result[0], "z"), as_number(result[1], "p_value")


@check("two_proportion_ztest", points=2)
@pytest.mark.parametrize("seed", [460, 461, 462])
def test_ztest_matches_chi_square(seed):
    rng = np.random.default_rng(seed)
    na, nb = int(rng.integers(200, 2000)), int(rng.integers(200, 2000))
    sa, sb = int(rng.binomial(na, 0.12)), int(rng.binomial(nb, 0.2))
    z, p = _zp(pr.two_proportion_ztest(sa, na, sb, nb))
    z_want, p_want = _z_reference(sa, na, sb, nb)
    assert_close(z, z_want, name="z", hint="use the POOLED rate p = (s_a + s_b) / (n_a + n_b) in the standard error; "
                                           "z > 0 when A's rate is higher")
    assert_close(p, p_want, name="p_value", hint="two-sided: 2 * norm.sf(|z|)")


@check("two_proportion_ztest", points=1)
def test_ztest_sign_and_symmetry():
    z1, p1 = _zp(pr.two_proportion_ztest(90, 600, 60, 650))
    z2, p2 = _zp(pr.two_proportion_ztest(60, 650, 90, 600))
    expect(z1 > 0, "z should be positive when A's success rate is higher than B's")
    assert_close([z2, p2], [-z1, p1], name="(z, p) with A and B swapped", hint="swapping the arms flips z and keeps p")


@check("two_proportion_ztest", points=1)
def test_ztest_no_difference_and_degenerate():
    z, p = _zp(pr.two_proportion_ztest(50, 500, 80, 800))
    assert_close([z, p], [0.0, 1.0], atol=1e-12, name="(z, p) for equal rates")
    for args in [(0, 300, 0, 400), (300, 300, 400, 400)]:
        z, p = _zp(pr.two_proportion_ztest(*args))
        expect(z == 0.0 and p == 1.0, "a pooled rate of 0 or 1 (no variance) should return (0.0, 1.0)")
