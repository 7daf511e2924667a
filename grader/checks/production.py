"""Hidden checks for the production topic: every answer is compared with scipy / numpy, with a
brute-force reference written here in a different way, or with a property; seeded inputs,
injected fake clocks, no network. p-values are compared relatively (a tiny p-value returned as 0.0
fails), and return types are checked before values, never converted first."""
import hashlib
import math

import numpy as np
import pytest
import scipy.signal
import scipy.stats

from grader.check import (FakeClock, as_number, assert_close, assert_shape, check, expect, expect_number_close,
                          expect_raises, expect_type, learner)

pr = learner("production")


def _p_close(got, want, name):
    """A p-value against the reference, relatively: 1e-40 returned as 0.0 (1 - cdf) fails."""
    expect(got > 0.0 or want == 0.0, f"{name} is 0.0 where it should be a tiny positive number: compute it with "
                                     "the survival function sf, not as 1 - cdf (which cancels to 0)")
    expect_number_close(got, want, rtol=1e-6, atol=0.0, name=name)


# --- psi ---------------------------------------------------------------------------------------

def _psi_reference(reference, current, bins, edges_from=None):
    """Brute force: a value's bin is the number of inner edges <= it; floor at 1e-4."""
    source = reference if edges_from is None else edges_from
    inner = np.quantile(source, np.linspace(0, 1, bins + 1))[1:-1]

    def proportions(x):
        index = np.sum(inner[None, :] <= np.asarray(x)[:, None], axis=1)   # inner edges <= each value
        counts = np.array([np.sum(index == k) for k in range(bins)], dtype=float)
        return np.maximum(counts / len(x), 1e-4)

    p_ref, p_cur = proportions(reference), proportions(current)
    return float(np.sum((p_cur - p_ref) * np.log(p_cur / p_ref)))


def _psi(*args, **kwargs):
    got = pr.psi(*args, **kwargs)
    expect_type(got, "float", name="psi(...)", hint="return one float (float(...) of the sum)")
    return got


@check("psi", points=1, pins=["quantile-edges", "edges-from-reference", "natural-log"])
@pytest.mark.parametrize("bins", [10, 7, 20], ids=["bins10", "bins7", "bins20"])
def test_psi_matches_reference(bins):
    rng = np.random.default_rng(300 + bins)
    ref, cur = rng.normal(size=400), rng.normal(0.3, 1.4, size=250)
    got = _psi(ref.copy(), cur.copy(), bins=bins)
    want = _psi_reference(ref, cur, bins)
    if abs(got - _psi_reference(ref, cur, bins, edges_from=cur)) < 1e-9 * max(1.0, abs(got)):
        raise AssertionError("your PSI uses bin edges from the current sample: the edges must be the REFERENCE's quantiles")
    expect_number_close(got, want, name=f"psi(bins={bins})",
                        hint="edges = reference quantiles with ±inf outer edges; proportions floored at 1e-4; natural log")


@check("psi", points=2, pins=["floor-every-proportion", "no-renormalisation"])
def test_psi_empty_bins_are_finite():
    rng = np.random.default_rng(310)
    ref = rng.normal(size=500)
    cur = rng.normal(2.5, 0.05, size=120)          # piles into one or two bins: the others are empty
    with np.errstate(all="ignore"):
        got = _psi(ref, cur)
    expect(np.isfinite(got), "PSI is NaN or inf when some bins are empty: floor the proportions at 1e-4 before the log")
    expect_number_close(got, _psi_reference(ref, cur, 10), name="psi with empty bins",
                        hint="floor at 1e-4 and do not renormalise the floored proportions")


@check("psi", points=2, pins=["top-bins-count", "floor-every-proportion"])
@pytest.mark.parametrize("bins", [10, 6], ids=["bins10", "bins6"])
def test_psi_drift_down_leaves_the_top_bins_empty(bins):
    rng = np.random.default_rng(315 + bins)
    ref = rng.normal(size=300)
    cur = rng.normal(-2.0, 0.1, size=140)          # every value in the lowest bin: the top bins are empty
    with np.errstate(all="ignore"):
        got = _psi(ref, cur, bins=bins)
    expect_number_close(got, _psi_reference(ref, cur, bins), name=f"psi(bins={bins}) of a drift down",
                        hint="count into exactly `bins` bins (np.bincount(..., minlength=bins)): empty TOP bins "
                             "count as well, floored at 1e-4")


@check("psi", points=2, pins=["infinite-outer-edges"])
def test_psi_counts_values_outside_the_reference_range():
    rng = np.random.default_rng(311)
    ref = rng.uniform(0, 1, size=300)
    cur = rng.uniform(-0.5, 1.5, size=220)         # half of it lies outside [min(ref), max(ref)]
    got = _psi(ref, cur, bins=8)
    expect_number_close(got, _psi_reference(ref, cur, 8), name="psi(bins=8)",
                        hint="the outer edges are -inf and +inf so values beyond the reference's range land in the end bins")


@check("psi", points=1, pins=["tie-upper-bin"])
def test_psi_ties_go_to_the_upper_bin():
    rng = np.random.default_rng(312)
    ref = rng.integers(0, 6, size=240).astype(float)   # many values sit exactly on the edges
    cur = rng.integers(0, 6, size=170).astype(float)
    got = _psi(ref, cur, bins=5)
    expect_number_close(got, _psi_reference(ref, cur, 5), name="psi on tied values",
                        hint="a value equal to an inner edge belongs to the bin above it (np.searchsorted(..., side='right'))")


@check("psi", points=1, pins=["floor-every-proportion"])
def test_psi_floors_small_nonzero_proportions():
    rng = np.random.default_rng(313)
    ref = rng.normal(size=1000)
    cur = np.concatenate([rng.normal(0, 0.05, size=24999), [4.0]])   # 1/25000 = 4e-5 in the top bin
    got = _psi(ref, cur)
    expect_number_close(got, _psi_reference(ref, cur, 10), name="psi with a proportion below 1e-4",
                        hint="floor EVERY proportion at 1e-4 (np.maximum(p, 1e-4)), not only the zeros")


@check("psi", points=1, pins=["inputs-unchanged"])
def test_psi_does_not_mutate_inputs():
    rng = np.random.default_rng(314)
    ref, cur = rng.normal(size=90), rng.normal(1, 1, size=70)
    r0, c0 = ref.copy(), cur.copy()
    pr.psi(ref, cur)
    expect(np.array_equal(ref, r0) and np.array_equal(cur, c0), "psi changed its input arrays: sort a copy")


# --- ks_drift ----------------------------------------------------------------------------------

def _ks(*args, **kwargs):
    result = pr.ks_drift(*args, **kwargs)
    expect_type(result, "tuple[float, float, bool]", name="ks_drift(...)",
                hint="return (D, p_value, drifted): two floats and a Python bool (bool(p_value < alpha))")
    return result


@check("ks_drift", points=2, pins=["absolute-difference", "asymptotic-p", "ecdf-le"])
@pytest.mark.parametrize("shift", [0.4, -0.4], ids=["current_higher", "current_lower"])
def test_ks_matches_scipy_both_directions(shift):
    rng = np.random.default_rng(320)
    ref, cur = rng.normal(size=137), rng.normal(shift, 1.0, size=88)
    d, p, _ = _ks(ref.copy(), cur.copy(), alpha=0.05)
    want = scipy.stats.ks_2samp(ref, cur, method="asymp")
    expect_number_close(d, want.statistic, name="D",
                        hint="two-sided: take the largest ABSOLUTE difference of the two ECDFs")
    _p_close(p, want.pvalue, name="p_value")


