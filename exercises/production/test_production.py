"""Public checks for the production topic: the basics. The hidden checks go further (empty bins,
ties, drift in the other direction, exact deadlines, eviction order, odd-length cards, leakage,
illegal transitions, rollback chains, agreement with scipy)."""
import hashlib

import numpy as np
import scipy.stats

from grader.check import FakeClock, assert_close, check, expect, learner

pr = learner("production")


@check("psi", points=1)
def test_psi_identical_is_zero_and_shift_is_positive():
    ref = np.random.default_rng(0).normal(size=500)
    expect(abs(pr.psi(ref, ref.copy())) < 1e-12, "PSI of a sample against itself should be 0")
    expect(pr.psi(ref, ref + 1.0) > 0.25, "a shift of one standard deviation should give PSI well above 0.25")


@check("ks_drift", points=1)
def test_ks_matches_scipy_asymptotic():
    rng = np.random.default_rng(1)
    ref, cur = rng.normal(size=60), rng.normal(0.5, 1.0, size=45)
    d, p, drifted = pr.ks_drift(ref, cur, alpha=0.05)
    want = scipy.stats.ks_2samp(ref, cur, method="asymp")
    assert_close([d, p], [want.statistic, want.pvalue], name="(D, p_value)")
    expect(drifted == (want.pvalue < 0.05), "drifted should be p_value < alpha")


@check("chi2_drift", points=1)
def test_chi2_matches_scipy():
    ref = ["cat"] * 30 + ["dog"] * 20 + ["fish"] * 10
    cur = ["cat"] * 15 + ["dog"] * 25 + ["fish"] * 12
    stat, p, drifted = pr.chi2_drift(ref, cur, alpha=0.05)
    res = scipy.stats.chi2_contingency([[30, 20, 10], [15, 25, 12]], correction=False)
    assert_close([stat, p], [res.statistic, res.pvalue], name="(statistic, p_value)")
    expect(drifted == (res.pvalue < 0.05), "drifted should be p_value < alpha")


@check("dynamic_batcher", points=1)
def test_batcher_size_then_deadline():
    clock = FakeClock()
    b = pr.DynamicBatcher(max_batch_size=3, max_wait_s=0.5, clock=clock)
    for item in "abcde":
        b.submit(item)
    expect(b.poll() == [["a", "b", "c"]], "with 5 waiting and max_batch_size 3, poll() should release one full batch [a, b, c]")
    clock.t = 0.25
    expect(b.poll() == [], "after 0.25 s of a 0.5 s deadline nothing more should be released")
    clock.t = 1.0
    expect(b.poll() == [["d", "e"]], "after the deadline the remaining items leave as one batch, in order")


@check("token_bucket", points=1)
def test_token_bucket_burst_then_refill():
    clock = FakeClock()
    tb = pr.TokenBucket(rate=2.0, capacity=3, clock=clock)
    expect([tb.allow() for _ in range(4)] == [True, True, True, False],
           "a new bucket is full: capacity requests pass at once, the next is refused")
    clock.t = 0.5
    expect(bool(tb.allow()) is True, "after 0.5 s at 2 tokens/s one token has come back")


@check("lru_cache", points=1)
def test_lru_evicts_least_recent():
    c = pr.LRUCache(2)
    c.put("a", 1)
    c.put("b", 2)
    expect(c.get("a") == 1, "get should return the stored value")
    c.put("c", 3)
    expect("b" not in c and "a" in c and "c" in c, "b was the least recently used key: it should be the one evicted")
    expect(c.get("zzz", "miss") == "miss", "get of a missing key returns the default")


@check("latency_report", points=1)
def test_latency_report_linear_percentiles():
    x = np.random.default_rng(2).exponential(0.1, size=37)
    rep = pr.latency_report(x)
    assert_close([rep[k] for k in ("p50", "p95", "p99")], np.percentile(x, [50, 95, 99]), name="(p50, p95, p99)")
    assert_close([rep["mean"], rep["max"]], [x.mean(), x.max()], name="(mean, max)")


@check("ewma", points=1)
def test_ewma_small():
    assert_close(pr.ewma([10.0, 20.0, 20.0], 0.5), [10.0, 15.0, 17.5], name="ewma([10, 20, 20], 0.5)",
                 hint="s_0 = x_0, then s_t = alpha * x_t + (1 - alpha) * s_(t-1)")


@check("redact_pii", points=1)
def test_redact_basic():
    text = "Mail jane.doe@example.com, call 415-555-0100, card 4111 1111 1111 1111, order 4111 1111 1111 1112."
    out, counts = pr.redact_pii(text)
    expect(out == "Mail [EMAIL], call [PHONE], card [CARD], order 4111 1111 1111 1112.",
           "expected the email, the phone and the Luhn-valid card replaced, and the Luhn-invalid number kept")
    expect(counts == {"EMAIL": 1, "PHONE": 1, "CARD": 1}, "counts should be {'EMAIL': 1, 'PHONE': 1, 'CARD': 1}")


@check("point_in_time_join", points=1)
def test_pit_join_small():
    rows = [("u1", 10, "f10"), ("u1", 5, "f5"), ("u2", 3, "g3")]
    got = pr.point_in_time_join([("u1", 4), ("u1", 5), ("u1", 7), ("u1", 12), ("u2", 9), ("u3", 9)], rows)
    expect(got == [None, "f5", "f5", "f10", "g3", None],
           "each event takes the latest row of ITS entity with time <= the event time (None if there is none)")


@check("model_registry", points=1)
def test_registry_register_and_promote():
    r = pr.ModelRegistry()
    v1 = r.register("clf", b"weights-1", {"auc": 0.90})
    expect(v1 == hashlib.sha256(b"weights-1").hexdigest(), "the version is sha256(artifact_bytes).hexdigest()")
    expect(r.stage("clf", v1) == "None", "a new version starts in stage 'None'")
    r.transition("clf", v1, "Staging")
    r.transition("clf", v1, "Production")
    expect(r.production("clf") == v1, "production(name) should return the version in Production")


@check("two_proportion_ztest", points=1)
def test_ztest_matches_chi_square():
    z, p = pr.two_proportion_ztest(120, 1000, 150, 1100)
    res = scipy.stats.chi2_contingency([[120, 880], [150, 950]], correction=False)
    assert_close([z ** 2, p], [res.statistic, res.pvalue], name="(z², p_value)")