@check("ks_drift", points=1, pins=["asymptotic-p"])
@pytest.mark.parametrize("sizes", [(40, 210), (90, 33), (9, 9), (7, 7)], ids=["40x210", "90x33", "9x9", "7x7"])
def test_ks_on_different_sizes_and_scales(sizes):
    rng = np.random.default_rng(321 + sizes[0])
    ref, cur = rng.normal(size=sizes[0]), rng.normal(0.2, 2.0, size=sizes[1])
    d, p, _ = _ks(ref, cur)
    want = scipy.stats.ks_2samp(ref, cur, method="asymp")
    expect_number_close(d, want.statistic, name=f"D ({sizes[0]} x {sizes[1]})")
    expect_number_close(p, want.pvalue, name=f"p_value ({sizes[0]} x {sizes[1]})",
                        hint="p = kstwo.sf(D, np.round(n*m/(n+m))): np.round rounds half to even (4.5 -> 4)")


@check("ks_drift", points=1, pins=["ties-allowed", "ecdf-le"])
def test_ks_with_ties():
    rng = np.random.default_rng(322)
    ref, cur = rng.poisson(3.0, size=120).astype(float), rng.poisson(3.6, size=75).astype(float)
    d, p, _ = _ks(ref, cur)
    want = scipy.stats.ks_2samp(ref, cur, method="asymp")
    expect_number_close(d, want.statistic, name="D on tied values",
                        hint="the ECDF at x counts the values <= x (searchsorted side='right'), in both samples")
    _p_close(p, want.pvalue, name="p_value on tied values")


@check("ks_drift", points=2, pins=["sf-not-one-minus-cdf"])
@pytest.mark.parametrize("shift", [2.0, -3.0], ids=["far_up", "far_down"])
def test_ks_tiny_p_value_of_a_clear_drift(shift):
    rng = np.random.default_rng(325)
    ref, cur = rng.normal(size=150), rng.normal(shift, 1.0, size=120)
    d, p, drifted = _ks(ref, cur)
    want = scipy.stats.ks_2samp(ref, cur, method="asymp")
    expect_number_close(d, want.statistic, name="D of a clear drift")
    _p_close(p, want.pvalue, name="the tiny p_value of a clear drift")
    expect(drifted is True, "a clear drift should be drifted=True")


def _expect_drifted_strictly_below_alpha(test, ref, cur, p_ref):
    """``drifted`` is ``p < alpha`` (a Python bool): around an independent p-value, then at the learner's own."""
    _, _, low = test(ref, cur, alpha=float(p_ref / 2))
    _, _, high = test(ref, cur, alpha=float(min(1.0, p_ref * 2)))
    expect(low is False and high is True, "drifted should be exactly p_value < alpha, a Python bool")
    _, p, _ = test(ref, cur, alpha=0.5)
    _, _, at = test(ref, cur, alpha=float(p))
    _, _, above = test(ref, cur, alpha=float(np.nextafter(p, 1.0)))
    expect(at is False and above is True, "drifted is p_value < alpha strictly: alpha equal to the p-value is not drifted")


@check("ks_drift", points=1, pins=["strictly-below-alpha", "python-bool"])
def test_ks_drifted_follows_alpha():
    rng = np.random.default_rng(323)
    ref, cur = rng.normal(size=70), rng.normal(0.35, 1, size=65)
    p_ref = scipy.stats.ks_2samp(ref, cur, method="asymp").pvalue
    _expect_drifted_strictly_below_alpha(_ks, ref, cur, p_ref)


@check("ks_drift", points=1, pins=["python-bool"])
def test_ks_default_alpha_is_five_percent():
    rng = np.random.default_rng(326)
    ref = rng.normal(size=80)
    for cur, want in [(rng.normal(0.1, 1, size=60), False), (rng.normal(1.0, 1, size=60), True)]:
        p = scipy.stats.ks_2samp(ref, cur, method="asymp").pvalue
        expect((p < 0.05) == want, "internal: the fixture should sit on the chosen side of 0.05")
        _, _, drifted = _ks(ref, cur)
        expect(drifted is want, "with the default alpha = 0.05, drifted should be p_value < 0.05 (a Python bool)")


@check("ks_drift", points=1, pins=["inputs-unchanged"])
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


def _chi2(*args, **kwargs):
    result = pr.chi2_drift(*args, **kwargs)
    expect_type(result, "tuple[float, float, bool]", name="chi2_drift(...)",
                hint="return (statistic, p_value, drifted): two floats and a Python bool (bool(p_value < alpha))")
    return result


@check("chi2_drift", points=2, pins=["expected-counts", "k-minus-one-dof", "strings-or-ints", "union-of-labels"])
@pytest.mark.parametrize("kind", ["strings", "ints"])
def test_chi2_matches_scipy(kind):
    rng = np.random.default_rng(330)
    labels = ["web", "ios", "android", "api", "batch"] if kind == "strings" else [3, 1, 4, 15, 9]
    ref = [labels[i] for i in rng.choice(5, size=300, p=[0.4, 0.25, 0.2, 0.1, 0.05])]
    cur = [labels[i] for i in rng.choice(5, size=170, p=[0.3, 0.3, 0.2, 0.12, 0.08])]
    stat, p, drifted = _chi2(ref, cur, alpha=0.05)
    want = scipy.stats.chi2_contingency(_table(ref, cur), correction=False)
    expect_number_close(stat, want.statistic, name="statistic",
                        hint="test of homogeneity on the 2 x K table: expected = row total * column total / N")
    _p_close(p, want.pvalue, name="p_value")
    expect(drifted == (want.pvalue < 0.05), "drifted should be p_value < alpha")


@check("chi2_drift", points=2, pins=["union-of-labels"])
@pytest.mark.parametrize("side", ["new_in_current", "gone_from_current"])
def test_chi2_category_in_one_sample_only(side):
    rng = np.random.default_rng(331)
    ref = [str(x) for x in rng.choice(["a", "b", "c"], size=200)]
    cur = [str(x) for x in rng.choice(["a", "b", "c"], size=90)] + ["new"] * 6
    if side == "gone_from_current":
        ref, cur = cur + ["new"] * 20, [x for x in ref if x != "c"][:150]
    stat, p, _ = _chi2(ref, cur)
    expect(np.isfinite(stat), "statistic is not finite: a category seen in one sample only has expected count > 0 "
                              "in a homogeneity test")
    want = scipy.stats.chi2_contingency(_table(ref, cur), correction=False)
    expect_number_close(stat, want.statistic, name="statistic",
                        hint="the categories are the union of BOTH samples' labels: a category seen in only one "
                             "of them counts")
    _p_close(p, want.pvalue, name="p_value")


@check("chi2_drift", points=1, pins=["no-yates"])
def test_chi2_two_categories_no_correction():
    ref = ["ok"] * 80 + ["err"] * 20
    cur = ["ok"] * 50 + ["err"] * 22
    stat, p, _ = _chi2(ref, cur)
    want = scipy.stats.chi2_contingency([[20, 80], [22, 50]], correction=False)
    expect_number_close(stat, want.statistic, name="statistic with 2 categories",
                        hint="no Yates continuity correction; 1 degree of freedom")
    _p_close(p, want.pvalue, name="p_value with 2 categories")


@check("chi2_drift", points=2, pins=["sf-not-one-minus-cdf"])
@pytest.mark.parametrize("k", [2, 4])
def test_chi2_tiny_p_value_of_a_strong_drift(k):
    rng = np.random.default_rng(333 + k)
    labels = [f"c{i}" for i in range(k)]
    weights = np.linspace(1, 3, k)
    ref = [labels[i] for i in rng.choice(k, size=400, p=weights / weights.sum())]
    cur = [labels[i] for i in rng.choice(k, size=300, p=weights[::-1] / weights.sum())]
    stat, p, drifted = _chi2(ref, cur)
    want = scipy.stats.chi2_contingency(_table(ref, cur), correction=False)
    expect_number_close(stat, want.statistic, name="statistic of a strong drift")
    _p_close(p, want.pvalue, name="the tiny p_value of a strong drift")
    expect(drifted is True, "a strong drift should be drifted=True")


@check("chi2_drift", points=1, pins=["strictly-below-alpha", "python-bool"])
def test_chi2_drifted_follows_alpha():
    rng = np.random.default_rng(332)
    ref = [int(x) for x in rng.choice(4, size=150)]
    cur = [int(x) for x in rng.choice(4, size=110, p=[0.35, 0.25, 0.25, 0.15])]
    p_ref = scipy.stats.chi2_contingency(_table(ref, cur), correction=False).pvalue
    _expect_drifted_strictly_below_alpha(_chi2, ref, cur, p_ref)


@check("chi2_drift", points=1, pins=["python-bool"])
def test_chi2_default_alpha_is_five_percent():
    calm = (["x"] * 50 + ["y"] * 50, ["x"] * 44 + ["y"] * 56)       # p about 0.40
    shifted = (["x"] * 50 + ["y"] * 50, ["x"] * 30 + ["y"] * 70)    # p about 0.004
    for (ref, cur), want in [(calm, False), (shifted, True)]:
        _, _, drifted = _chi2(ref, cur)
        expect(drifted is want, "with the default alpha = 0.05, drifted should be p_value < 0.05 (a Python bool)")


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


def _poll(batcher):
    got = batcher.poll()
    expect_type(got, "list[list[any]]", name="poll()", hint="return a list of batches, each batch a list of items")
    return got


@check("dynamic_batcher", points=2, pins=["fifo", "full-batches-first", "deadline-ge", "list-of-lists"])
@pytest.mark.parametrize("seed, size", [(340, 4), (341, 1), (342, 3)], ids=["size4", "size1", "size3"])
def test_batcher_matches_simulation(seed, size):
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
    b = pr.DynamicBatcher(max_batch_size=size, max_wait_s=0.5, clock=clock)
    want = _simulate_batcher(script, size, 0.5)
    got = []
    for action, when, item in script:
        clock.t = when
        if action == "submit":
            b.submit(item)
        else:
            got.append(_poll(b))
    flat_got = [x for polls in got for batch in polls for x in batch]
    flat_want = [x for polls in want for batch in polls for x in batch]
    expect(flat_got == flat_want[:len(flat_got)] or sorted(flat_got) != sorted(flat_want),
           "items come out in a different order than they went in: keep a FIFO queue")
    expect(got == want, "the batches released at some poll differ from the rule: full batches first, then all "
                        "remaining items once the OLDEST has waited >= max_wait_s")


@check("dynamic_batcher", points=2, pins=["deadline-ge"])
def test_batcher_releases_exactly_at_the_deadline():
    clock = FakeClock(1.0)
    b = pr.DynamicBatcher(max_batch_size=8, max_wait_s=0.25, clock=clock)
    b.submit("x")
    clock.t = 1.125
    expect(_poll(b) == [], "an item that waited 0.125 s of 0.25 s should keep waiting")
    clock.t = 1.25
    expect(_poll(b) == [["x"]], "an item that waited exactly max_wait_s should be released (>=, not >)")


@check("dynamic_batcher", points=2, pins=["deadline-of-oldest"])
def test_batcher_deadline_belongs_to_the_oldest_item():
    clock = FakeClock()
    b = pr.DynamicBatcher(max_batch_size=10, max_wait_s=0.5, clock=clock)
    b.submit("a")
    clock.t = 0.375
    b.submit("b")
    clock.t = 0.5
    expect(_poll(b) == [["a", "b"]],
           "the deadline counts from the oldest waiting item: a new submit must not restart the timer")


@check("dynamic_batcher", points=2, pins=["oldest-still-waiting", "full-batches-first"])
def test_batcher_deadline_of_what_remains_after_full_batches():
    clock = FakeClock()
    b = pr.DynamicBatcher(max_batch_size=2, max_wait_s=0.5, clock=clock)
    b.submit("a")
    b.submit("b")
    clock.t = 0.375
    b.submit("c")
    clock.t = 0.5
    expect(_poll(b) == [["a", "b"]], "after the full batch [a, b] leaves, c (waiting 0.125 s) is the oldest still "
                                     "waiting and has not reached its deadline: check the deadline after step (1)")
    clock.t = 0.875
    expect(_poll(b) == [["c"]], "c has now waited max_wait_s and should leave")


@check("dynamic_batcher", points=2, pins=["full-batches-first"])
def test_batcher_deadline_never_makes_an_oversized_batch():
    clock = FakeClock()
    b = pr.DynamicBatcher(max_batch_size=2, max_wait_s=0.5, clock=clock)
    for i in range(3):
        b.submit(i)
    clock.t = 0.25
    for i in range(3, 5):
        b.submit(i)
    clock.t = 2.0
    expect(_poll(b) == [[0, 1], [2, 3], [4]], "an expired deadline still releases full batches of max_batch_size "
                                              "first (step 1), then the rest: no batch is larger than max_batch_size")
    expect(len(b) == 0, "everything was released: len(batcher) should be 0")


@check("dynamic_batcher", points=1, pins=["full-batches-first", "len-waiting"])
def test_batcher_many_full_batches_in_order():
    clock = FakeClock()
    b = pr.DynamicBatcher(max_batch_size=3, max_wait_s=1.0, clock=clock)
    for i in range(11):
        b.submit(i)
    expect(len(b) == 11, "len(batcher) should count the waiting items")
    got = _poll(b)
    expect(got == [[0, 1, 2], [3, 4, 5], [6, 7, 8]], "poll() should release every full batch from the front, in order")
    expect(len(b) == 2, "two items should still be waiting")
    expect(_poll(b) == [], "the two remaining items have not reached their deadline")
    b.submit(11)
    expect(_poll(b) == [[9, 10, 11]], "exactly max_batch_size waiting items make a full batch (>=)")
    expect(len(b) == 0 and _poll(b) == [], "nothing should be left")


@check("dynamic_batcher", points=1, pins=["empty-poll", "len-waiting", "any-items"])
def test_batcher_empty_poll_and_falsy_items():
    clock = FakeClock(5.0)
    b = pr.DynamicBatcher(max_batch_size=3, max_wait_s=0.0, clock=clock)
    expect(_poll(b) == [], "poll() with nothing waiting returns an empty list")
    expect(len(b) == 0, "an empty batcher has len 0")
    b.submit("only")
    expect(_poll(b) == [["only"]], "with max_wait_s = 0 a lone item leaves at the next poll")
    expect(len(b) == 0, "after releasing everything len(batcher) should be 0")
    for item in [None, 0, "", []]:
        b.submit(item)
    expect(len(b) == 4, "None, 0, '' and [] are items like any other: len(batcher) should be 4")
    expect(_poll(b) == [[None, 0, ""], [[]]], "falsy items (None, 0, '', []) are items like any other")


class _LookingTakesTime:
    """A fake clock that moves on by ``tick`` seconds each time it is read."""

    def __init__(self, tick):
        self.t, self.tick = 0.0, tick

    def __call__(self):
        now = self.t
        self.t += self.tick
        return now


@check("dynamic_batcher", points=1, pins=["clock-read-once"])
def test_batcher_one_now_per_poll():
    clock = _LookingTakesTime(0.01)
    b = pr.DynamicBatcher(max_batch_size=4, max_wait_s=0.5, clock=clock)
    clock.t = 0.0
    b.submit("a")
    clock.t = 0.495                                   # this poll's now; a second read would see 0.505
    expect(_poll(b) == [], "read the clock once at the start of poll() and use that one `now`: a later read "
                           "sees a later time")
    clock.t = 0.5
    expect(_poll(b) == [["a"]], "at now = 0.5 the item has waited max_wait_s")


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


def _allow(tb, *args):
    got = tb.allow(*args)
    expect_type(got, "bool", name="allow()", hint="return a Python bool (True or False)")
    return got


def _available(tb):
    got = tb.available()
    expect_type(got, "float | int", name="available()", hint="return the number of tokens")
    return float(got)


@check("token_bucket", points=2, pins=["continuous-refill", "capped", "fractions-count", "refused-takes-nothing",
                                       "available-refills", "python-bool"])
@pytest.mark.parametrize("seed, rate, capacity", [(350, 4.0, 5), (351, 4.0, 5), (352, 2.5, 3.5)],
                         ids=["rate4-a", "rate4-b", "fractional-capacity"])
def test_bucket_matches_reference(seed, rate, capacity):
    rng = np.random.default_rng(seed)
    halves = capacity % 1 != 0                        # a fractional capacity: requests of 0.5, 1 and 1.5 tokens
    steps = [(float(rng.integers(0, 5)) * 0.0625, int(rng.integers(1, 4))) for _ in range(80)]
    steps = [(dt, n / 2 if halves else n) for dt, n in steps]
    want, levels = _bucket_reference(rate, capacity, steps)
    clock = FakeClock(3.0)
    tb = pr.TokenBucket(rate=rate, capacity=capacity, clock=clock)
    got, got_levels = [], []
    for dt, n in steps:
        clock.t += dt
        got.append(_allow(tb, n))
        got_levels.append(_available(tb))
    expect(got == want, "allow() answers differ from a bucket that starts full, refills continuously at `rate` "
                        "per second up to `capacity`, and takes nothing from a refused request")
    assert_close(got_levels, levels, rtol=1e-9, atol=1e-9, name="available() after each request")


@check("token_bucket", points=1, pins=["starts-full", "python-bool"])
def test_bucket_starts_full():
    tb = pr.TokenBucket(rate=1.0, capacity=4, clock=FakeClock(100.0))
    expect([_allow(tb) for _ in range(5)] == [True] * 4 + [False], "a new bucket starts FULL: capacity requests pass at once")


@check("token_bucket", points=2, pins=["capped"])
def test_bucket_is_capped():
    clock = FakeClock()
    tb = pr.TokenBucket(rate=8.0, capacity=3, clock=clock)
    clock.t = 60.0
    expect_number_close(_available(tb), 3.0, name="available() after a long idle",
                        hint="tokens never exceed capacity: min(capacity, tokens + elapsed * rate)")
    expect([_allow(tb) for _ in range(4)] == [True, True, True, False], "after a long idle only capacity requests pass")
    clock.t = 60.0625                                 # half a token back
    expect(_allow(tb) is False and _allow(tb, 0.5) is True, "after 1/16 s at 8 tokens/s there is half a token")


@check("token_bucket", points=1, pins=["fractions-count"])
def test_bucket_keeps_fractions_of_tokens():
    clock = FakeClock()
    tb = pr.TokenBucket(rate=4.0, capacity=1, clock=clock)
    expect(_allow(tb) is True, "the first request uses the full bucket")
    results = []
    for _ in range(8):
        clock.t += 0.125                      # half a token each time
        results.append(_allow(tb))
    expect(results == [False, True] * 4, "refill is continuous: two half-token waits make one token")


@check("token_bucket", points=1, pins=["refused-takes-nothing"])
def test_bucket_refused_request_takes_nothing():
    tb = pr.TokenBucket(rate=1.0, capacity=3, clock=FakeClock())
    expect(_allow(tb, 5) is False, "a request for more tokens than available is refused")
    expect_number_close(_available(tb), 3.0, name="available() after a refused request",
                        hint="a refused request must not take any tokens")
    expect(_allow(tb, 3) is True, "a refused request must not take any tokens")


@check("token_bucket", points=1, pins=["available-refills"])
def test_bucket_available_refills():
    clock = FakeClock(2.0)
    tb = pr.TokenBucket(rate=2.0, capacity=4, clock=clock)
    expect(all(_allow(tb) for _ in range(4)), "a new bucket starts full")
    clock.t = 2.75
    expect_number_close(_available(tb), 1.5, name="available() after a pause",
                        hint="available() refills first (tokens + elapsed * rate, capped), like allow() does")
    clock.t = 3.0
    expect_number_close(_available(tb), 2.0, name="available() read twice",
                        hint="each refill adds only the time since the previous call (last = now)")


# --- lru_cache ---------------------------------------------------------------------------------

@check("lru_cache", points=2, pins=["get-put-refresh", "evict-beyond-capacity", "default-when-absent", "falsy-values"])
@pytest.mark.parametrize("capacity", [1, 2, 5])
def test_lru_matches_reference(capacity):
    rng = np.random.default_rng(360 + capacity)
    cache = pr.LRUCache(capacity)
    order, values = [], {}                    # reference: keys least recently used first
    for step in range(200):
        key = int(rng.integers(0, 8))
        if rng.random() < 0.5:
            value = [f"v{step}", None, 0, ""][int(rng.integers(0, 4))]
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
            expect(got == want and type(got) is type(want),
                   "get returned a different value than an LRU cache would: check which key you evict "
                   "(the least recently used), that get and put both refresh recency, and that a stored None, "
                   "0 or '' is returned as such")
        if step % 5 == 4:
            expect(len(cache) == len(order), "len(cache) differs from the number of keys an LRU cache would hold")


@check("lru_cache", points=1, pins=["get-put-refresh"])
def test_lru_get_refreshes():
    c = pr.LRUCache(3)
    for k in "abc":
        c.put(k, k.upper())
    expect(c.get("a") == "A", "get('a') should return the stored value")
    c.put("d", "D")
    expect("a" in c and "b" not in c, "get('a') made 'a' the most recently used: 'b' should be evicted")


@check("lru_cache", points=2, pins=["falsy-values", "default-when-absent"])
@pytest.mark.parametrize("value", [None, 0, ""], ids=["None", "zero", "empty_str"])
def test_lru_falsy_values_are_hits(value):
    c = pr.LRUCache(2)
    c.put("a", value)
    c.put("b", "B")
    got = c.get("a", "MISS")
    expect(got == value and type(got) is type(value),
           f"a stored {value!r} is a value like any other: get should return it, not the default")
    c.put("c", "C")
    expect("a" in c and "b" not in c, f"get('a') of a stored {value!r} is a use: 'a' became the most recently used, "
                                      "so 'b' should be evicted")
    expect(c.get("zzz") is None and c.get("zzz", 7) == 7, "an absent key returns the default (None unless given)")


@check("lru_cache", points=1, pins=["get-put-refresh", "evict-beyond-capacity"])
def test_lru_put_update_refreshes_without_growing():
    c = pr.LRUCache(2)
    c.put("a", 1)
    c.put("b", 2)
    c.put("a", 10)
    expect(len(c) == 2 and "b" in c and c.get("a") == 10,
           "putting an existing key updates its value without adding a key (and evicts nothing)")
    c.put("c", 3)
    expect("b" not in c and "a" in c, "updating 'a' made it the most recently used: 'b' should be evicted")


@check("lru_cache", points=1, pins=["evict-beyond-capacity"])
def test_lru_update_at_full_capacity_evicts_nothing():
    c = pr.LRUCache(3)
    for k in "xyz":
        c.put(k, k)
    c.put("y", "Y")
    expect(len(c) == 3 and all(k in c for k in "xyz"), "updating a key of a full cache keeps it at capacity: "
                                                       "nothing is evicted (evict only when a put makes MORE "
                                                       "than capacity keys)")
    c.put("w", "w")
    expect("x" not in c and all(k in c for k in "yzw"), "the least recently used key ('x') goes when a new key "
                                                        "comes in")


@check("lru_cache", points=1, pins=["contains-no-refresh"])
def test_lru_contains_does_not_refresh():
    c = pr.LRUCache(2)
    c.put("a", 1)
    c.put("b", 2)
    expect("a" in c, "'a' should be in the cache")
    c.put("c", 3)
    expect("a" not in c and "b" in c, "`key in cache` must not refresh recency: 'a' was still the least recently used")


@check("lru_cache", points=1, pins=["capacity-zero"])
def test_lru_capacity_zero():
    c = pr.LRUCache(0)
    c.put("a", 1)
    c.put("b", None)
    expect(len(c) == 0 and "a" not in c and c.get("a") is None and c.get("b", "MISS") == "MISS",
           "a cache of capacity 0 stores nothing")


# --- latency_report ----------------------------------------------------------------------------

def _report(rep):
    expect(isinstance(rep, dict), "latency_report should return a dict")
    missing = {"p50", "p95", "p99", "mean", "max"} - set(rep)
    expect(not missing, f"latency_report is missing the keys {sorted(missing)}")
    for k in ("p50", "p95", "p99", "mean", "max"):
        expect_type(rep[k], "float", name=f"report[{k!r}]", hint="every value of the report is a float")
    return [float(rep[k]) for k in ("p50", "p95", "p99", "mean", "max")]


@check("latency_report", points=2, pins=["linear-interpolation", "rank-formula", "last-rank", "five-keys",
                                         "p50-is-a-percentile"])
@pytest.mark.parametrize("n", [1, 2, 7, 37, 101, 250])
def test_latency_matches_numpy_percentile(n):
    x = np.random.default_rng(370 + n).lognormal(-3, 0.8, size=n)
    got = _report(pr.latency_report(list(x) if n % 2 else x.copy()))
    want = list(np.percentile(x, [50, 95, 99])) + [x.mean(), x.max()]
    assert_close(got[:3], want[:3], name="(p50, p95, p99)",
                 hint="linear interpolation: rank = q/100 * (n - 1), between the two closest ranks")
    assert_close(got[3:], want[3:], name="(mean, max)")


@check("latency_report", points=1, pins=["floats-for-ints"])
@pytest.mark.parametrize("kind", ["list", "array"])
def test_latency_integer_milliseconds(kind):
    x = np.random.default_rng(376).integers(5, 400, size=23)
    got = _report(pr.latency_report([int(v) for v in x] if kind == "list" else x.copy()))
    want = list(np.percentile(x, [50, 95, 99])) + [x.mean(), float(x.max())]
    assert_close(got, want, name="report of integer latencies")


@check("latency_report", points=1, pins=["no-sort-in-place"])
def test_latency_does_not_sort_the_input():
    x = np.random.default_rng(375).exponential(size=19)
    before = x.copy()
    pr.latency_report(x)
    expect(np.array_equal(x, before), "latency_report sorted the caller's array in place: sort a copy")
    values = [float(v) for v in np.random.default_rng(377).exponential(size=12)]
    kept = list(values)
    pr.latency_report(values)
    expect(values == kept, "latency_report sorted the caller's list in place (list.sort()): use sorted(...)")


@check("latency_report", points=1, pins=["empty-raises"])
def test_latency_empty_raises():
    expect_raises(ValueError, lambda: pr.latency_report([]), "latency_report([]) should raise ValueError")
    expect_raises(ValueError, lambda: pr.latency_report(np.array([])),
                  "latency_report of an empty array should raise ValueError")


# --- ewma --------------------------------------------------------------------------------------

def _ewma_reference(x, alpha):
    y, _ = scipy.signal.lfilter([alpha], [1.0, -(1.0 - alpha)], x, zi=[(1.0 - alpha) * x[0]])
    return y


def _ewma(values, alpha):
    got = pr.ewma(values, alpha)
    expect_type(got, "ndarray[float64]", name="ewma(...)", hint="return a numpy array of float64")
    return got


@check("ewma", points=2, pins=["alpha-weights-new", "start-at-x0"])
@pytest.mark.parametrize("alpha", [0.1, 0.35, 0.9])
def test_ewma_matches_filter(alpha):
    x = 50.0 + np.random.default_rng(380).normal(size=37).cumsum()
    got = _ewma(x.copy(), alpha)
    assert_shape(got, (37,), name="ewma(values)")
    assert_close(got, _ewma_reference(x, alpha), name=f"ewma(alpha={alpha})",
                 hint="alpha weights the NEW value: s_t = alpha * x_t + (1 - alpha) * s_(t-1)")


@check("ewma", points=1, pins=["start-at-x0", "lists-and-ints"])
def test_ewma_starts_at_first_value():
    got = _ewma([120.0, 118.0, 125.0, 119.0], 0.2)
    expect(got.shape == (4,) and got[0] == 120.0, "the first output should equal the first value (s_0 = x_0), not alpha * x_0")


@check("ewma", points=1, pins=["float64-array", "lists-and-ints"])
@pytest.mark.parametrize("kind", ["list", "array"])
def test_ewma_integer_values_give_floats(kind):
    x = np.random.default_rng(382).integers(0, 100, size=11)
    got = _ewma([int(v) for v in x] if kind == "list" else x.copy(), 0.3)
    assert_close(got, _ewma_reference(x.astype(float), 0.3), name="ewma of integer values",
                 hint="compute in float64: an integer array truncates the averages")


@check("ewma", points=1, pins=["empty", "alpha-zero", "values-unchanged"])
def test_ewma_edge_cases():
    got = _ewma([], 0.3)
    expect(got.shape == (0,), "ewma of an empty list should be an empty array")
    x = np.random.default_rng(381).normal(size=9)
    before = x.copy()
    assert_close(_ewma(x, 1.0), before, name="ewma(alpha=1)", hint="alpha = 1 keeps only the newest value")
    assert_close(_ewma(x, 0.0), np.full(9, before[0]), name="ewma(alpha=0)", hint="alpha = 0 repeats x_0")
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
    expect_type(result, "tuple[str, dict[str, int]]", name="redact_pii(text)",
                hint="return (redacted_text, counts): a str and a dict of three int counts")
    return result


@check("redact_pii", points=2, pins=["then-emails", "then-phones", "card-length", "all-three-keys",
                                     "str-and-int-counts"])
@pytest.mark.parametrize("seed", [390, 391, 392])
def test_redact_generated_documents(seed):
    text, want, want_counts = _document(np.random.default_rng(seed), 24)
    out, counts = _redact(text)
    expect(out == want, "the redacted text differs: cards (Luhn-valid only), then emails, then phones, with the pinned "
                        "patterns and tokens; everything else unchanged")
    expect(counts == want_counts, "the counts differ from the number of replacements of each kind")


@check("redact_pii", points=2, pins=["luhn-from-right", "invalid-unchanged", "card-length"])
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
    expect(counts == {"EMAIL": 0, "PHONE": 0, "CARD": 6}, f"there are 6 Luhn-valid {length}-digit cards and nothing else")


@check("redact_pii", points=1, pins=["all-three-keys", "bare-ten-digits"])
def test_redact_nothing_to_do():
    text = "The model served 1200 requests at 35 ms p99 on 2024-05-01; ticket 4821, trace 4155550100."
    out, counts = _redact(text)
    expect(out == text, "a text without PII should come back unchanged (a bare run of 10 digits is not a phone)")
    expect(counts == {"EMAIL": 0, "PHONE": 0, "CARD": 0}, "counts should always hold the three keys, zeros included")


@check("redact_pii", points=2, pins=["cards-first", "order-matters"])
def test_redact_cards_before_emails_and_phones():
    rng = np.random.default_rng(399)
    card = _card(rng, 16, True).replace(" ", "").replace("-", "")
    out, counts = _redact(f"refund billing+{card}@shop.io today")
    expect(out == "refund billing+[CARD]@shop.io today" and counts == {"EMAIL": 0, "PHONE": 0, "CARD": 1},
           "cards are replaced FIRST: a Luhn-valid card number in front of an @ becomes [CARD], and what is left is "
           "no longer an email")
    payload = "4155550100" + "".join(str(d) for d in rng.integers(0, 10, size=3))
    digits = payload + _luhn_check_digit(payload)      # 14 digits, Luhn-valid
    text = f"ref {digits[:3]}-{digits[3:6]}-{digits[6:10]}-{digits[10:]} closed"
    out, counts = _redact(text)
    expect(out == "ref [CARD] closed" and counts == {"EMAIL": 0, "PHONE": 0, "CARD": 1},
           "cards are replaced before phones: a Luhn-valid 14-digit number written 3-3-4-4 is a card, even though "
           "its first ten digits look like a phone number")


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


def _join(events, rows):
    got = pr.point_in_time_join(events, rows)
    expect_type(got, "list", name="point_in_time_join(...)", hint="return a list with one entry per event")
    expect(len(got) == len(events), "return one result per event, in the events' order")
    return got


@check("point_in_time_join", points=2, pins=["latest-not-last", "at-or-before", "tie-later-row", "none-when-none",
                                             "no-future-no-other-entity", "inputs-unchanged", "unsorted"])
@pytest.mark.parametrize("seed", [400, 401, 402])
def test_pit_matches_brute_force(seed):
    rng = np.random.default_rng(seed)
    entities = ["u1", "u2", "u3", "u4", "u5"] if seed != 401 else [11, 12, 13, 14, 15]
    step = 1 if seed != 402 else 0.5                  # one case with float timestamps
    rows = [(entities[int(rng.integers(0, 5))], int(rng.integers(0, 30)) * step, {"row": i, "x": float(rng.normal())})
            for i in range(60)]
    events = [(entities[int(rng.integers(0, 5))] if rng.random() < 0.9 else "ghost", int(rng.integers(0, 35)) * step)
              for _ in range(40)]
    rows_before, events_before = list(rows), list(events)
    got = _join(events, rows)
    expect(rows == rows_before and events == events_before, "point_in_time_join changed its input lists: sort copies")
    want = _pit_reference(events, rows)
    for g, w in zip(got, want):
        if w is None:
            expect(g is None, "an event got features although its entity has no row at or before its time: "
                              "that is a value from the future (leakage) or from another entity")
        else:
            expect(g is not None, "an event got None although a row with time <= the event time exists (use <=, not <)")
            expect(g == w, "an event got the wrong row: take the row with the LATEST time <= "
                           "the event time; ties go to the row later in the list")


@check("point_in_time_join", points=2, pins=["no-future-no-other-entity"])
def test_pit_no_future_rows():
    rows = [("a", 10, "a10"), ("a", 20, "a20"), ("b", 1, "b1")]
    got = _join([("a", 9), ("a", 19), ("a", 15), ("c", 30)], rows)
    expect(got == [None, "a10", "a10", None], "never take a row whose time is after the event (at t=19 the row at 20 "
                                              "has not happened yet), nor a row of another entity")


@check("point_in_time_join", points=1, pins=["at-or-before"])
def test_pit_row_at_the_event_time_counts():
    rows = [("a", 7.5, "exact"), ("a", 2.0, "early")]
    got = _join([("a", 7.5), ("a", 7)], rows)
    expect(got == ["exact", "early"], "a row with time == the event time is known at the event: use <=")


@check("point_in_time_join", points=1, pins=["unsorted", "tie-later-row"])
def test_pit_unsorted_rows_and_ties():
    rows = [("a", 30, "late"), ("a", 10, "early"), ("a", 20, "tie-first"), ("a", 20, "tie-second"),
            ("a", 5, "first-at-5"), ("a", 5.0, "second-at-5")]
    got = _join([("a", 25), ("a", 35), ("a", 6)], rows)
    expect(got[1] == "late", "rows are not sorted: the latest is the one with the largest time, not the last in the list")
    expect(got[0] == "tie-second" and got[2] == "second-at-5",
           "two rows with the same time: the one later in feature_rows wins")


@check("point_in_time_join", points=1, pins=["empty-events", "none-when-none", "the-object-itself"])
def test_pit_empty_inputs_and_falsy_features():
    expect(_join([], [("a", 1, "x")]) == [], "no events: an empty list")
    expect(_join([("a", 3), ("b", 4)], []) == [None, None], "no feature rows: None for every event")
    rows = [("a", 1, 0), ("a", 5, {}), ("b", 2, ""), ("c", 1, [])]
    got = _join([("a", 3), ("a", 6), ("b", 2), ("c", 9)], rows)
    expect([type(g) for g in got] == [int, dict, str, list] and got == [0, {}, "", []],
           "features are returned as they are, even when falsy (0, {}, '', []): they are not None")


# --- model_registry ----------------------------------------------------------------------------

STAGES = ["None", "Staging", "Production", "Archived"]
LEGAL = {("None", "Staging"), ("None", "Archived"), ("Staging", "Production"), ("Staging", "Archived"),
         ("Production", "Archived"), ("Archived", "Staging")}
PATH_TO = {"None": [], "Staging": ["Staging"], "Production": ["Staging", "Production"], "Archived": ["Archived"]}


def _artifact(seed, size=64):
    return np.random.default_rng(seed).integers(0, 256, size=size, dtype=np.uint8).tobytes()


def _promote(r, name, v):
    if r.stage(name, v) != "Staging":
        r.transition(name, v, "Staging")
    r.transition(name, v, "Production")


@check("model_registry", points=2, pins=["sha256-of-bytes", "register-again-changes-nothing", "registration-order",
                                         "metadata-default"])
def test_registry_version_is_the_content_hash():
    r = pr.ModelRegistry()
    blob = _artifact(410)
    v1 = r.register("ranker", blob, {"auc": 0.81, "run": "a"})
    expect(v1 == hashlib.sha256(blob).hexdigest(), "the version should be hashlib.sha256(artifact_bytes).hexdigest() "
                                                   "of the bytes alone (not the metadata)")
    r.transition("ranker", v1, "Staging")
    v2 = r.register("ranker", blob, {"auc": 0.99, "run": "b"})
    expect(v2 == v1, "registering identical bytes again should return the existing version")
    expect(list(r.versions("ranker")) == [v1], "identical bytes must not create a second version")
    expect(r.metadata("ranker", v1) == {"auc": 0.81, "run": "a"}, "re-registering identical bytes keeps the first metadata")
    expect(r.stage("ranker", v1) == "Staging", "re-registering identical bytes keeps the version's stage")
    v3 = r.register("ranker", _artifact(411), {"auc": 0.81, "run": "a"})
    v4 = r.register("ranker", _artifact(412))
    expect(v3 != v1 and r.versions("ranker") == [v1, v3, v4], "different bytes give a new version, listed in "
                                                              "registration order")
    expect(r.metadata("ranker", v4) == {}, "a version registered without metadata has metadata {}")
    expect(r.stage("ranker", v4) == "None", "a new version is in the stage 'None'")


@check("model_registry", points=2, pins=["allowed-transitions", "refused-changes-nothing"])
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


@check("model_registry", points=1, pins=["unknown-stage", "refused-changes-nothing"])
def test_registry_unknown_stage_names():
    r = pr.ModelRegistry()
    v = r.register("m", _artifact(421), {})
    r.transition("m", v, "Staging")
    for bad in ["production", "Deployed", "none", ""]:
        expect_raises(ValueError, lambda: r.transition("m", v, bad),
                      f"{bad!r} is not a stage: raise ValueError (stages are 'None', 'Staging', 'Production', 'Archived')")
        expect(r.stage("m", v) == "Staging", "a refused transition must leave the stage unchanged")
    expect(r.production("m") is None, "nothing was promoted")


@check("model_registry", points=2, pins=["refused-changes-nothing", "rollback-stack"])
def test_registry_refused_promotion_changes_nothing():
    r = pr.ModelRegistry()
    v0, v1, v2 = (r.register("m", _artifact(425 + i), {}) for i in range(3))
    _promote(r, "m", v0)
    _promote(r, "m", v1)
    expect_raises(ValueError, lambda: r.transition("m", v2, "Production"),
                  "None -> Production is not allowed: raise ValueError")
    expect(r.production("m") == v1 and r.stage("m", v2) == "None",
           "a refused promotion must not archive the Production version nor move the refused one")
    expect(r.rollback("m") == v0, "a refused promotion must not enter the Production history: rollback should "
                                  "restore the version promoted before the current one")


@check("model_registry", points=2, pins=["one-production"])
def test_registry_promotion_archives_previous_production():
    r = pr.ModelRegistry()
    v1, v2 = r.register("m", _artifact(430), {}), r.register("m", _artifact(431), {})
    for v in (v1, v2):
        r.transition("m", v, "Staging")
    r.transition("m", v1, "Production")
    r.transition("m", v2, "Production")
    expect(r.production("m") == v2, "the newly promoted version should be in Production")
    expect(r.stage("m", v1) == "Archived", "promoting a version to Production archives the previous Production version")


@check("model_registry", points=2, pins=["rollback-stack", "rollback-needs-two"])
def test_registry_rollback_chain():
    r = pr.ModelRegistry()
    vs = [r.register("m", _artifact(440 + i), {"i": i}) for i in range(4)]
    for v in vs[:3]:
        _promote(r, "m", v)
    r.transition("m", vs[3], "Staging")                  # registered and staged, never in Production
    restored = r.rollback("m")
    expect(restored == vs[1] and r.production("m") == vs[1],
           "rollback should restore the version that was in Production just before the current one")
    expect(r.stage("m", vs[2]) == "Archived", "rollback archives the version it replaces")
    expect(r.stage("m", vs[3]) == "Staging", "rollback must not touch versions that never were in Production")
    restored = r.rollback("m")
    expect(restored == vs[0] and r.production("m") == vs[0], "a second rollback goes one more step back in the history")
    expect_raises(ValueError, lambda: r.rollback("m"), "with no earlier Production version left, rollback raises ValueError")
    expect(r.production("m") == vs[0], "a refused rollback changes nothing")


@check("model_registry", points=2, pins=["rollback-nothing-in-production"])
def test_registry_rollback_with_nothing_in_production():
    r = pr.ModelRegistry()
    v0, v1 = r.register("m", _artifact(445), {}), r.register("m", _artifact(446), {})
    _promote(r, "m", v0)
    _promote(r, "m", v1)
    r.transition("m", v1, "Archived")                    # taken out of Production by hand
    expect(r.production("m") is None, "after the Production version is archived, production(name) should be None")
    restored = r.rollback("m")
    expect(restored == v0 and r.production("m") == v0 and r.stage("m", v1) == "Archived",
           "with nothing in Production, rollback still pops the top of the history (the archived version) and "
           "restores the version below it")
    expect_raises(ValueError, lambda: r.rollback("m"), "one version left in the history: rollback raises ValueError")


@check("model_registry", points=2, pins=["promoted-twice", "rollback-stack"])
def test_registry_version_promoted_twice():
    r = pr.ModelRegistry()
    v0, v1 = r.register("m", _artifact(447), {}), r.register("m", _artifact(448), {})
    _promote(r, "m", v0)
    _promote(r, "m", v1)                                  # v0 archived
    _promote(r, "m", v0)                                  # Archived -> Staging -> Production; v1 archived
    expect(r.production("m") == v0 and r.stage("m", v1) == "Archived", "promoting again works like the first time")
    expect(r.rollback("m") == v1 and r.production("m") == v1 and r.stage("m", v0) == "Archived",
           "the history is [v0, v1, v0]: the first rollback restores v1")
    expect(r.rollback("m") == v0 and r.production("m") == v0, "the second rollback restores v0 (its first promotion)")
    expect_raises(ValueError, lambda: r.rollback("m"), "the history is down to one entry: rollback raises ValueError")


@check("model_registry", points=2, pins=["per-name", "rollback-stack"])
def test_registry_each_name_has_its_own_history():
    r = pr.ModelRegistry()
    a = [r.register("a", _artifact(470 + i), {}) for i in range(2)]
    b = [r.register("b", _artifact(480 + i), {}) for i in range(2)]
    for name, v in [("a", a[0]), ("b", b[0]), ("a", a[1]), ("b", b[1])]:
        _promote(r, name, v)
    expect(r.production("a") == a[1] and r.production("b") == b[1], "each name has its own Production version")
    expect(r.rollback("a") == a[0] and r.production("a") == a[0] and r.production("b") == b[1],
           "rollback('a') restores a's previous version and leaves b alone: each name has its own history")
    expect_raises(ValueError, lambda: r.rollback("a"), "a's history is down to one version: rollback('a') raises ValueError")
    expect(r.rollback("b") == b[0] and r.production("b") == b[0], "rollback('b') restores b's previous version")


@check("model_registry", points=1, pins=["per-name", "unknown-keyerror", "production-or-none", "rollback-needs-two"])
def test_registry_unknown_and_separate_names():
    r = pr.ModelRegistry()
    blob = _artifact(450)
    va, vb = r.register("a", blob, {}), r.register("b", blob, {})
    expect(va == vb, "the same bytes have the same hash under any name")
    r.transition("a", va, "Staging")
    expect(r.stage("b", vb) == "None", "each model name keeps its own stages")
    expect(r.production("a") is None and r.production("ghost") is None,
           "production(name) is None when no version is in Production (or the name is unknown)")
    expect_raises(KeyError, lambda: r.stage("a", "0" * 64), "an unknown version should raise KeyError")
    expect_raises(KeyError, lambda: r.stage("ghost", va), "stage() of an unknown name should raise KeyError")
    expect_raises(KeyError, lambda: r.transition("nope", va, "Staging"), "an unknown model name should raise KeyError")
    expect_raises(KeyError, lambda: r.transition("a", "1" * 64, "Archived"), "an unknown version should raise KeyError")
    expect_raises(ValueError, lambda: r.rollback("a"), "rollback without a previous Production version raises ValueError")
    expect_raises(ValueError, lambda: r.rollback("ghost"), "rollback of an unknown name raises ValueError")


@check("model_registry", points=1, pins=["registration-order", "unknown-keyerror", "production-or-none"])
def test_registry_archiving_production_and_unknown_names():
    r = pr.ModelRegistry()
    expect(r.versions("never-registered") == [], "versions() of an unknown name should be an empty list")
    v = r.register("m", _artifact(460), {"k": 1})
    expect_raises(KeyError, lambda: r.metadata("m", "f" * 64), "metadata() of an unknown version should raise KeyError")
    expect_raises(KeyError, lambda: r.metadata("x", v), "metadata() of an unknown name should raise KeyError")
    r.transition("m", v, "Staging")
    r.transition("m", v, "Production")
    expect(r.production("m") == v, "the promoted version is in Production")
    r.transition("m", v, "Archived")
    expect(r.production("m") is None, "after the Production version is archived, production(name) should be None")


# --- two_proportion_ztest ----------------------------------------------------------------------

def _z_reference(sa, na, sb, nb):
    """|z| from the 2x2 chi-square statistic (z² = chi²), sign from the difference in rates."""
    res = scipy.stats.chi2_contingency([[sa, na - sa], [sb, nb - sb]], correction=False)
    return math.copysign(math.sqrt(res.statistic), sa / na - sb / nb), res.pvalue


def _zp(result):
    expect_type(result, "tuple[float, float]", name="two_proportion_ztest(...)", hint="return (z, p_value), two floats")
    return result


@check("two_proportion_ztest", points=2, pins=["pooled-rate", "two-sided"])
@pytest.mark.parametrize("seed", [460, 461, 462])
def test_ztest_matches_chi_square(seed):
    rng = np.random.default_rng(seed)
    na, nb = int(rng.integers(200, 2000)), int(rng.integers(200, 2000))
    sa, sb = int(rng.binomial(na, 0.12)), int(rng.binomial(nb, 0.2))
    z, p = _zp(pr.two_proportion_ztest(sa, na, sb, nb))
    z_want, p_want = _z_reference(sa, na, sb, nb)
    expect_number_close(z, z_want, name="z", hint="use the POOLED rate p = (s_a + s_b) / (n_a + n_b) in the standard "
                                                  "error; z > 0 when A's rate is higher")
    _p_close(p, p_want, name="p_value")


@check("two_proportion_ztest", points=2, pins=["sf-not-one-minus-cdf", "two-sided"])
@pytest.mark.parametrize("counts", [(700, 1000, 300, 1000), (100, 1000, 900, 1000), (330, 4000, 90, 3000)],
                         ids=["z18", "z-36", "z9"])
def test_ztest_large_z_keeps_its_tiny_p_value(counts):
    z, p = _zp(pr.two_proportion_ztest(*counts))
    z_want, p_want = _z_reference(*counts)
    expect_number_close(z, z_want, name="a large z")
    _p_close(p, p_want, name="the tiny p_value of a large |z|")


@check("two_proportion_ztest", points=1, pins=["positive-when-a-higher"])
def test_ztest_sign_and_symmetry():
    z1, p1 = _zp(pr.two_proportion_ztest(90, 600, 60, 650))
    z2, p2 = _zp(pr.two_proportion_ztest(60, 650, 90, 600))
    expect(z1 > 0, "z should be positive when A's success rate is higher than B's")
    assert_close([z2, p2], [-z1, p1], name="(z, p) with A and B swapped", hint="swapping the arms flips z and keeps p")


@check("two_proportion_ztest", points=1, pins=["one-arm-extreme"])
@pytest.mark.parametrize("counts", [(0, 400, 30, 500), (300, 300, 390, 400), (12, 500, 0, 40)],
                         ids=["a_none", "a_all", "b_none"])
def test_ztest_one_arm_at_zero_or_hundred_percent(counts):
    z, p = _zp(pr.two_proportion_ztest(*counts))
    z_want, p_want = _z_reference(*counts)
    expect_number_close(z, z_want, name="z", hint="only a POOLED rate of 0 or 1 is degenerate; one arm at 0 % or "
                                                  "100 % is an ordinary test")
    _p_close(p, p_want, name="p_value")


@check("two_proportion_ztest", points=1, pins=["degenerate", "two-floats"])
def test_ztest_no_difference_and_degenerate():
    z, p = _zp(pr.two_proportion_ztest(50, 500, 80, 800))
    assert_close([z, p], [0.0, 1.0], atol=1e-12, name="(z, p) for equal rates")
    for args in [(0, 300, 0, 400), (300, 300, 400, 400)]:
        z, p = _zp(pr.two_proportion_ztest(*args))
        expect(z == 0.0 and p == 1.0, "a pooled rate of 0 or 1 (no variance) should return (0.0, 1.0)")
