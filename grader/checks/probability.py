"""Hidden checks for the probability topic: every answer is compared with scipy / numpy / torch
or with a property, on seeded random inputs with distinct sizes per axis."""
import math

import numpy as np
import pytest
import scipy.integrate
import scipy.special
import scipy.stats
import torch

from grader.check import as_number, assert_close, assert_shape, check, expect, learner

pr = learner("probability")


def _leaves_inputs_alone(name: str, call, *arrays) -> None:
    """Call ``call(*arrays)`` and fail if any of the arrays changed."""
    before = [a.copy() for a in arrays]
    call(*arrays)
    for i, (a, b) in enumerate(zip(arrays, before)):
        expect(np.array_equal(a, b, equal_nan=True),
               f"{name} modified its argument {i + 1} in place: the caller's data must stay as it was; "
               "work on a copy (np.array(x, dtype=float)) when you need to change values")


# --- logsumexp ---------------------------------------------------------------------------------

@check("logsumexp", points=1)
@pytest.mark.parametrize("shape,axis", [((4, 12, 16), 0), ((4, 12, 16), 1), ((4, 12, 16), 2), ((4, 12, 16), -1),
                                        ((1, 5, 3), 0), ((1, 5, 3), -1)],
                         ids=["axis0", "axis1", "axis2", "axis-1", "length1_axis0", "length1_axis-1"])
def test_logsumexp_matches_scipy_along_each_axis(shape, axis):
    x = np.random.default_rng(100).normal(size=shape)
    got = pr.logsumexp(x.copy(), axis=axis)
    want = scipy.special.logsumexp(x, axis=axis)
    assert_shape(got, want.shape, name=f"logsumexp(x of shape {shape}, axis={axis})",
                 hint="reduce over `axis` and drop only that axis (no keepdims): np.squeeze(out, axis=axis); "
                      "np.squeeze(out) also drops the other axes of length 1")
    assert_close(got, want, name="logsumexp(x, axis)")


@check("logsumexp", points=1)
def test_logsumexp_axis_none_reduces_everything():
    x = np.random.default_rng(101).normal(size=(5, 7))
    got = pr.logsumexp(x, axis=None)
    assert_shape(got, (), name="logsumexp(x, axis=None)", hint="axis=None reduces over every element to one number")
    assert_close(got, scipy.special.logsumexp(x), name="logsumexp(x, axis=None)")


@check("logsumexp", points=2)
@pytest.mark.parametrize("sign", [1, -1], ids=["plus1000", "minus1000"])
def test_logsumexp_is_stable_at_1000(sign):
    x = sign * 1000.0 + np.random.default_rng(102).normal(size=(6, 9))
    with np.errstate(all="ignore"):
        got = pr.logsumexp(x, axis=1)
    want = scipy.special.logsumexp(x, axis=1)
    expect(np.all(np.isfinite(np.asarray(got, dtype=float))),
           "logsumexp overflows or underflows at ±1000: subtract the maximum of each slice before exp")
    assert_close(got, want, name="logsumexp(±1000 + noise, axis=1)")


@check("logsumexp", points=2)
def test_logsumexp_shifts_each_slice_by_its_own_max():
    rng = np.random.default_rng(103)
    x = rng.normal(size=(3, 11)) + np.array([[900.0], [0.0], [-900.0]])   # rows at very different scales
    with np.errstate(all="ignore"):
        got = pr.logsumexp(x, axis=1)
    assert_close(got, scipy.special.logsumexp(x, axis=1), name="logsumexp(rows at ±900, axis=1)",
                 hint="shift every slice by its own maximum, not by one global maximum")


@check("logsumexp", points=1)
def test_logsumexp_all_minus_inf_slice_is_minus_inf():
    x = np.random.default_rng(104).normal(size=(3, 5))
    x[1] = -np.inf
    with np.errstate(all="ignore"):
        got = np.asarray(pr.logsumexp(x, axis=1), dtype=float)
    assert_shape(got, (3,), name="logsumexp(x, axis=1)")
    expect(not np.isnan(got[1]), "a slice that is all -inf gives NaN: -inf - (-inf) is NaN, so shift that slice by 0")
    expect(got[1] == -np.inf, "a slice that is all -inf should give -inf (the log of a sum of zeros)")
    assert_close(got[[0, 2]], scipy.special.logsumexp(x[[0, 2]], axis=1), name="the finite rows")


@check("logsumexp", points=1)
def test_logsumexp_does_not_mutate_input():
    x = np.random.default_rng(105).normal(size=(4, 6)) * 50
    before = x.copy()
    pr.logsumexp(x, axis=0)
    expect(np.array_equal(x, before), "logsumexp changed its input array in place: work on a copy (x - m creates one)")


# --- welford -----------------------------------------------------------------------------------

def _stream(values):
    """A one-shot generator: a second pass over it sees nothing."""
    return (float(v) for v in values)


@check("welford", points=1)
@pytest.mark.parametrize("ddof", [0, 1], ids=["ddof0", "ddof1"])
def test_welford_matches_numpy_on_a_generator(ddof):
    x = np.random.default_rng(200).normal(3.0, 2.0, size=37)
    result = pr.welford(_stream(x), ddof=ddof)
    expect(isinstance(result, tuple) and len(result) == 2, "welford should return a tuple (mean, var)")
    mean, var = (as_number(v, n) for v, n in zip(result, ("mean", "var")))
    _, var_from_list = pr.welford([float(v) for v in x], ddof=ddof)
    once = ("your answer on a list differs from the one on a generator: iterate over xs only once "
            "(a generator is empty the second time)")
    if abs(as_number(var_from_list, "var") - var) > 1e-9 * abs(var_from_list) + 1e-12 or math.isnan(mean):
        raise AssertionError(once)
    assert_close(mean, np.mean(x), name="mean")
    assert_close(var, np.var(x, ddof=ddof), name=f"var (ddof={ddof})",
                 hint="divide the sum of squared deviations M2 by n - ddof")


@check("welford", points=1)
def test_welford_ddof_defaults_to_zero():
    x = np.random.default_rng(201).uniform(-5, 5, size=23)
    mean, var = pr.welford(_stream(x))
    assert_close(as_number(var, "var"), np.var(x), name="var with the default ddof", hint="the default is ddof=0")


@check("welford", points=1)
def test_welford_accepts_a_list_and_ddof_2():
    x = list(np.random.default_rng(202).exponential(size=19))
    mean, var = pr.welford(x, ddof=2)
    assert_close(as_number(mean, "mean"), np.mean(x), name="mean")
    assert_close(as_number(var, "var"), np.var(x, ddof=2), name="var (ddof=2)")


@check("welford", points=2)
def test_welford_is_stable_with_a_huge_offset():
    x = 1e9 + np.random.default_rng(203).normal(size=1000)
    mean, var = pr.welford(_stream(x), ddof=1)
    # rtol 1e-6: the data are rounded to 1.2e-7 near 1e9; Welford keeps ~1e-8, Σx² - (Σx)²/n keeps nothing.
    assert_close(as_number(mean, "mean"), np.mean(x), rtol=1e-12, name="mean at offset 1e9")
    assert_close(as_number(var, "var"), np.var(x, ddof=1), rtol=1e-6, name="var at offset 1e9",
                 hint="Σx² - (Σx)²/n cancels catastrophically: update the mean and M2 = Σ(x - mean)² incrementally")


@check("welford", points=1)
def test_welford_edge_cases():
    mean, var = pr.welford(_stream([]), ddof=0)
    expect(math.isnan(as_number(mean, "mean")) and math.isnan(as_number(var, "var")),
           "an empty stream should give (nan, nan)")
    mean, var = pr.welford(_stream([4.5]), ddof=1)
    assert_close(as_number(mean, "mean"), 4.5, name="mean of one value")
    expect(math.isnan(as_number(var, "var")), "with n <= ddof the variance is undefined: return nan")
    mean, var = pr.welford(_stream([4.5]), ddof=0)
    assert_close(as_number(var, "var"), 0.0, name="var of one value with ddof=0")
    mean, var = pr.welford(_stream([4.5]), ddof=2)
    expect(math.isnan(as_number(var, "var")),
           "with n < ddof the variance is undefined too: return nan whenever n <= ddof, not only when n == ddof")


# --- mle ---------------------------------------------------------------------------------------

@check("mle", points=1)
def test_gaussian_mle_1d_matches_numpy_biased():
    x = np.random.default_rng(300).normal(-1.5, 3.0, size=17)
    mu, var = pr.gaussian_mle(x.copy())
    assert_close(as_number(mu, "mu"), np.mean(x), name="mu")
    assert_close(as_number(var, "var"), np.var(x, ddof=0), name="var",
                 hint="the maximum-likelihood variance divides by n, not n - 1")


@check("mle", points=2)
def test_gaussian_mle_2d_is_per_column():
    x = np.random.default_rng(301).normal(size=(40, 6)) * np.arange(1, 7) + np.arange(6)
    mu, var = pr.gaussian_mle(x)
    assert_shape(mu, (6,), name="mu", hint="one mean per column: reduce over axis 0 (the samples)")
    assert_shape(var, (6,), name="var", hint="one variance per column: reduce over axis 0 (the samples)")
    assert_close(mu, x.mean(axis=0), name="mu")
    assert_close(var, x.var(axis=0), name="var", hint="variance, not standard deviation, divided by n")


@check("mle", points=2)
def test_gaussian_mle_maximises_the_likelihood():
    x = np.random.default_rng(302).normal(2.0, 0.7, size=25)
    mu, var = (as_number(v, n) for v, n in zip(pr.gaussian_mle(x), ("mu", "var")))
    expect(var > 0, "the variance must be positive")

    def loglik(m, v):
        return scipy.stats.norm.logpdf(x, loc=m, scale=np.sqrt(v)).sum()

    best = loglik(mu, var)
    for dm, dv in [(1e-3, 0), (-1e-3, 0), (0, 1e-3), (0, -1e-3)]:
        expect(best >= loglik(mu + dm, var * (1 + dv)) - 1e-12,
               "moving (mu, var) a little raises the log-likelihood: these are not the maximum-likelihood values")


@check("mle", points=1)
def test_bernoulli_mle_matches_mean_and_maximises_likelihood():
    x = (np.random.default_rng(303).random(53) < 0.3).astype(int)
    p = as_number(pr.bernoulli_mle(x.copy()), "p")
    assert_close(p, x.mean(), name="p", hint="the maximum-likelihood p is the fraction of ones, no smoothing")
    ll = lambda q: scipy.stats.bernoulli.logpmf(x, q).sum()  # noqa: E731
    expect(ll(p) >= max(ll(p + 1e-3), ll(p - 1e-3)), "p is not the maximiser of the Bernoulli log-likelihood")


@check("mle", points=1)
def test_bernoulli_mle_bool_and_extremes():
    x = np.random.default_rng(304).random(31) < 0.6
    assert_close(as_number(pr.bernoulli_mle(x), "p"), x.mean(), name="p for a boolean array")
    assert_close(as_number(pr.bernoulli_mle(np.zeros(9, dtype=int)), "p"), 0.0, name="p for all zeros")
    assert_close(as_number(pr.bernoulli_mle(np.ones(9, dtype=int)), "p"), 1.0, name="p for all ones")


@check("mle", points=1)
def test_mle_leaves_inputs_alone():
    rng = np.random.default_rng(160)
    _leaves_inputs_alone("gaussian_mle", pr.gaussian_mle, rng.normal(3.0, 2.0, size=(40, 3)))
    _leaves_inputs_alone("gaussian_mle", pr.gaussian_mle, rng.normal(size=25))
    _leaves_inputs_alone("bernoulli_mle", pr.bernoulli_mle, (rng.random(30) < 0.3).astype(float))


# --- beta_binomial_update ----------------------------------------------------------------------

CASES = [(1.0, 1.0, 7, 10), (2.5, 4.0, 3, 41), (0.5, 0.5, 0, 12), (30.0, 8.0, 19, 19)]


@check("beta_binomial_update", points=1)
@pytest.mark.parametrize("case", CASES, ids=["uniform", "informative", "jeffreys_no_success", "all_success"])
def test_beta_binomial_matches_scipy(case):
    alpha, beta, s, n = case
    result = pr.beta_binomial_update(alpha, beta, s, n, level=0.9)
    expect(isinstance(result, tuple) and len(result) == 4,
           "return a 4-tuple (alpha_post, beta_post, mean, (lo, hi))")
    a, b, mean, interval = result
    assert_close(as_number(a, "alpha_post"), alpha + s, name="alpha_post", hint="alpha gains the successes")
    assert_close(as_number(b, "beta_post"), beta + n - s, name="beta_post", hint="beta gains the failures (trials - successes)")
    assert_close(as_number(mean, "mean"), scipy.stats.beta.mean(alpha + s, beta + n - s), name="posterior mean")
    assert_shape(interval, (2,), name="(lo, hi)")
    assert_close(interval, scipy.stats.beta.interval(0.9, alpha + s, beta + n - s), rtol=1e-7, atol=1e-9,
                 name="credible interval", hint="central interval: (1-level)/2 of the mass cut from each side")


@check("beta_binomial_update", points=2)
def test_beta_binomial_agrees_with_a_grid_posterior():
    alpha, beta, s, n = 3.0, 5.0, 11, 27
    _, _, mean, (lo, hi) = pr.beta_binomial_update(alpha, beta, s, n)   # default level 0.95
    grid = np.linspace(0, 1, 20001)
    post = scipy.stats.beta.pdf(grid, alpha, beta) * scipy.stats.binom.pmf(s, n, grid)
    post /= scipy.integrate.trapezoid(post, grid)
    grid_mean = scipy.integrate.trapezoid(grid * post, grid)
    # the grid integral is exact to ~1e-8, so a looser tolerance here
    assert_close(as_number(mean, "mean"), grid_mean, rtol=1e-6, name="posterior mean",
                 hint="prior × likelihood ∝ p^(alpha+s-1) (1-p)^(beta+n-s-1)")
    inside = scipy.integrate.trapezoid(np.where((grid >= lo) & (grid <= hi), post, 0), grid)
    expect(abs(inside - 0.95) < 2e-3, "the interval does not hold 95% of the posterior mass (default level=0.95)")
    left = scipy.integrate.trapezoid(np.where(grid <= lo, post, 0), grid)
    expect(abs(left - 0.025) < 2e-3, "the interval is not central: put (1-level)/2 of the mass below lo")


@check("beta_binomial_update", points=1)
def test_beta_binomial_rejects_impossible_counts():
    for s, n in [(5, 3), (-1, 4)]:
        try:
            pr.beta_binomial_update(1.0, 1.0, s, n)
        except ValueError:
            continue
        except NotImplementedError:
            raise
        except Exception as error:  # noqa: BLE001
            raise AssertionError(f"successes={s}, trials={n} should raise ValueError, raised {type(error).__name__}")
        raise AssertionError(f"successes={s}, trials={n} is impossible: raise ValueError")


# --- bootstrap_ci ------------------------------------------------------------------------------

def _reference_bootstrap(x, statistic, n_resamples, confidence, seed):
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(x), size=(n_resamples, len(x)))
    values = [statistic(np.take(x, row)) for row in idx]
    alpha = 1 - confidence
    return np.quantile(values, [alpha / 2, 1 - alpha / 2])


@check("bootstrap_ci", points=1)
@pytest.mark.parametrize("stat", ["mean", "median", "std"], ids=["mean", "median", "std"])
def test_bootstrap_matches_the_pinned_draws(stat):
    statistic = {"mean": np.mean, "median": np.median, "std": lambda v: float(np.std(v))}[stat]
    x = np.random.default_rng(500).gamma(2.0, size=29)
    got = pr.bootstrap_ci(x.copy(), statistic, n_resamples=300, confidence=0.9, rng=np.random.default_rng(7))
    assert_shape(got, (2,), name="(lo, hi)")
    assert_close(got, _reference_bootstrap(x, statistic, 300, 0.9, 7), name=f"bootstrap interval of the {stat}",
                 hint="draw idx = rng.integers(0, n, size=(n_resamples, n)) once; percentiles (1-c)/2 and (1+c)/2")


@check("bootstrap_ci", points=1)
def test_bootstrap_defaults():
    x = np.random.default_rng(501).normal(size=14)
    got = pr.bootstrap_ci(x, np.mean, rng=np.random.default_rng(3))
    assert_close(got, _reference_bootstrap(x, np.mean, 1000, 0.95, 3), name="interval with the defaults",
                 hint="defaults: n_resamples=1000, confidence=0.95")


@check("bootstrap_ci", points=2)
def test_bootstrap_resamples_with_replacement():
    x = np.random.default_rng(502).normal(size=21)
    lo, hi = (float(v) for v in pr.bootstrap_ci(x, np.mean, n_resamples=200, rng=np.random.default_rng(4)))
    expect(hi - lo > 1e-6, "the interval of the mean has zero width: resample WITH replacement "
           "(a permutation of x always has the same mean)")
    expect(lo <= np.mean(x) <= hi, "the interval should contain the sample mean")


@check("bootstrap_ci", points=1)
def test_bootstrap_agrees_with_scipy_percentile_method():
    x = np.random.default_rng(503).exponential(size=40)
    lo, hi = (float(v) for v in pr.bootstrap_ci(x, np.mean, n_resamples=4000, rng=np.random.default_rng(5)))
    ref = scipy.stats.bootstrap((x,), np.mean, n_resamples=4000, confidence_level=0.95, method="percentile",
                                random_state=np.random.default_rng(6)).confidence_interval
    # different random draws: agree up to Monte-Carlo noise (~1% of the interval width)
    width = ref.high - ref.low
    expect(abs(lo - ref.low) < 0.08 * width and abs(hi - ref.high) < 0.08 * width,
           "the interval is far from scipy.stats.bootstrap(method='percentile'): check the percentiles you take")


@check("bootstrap_ci", points=1)
def test_bootstrap_leaves_inputs_alone():
    x = np.random.default_rng(270).normal(size=33)
    _leaves_inputs_alone("bootstrap_ci", lambda a: pr.bootstrap_ci(a, np.mean, n_resamples=50,
                                                                   rng=np.random.default_rng(0)), x)


# --- welch_t_test ------------------------------------------------------------------------------

def _groups(seed, na, nb, sd_a, sd_b, shift):
    rng = np.random.default_rng(seed)
    return rng.normal(0.0, sd_a, size=na), rng.normal(shift, sd_b, size=nb)


@check("welch_t_test", points=1)
@pytest.mark.parametrize("params", [(600, 12, 30, 1.0, 4.0, 1.0), (601, 25, 9, 3.0, 0.5, -0.8),
                                    (602, 40, 17, 1.0, 1.5, 0.0)], ids=["small_vs_wide", "wide_vs_small", "null"])
def test_welch_matches_scipy(params):
    a, b = _groups(*params)
    result = pr.welch_t_test(a.copy(), b.copy())
    expect(isinstance(result, tuple) and len(result) == 3, "return a tuple (t, df, p)")
    t, df, p = (as_number(v, n) for v, n in zip(result, ("t", "df", "p")))
    ref = scipy.stats.ttest_ind(a, b, equal_var=False)
    assert_close(t, ref.statistic, name="t",
                 hint="t = (mean_a - mean_b) / sqrt(var_a/n_a + var_b/n_b), variances with ddof=1, not pooled")
    assert_close(df, ref.df, name="df", hint="Welch-Satterthwaite: (va/na + vb/nb)² / ((va/na)²/(na-1) + (vb/nb)²/(nb-1))")
    assert_close(p, ref.pvalue, name="p", hint="two-sided: 2 * P(T > |t|)")


@check("welch_t_test", points=1)
def test_welch_is_antisymmetric():
    a, b = _groups(603, 15, 22, 2.0, 1.0, 0.7)
    t1, df1, p1 = pr.welch_t_test(a, b)
    t2, df2, p2 = pr.welch_t_test(b, a)
    assert_close(t2, -as_number(t1, "t"), name="t(b, a)", hint="swapping the groups flips the sign of t")
    assert_close(p2, p1, name="p(b, a)", hint="a two-sided p does not depend on the order of the groups")
    expect(as_number(t1, "t") < 0, "t should be mean_a - mean_b over its standard error (here a has the smaller mean)")


@check("welch_t_test", points=2)
def test_welch_p_is_two_sided_for_both_signs():
    a, b = _groups(604, 18, 26, 1.0, 2.0, 1.2)
    for x, y in [(a, b), (b, a)]:
        t, df, p = pr.welch_t_test(x, y)
        want = 2 * scipy.stats.t.sf(abs(scipy.stats.ttest_ind(x, y, equal_var=False).statistic),
                                    scipy.stats.ttest_ind(x, y, equal_var=False).df)
        assert_close(p, want, name="p", hint="two-sided p = 2 * P(T > |t|), for positive and negative t alike")


@check("welch_t_test", points=1)
def test_welch_leaves_inputs_alone():
    rng = np.random.default_rng(320)
    _leaves_inputs_alone("welch_t_test", pr.welch_t_test, rng.normal(size=17), rng.normal(0.5, 2.0, size=23))


# --- permutation_test --------------------------------------------------------------------------

def _reference_permutation(a, b, n_permutations, seed):
    rng = np.random.default_rng(seed)
    pooled = np.concatenate([a, b])
    observed = abs(np.mean(a) - np.mean(b))
    diffs = []
    for _ in range(n_permutations):
        s = rng.permutation(pooled)
        diffs.append(np.mean(s[:len(a)]) - np.mean(s[len(a):]))
    count = int(np.sum(np.abs(diffs) >= observed))
    return (count + 1) / (n_permutations + 1)


@check("permutation_test", points=1)
@pytest.mark.parametrize("params", [(700, 13, 19, 0.5), (701, 22, 8, -0.9), (702, 10, 15, 0.0)],
                         ids=["shift_up", "shift_down", "null"])
def test_permutation_matches_the_pinned_draws(params):
    seed, na, nb, shift = params
    rng = np.random.default_rng(seed)
    a, b = rng.normal(size=na), rng.normal(shift, size=nb)
    got = pr.permutation_test(a.copy(), b.copy(), n_permutations=250, rng=np.random.default_rng(11))
    assert_close(as_number(got, "p"), _reference_permutation(a, b, 250, 11), name="p",
                 hint="one rng.permutation(pooled) per permutation; two-sided count of |diff| >= |observed|; "
                      "p = (count + 1) / (n_permutations + 1)")


@check("permutation_test", points=1)
def test_permutation_counts_ties():
    # 0/1 outcomes (an A/B test): many permutations give exactly the observed |difference|, and the
    # pinned rule counts them (>=). Sums of 0/1 values are exact, so these ties are exact too.
    rng = np.random.default_rng(705)
    a, b = (rng.random(15) < 0.3).astype(float), (rng.random(12) < 0.6).astype(float)
    got = pr.permutation_test(a.copy(), b.copy(), n_permutations=300, rng=np.random.default_rng(13))
    assert_close(as_number(got, "p"), _reference_permutation(a, b, 300, 13), name="p for 0/1 outcomes",
                 hint="permutations whose |mean(a*) - mean(b*)| equals the observed one count too: use >=, not >")


@check("permutation_test", points=1)
def test_permutation_p_is_never_zero():
    rng = np.random.default_rng(703)
    a, b = rng.normal(size=12), rng.normal(5.0, size=14)    # so far apart that no permutation beats it
    p = as_number(pr.permutation_test(a, b, n_permutations=99, rng=np.random.default_rng(1)), "p")
    assert_close(p, 1 / 100, name="p for an extreme difference",
                 hint="count the observed labelling itself: p = (count + 1) / (n_permutations + 1)")


@check("permutation_test", points=2)
def test_permutation_is_two_sided_and_close_to_scipy():
    rng = np.random.default_rng(704)
    a, b = rng.normal(size=16), rng.normal(0.6, size=11)
    for x, y in [(a, b), (b, a)]:
        p = as_number(pr.permutation_test(x, y, n_permutations=2000, rng=np.random.default_rng(2)), "p")
        ref = scipy.stats.permutation_test((x, y), lambda u, v, axis: np.mean(u, axis=axis) - np.mean(v, axis=axis),
                                           n_resamples=2000, alternative="two-sided", vectorized=True,
                                           random_state=np.random.default_rng(3)).pvalue
        # different random draws: Monte-Carlo noise on p is about 0.01 here
        expect(abs(p - ref) < 0.05, "p is far from scipy.stats.permutation_test(two-sided): use |difference in means| "
                                    "so both tails count, whichever group has the larger mean")


@check("permutation_test", points=1)
def test_permutation_leaves_inputs_alone():
    rng = np.random.default_rng(370)
    _leaves_inputs_alone("permutation_test",
                         lambda a, b: pr.permutation_test(a, b, n_permutations=40, rng=np.random.default_rng(1)),
                         rng.normal(size=12), rng.normal(size=9))


# --- entropy -----------------------------------------------------------------------------------

def _distributions(seed, shape, zeros=0):
    rng = np.random.default_rng(seed)
    p = rng.random(shape)
    if zeros:
        p[..., :zeros] = 0.0
    return p / p.sum(axis=-1, keepdims=True)


@check("entropy", points=1)
def test_entropy_matches_scipy_along_last_axis():
    p = _distributions(800, (5, 13))
    got = pr.entropy(p.copy())
    assert_shape(got, (5,), name="entropy(p)", hint="one entropy per row: sum over the last axis")
    assert_close(got, scipy.stats.entropy(p, axis=-1), name="entropy(p)", hint="natural log (nats), not log2")


@check("entropy", points=2)
def test_entropy_zero_probabilities_count_as_zero():
    p = _distributions(801, (4, 9), zeros=3)
    with np.errstate(all="ignore"):
        got = pr.entropy(p)
    assert_close(got, scipy.stats.entropy(p, axis=-1), name="entropy(p) with zeros",
                 hint="0 · log 0 = 0: skip (or mask) the zero probabilities")
    one_hot = np.eye(6)[2]
    with np.errstate(all="ignore"):
        assert_close(pr.entropy(one_hot), 0.0, name="entropy(one-hot)")


@check("entropy", points=1)
def test_cross_entropy_matches_reference():
    p, q = _distributions(802, (3, 11)), _distributions(803, (3, 11))
    got = pr.cross_entropy(p.copy(), q.copy())
    want = scipy.stats.entropy(p, axis=-1) + scipy.stats.entropy(p, q, axis=-1)   # H(p) + KL(p||q)
    assert_shape(got, (3,), name="cross_entropy(p, q)", hint="sum over the last axis")
    assert_close(got, want, name="cross_entropy(p, q)", hint="H(p, q) = -Σ p log q, natural log; p weights, q inside the log")


@check("entropy", points=2)
def test_cross_entropy_zero_conventions():
    p = np.array([[0.0, 0.5, 0.5], [0.2, 0.8, 0.0], [0.3, 0.0, 0.7]])
    q = np.array([[0.0, 0.4, 0.6], [0.1, 0.9, 0.0], [0.5, 0.5, 0.0]])
    with np.errstate(all="ignore"):
        got = np.asarray(pr.cross_entropy(p, q), dtype=float)
    want = -np.sum(scipy.special.xlogy(p, q), axis=-1)
    assert_shape(got, (3,), name="cross_entropy(p, q)")
    expect(not np.isnan(got[:2]).any(), "a term with p = 0 and q = 0 gave NaN: terms with p = 0 contribute 0")
    assert_close(got[:2], want[:2], name="cross_entropy where p = 0 meets q = 0")
    expect(got[2] == np.inf, "q = 0 where p > 0 should give +inf (that event is impossible under q)")


@check("entropy", points=1)
def test_entropy_properties():
    p = _distributions(804, (16,))
    h = as_number(pr.entropy(p), "entropy(p)")
    expect(0 <= h <= np.log(16) + 1e-12, "entropy of 16 outcomes lies in [0, log 16] nats")
    assert_close(pr.entropy(np.full(7, 1 / 7)), np.log(7), name="entropy(uniform over 7)")
    assert_close(pr.cross_entropy(p, p), h, name="cross_entropy(p, p)", hint="H(p, p) = H(p)")


@check("entropy", points=1)
def test_entropy_leaves_inputs_alone():
    rng = np.random.default_rng(420)
    p, q = rng.dirichlet(np.ones(6), size=4), rng.dirichlet(np.ones(6), size=4)
    p[0, :2] = 0.0
    p[0] /= p[0].sum()
    _leaves_inputs_alone("entropy", pr.entropy, p)
    _leaves_inputs_alone("cross_entropy", pr.cross_entropy, p, q)


# --- kl_gaussian -------------------------------------------------------------------------------

@check("kl_gaussian", points=2)
def test_kl_gaussian_matches_torch_on_arrays():
    rng = np.random.default_rng(900)
    mu1, mu2 = rng.normal(size=(4, 7)), rng.normal(size=(4, 7))
    var1, var2 = rng.uniform(0.2, 3.0, size=(4, 7)), rng.uniform(0.2, 3.0, size=(4, 7))
    got = pr.kl_gaussian(mu1.copy(), var1.copy(), mu2.copy(), var2.copy())
    N = torch.distributions.Normal
    want = torch.distributions.kl_divergence(N(torch.tensor(mu1), torch.tensor(var1).sqrt()),
                                             N(torch.tensor(mu2), torch.tensor(var2).sqrt())).numpy()
    assert_shape(got, (4, 7), name="kl_gaussian(...)", hint="work elementwise so the arguments broadcast")
    assert_close(got, want, name="KL(N1 || N2)",
                 hint="½[log(var2/var1) + (var1 + (mu1-mu2)²)/var2 - 1]; the arguments are variances, not std")


@check("kl_gaussian", points=1)
@pytest.mark.parametrize("params", [(0.3, 0.5, -1.0, 2.5), (2.0, 4.0, 1.5, 0.8)], ids=["narrow_p", "wide_p"])
def test_kl_gaussian_matches_numerical_integral(params):
    mu1, var1, mu2, var2 = params
    p, q = scipy.stats.norm(mu1, np.sqrt(var1)), scipy.stats.norm(mu2, np.sqrt(var2))
    want, _ = scipy.integrate.quad(lambda x: p.pdf(x) * (p.logpdf(x) - q.logpdf(x)), -np.inf, np.inf)
    # quad is accurate to ~1e-10 here
    assert_close(as_number(pr.kl_gaussian(mu1, var1, mu2, var2), "KL"), want, rtol=1e-7, atol=1e-8,
                 name="KL(N1 || N2)", hint="KL(p || q) = E_p[log p - log q]: the expectation is under the FIRST Gaussian")


@check("kl_gaussian", points=1)
def test_kl_gaussian_properties():
    rng = np.random.default_rng(901)
    mu, var = rng.normal(size=12), rng.uniform(0.1, 2, size=12)
    assert_close(pr.kl_gaussian(mu, var, mu, var), np.zeros(12), name="KL(p || p)", hint="KL of a distribution with itself is 0")
    other = pr.kl_gaussian(mu, var, mu + 1.0, var * 2.0)
    expect(np.all(np.asarray(other, dtype=float) > 0), "KL between different Gaussians must be positive")


@check("kl_gaussian", points=1)
def test_kl_gaussian_leaves_inputs_alone():
    rng = np.random.default_rng(480)
    _leaves_inputs_alone("kl_gaussian", pr.kl_gaussian, rng.normal(size=5), rng.random(5) + 0.5,
                         rng.normal(size=5), rng.random(5) + 0.5)


# --- sample_exponential ------------------------------------------------------------------------

@check("sample_exponential", points=2)
def test_sample_exponential_is_the_pinned_inverse_cdf():
    u = np.random.default_rng(1000).random((4, 12, 16))
    got = pr.sample_exponential(u.copy(), 2.5)
    assert_shape(got, u.shape, name="samples", hint="transform u elementwise, keep its shape")
    # log(1-u) vs log1p(-u) differ by rounding only
    assert_close(got, -np.log1p(-u) / 2.5, rtol=1e-9, name="samples",
                 hint="pinned: x = -log(1 - u) / rate; check the sign, divide by the rate, and use 1 - u "
                      "(-log(u) has the right distribution but maps each u to a different sample)")


@check("sample_exponential", points=2)
@pytest.mark.parametrize("rate", [0.4, 3.0], ids=["rate0.4", "rate3"])
def test_sample_exponential_passes_ks_test(rate):
    u = np.random.default_rng(1001).random(3000)
    x = np.asarray(pr.sample_exponential(u, rate), dtype=float)
    expect(np.all(x >= 0), "exponential samples must be non-negative: check the sign of the log")
    result = scipy.stats.kstest(x, scipy.stats.expon(scale=1 / rate).cdf)
    expect(result.pvalue > 1e-3, "the samples do not follow Exponential(rate) (KS test): the mean should be 1/rate")


@check("sample_exponential", points=1)
def test_sample_exponential_edges():
    u = np.array([0.0, 0.5, 1 - 2.0 ** -20])
    got = np.asarray(pr.sample_exponential(u, 2.0), dtype=float)
    assert_shape(got, (3,), name="samples")
    assert_close(got[0], 0.0, name="sample at u = 0", hint="u = 0 is the smallest sample, 0")
    assert_close(got[1], np.log(2) / 2, name="median at u = 0.5")
    assert_close(got[2], 20 * np.log(2) / 2, rtol=1e-9, name="sample at u close to 1",
                 hint="u near 1 is the far tail: x = -log(1 - u) / rate grows without bound")


@check("sample_exponential", points=1)
def test_sample_exponential_leaves_inputs_alone():
    u = np.random.default_rng(530).random(200)
    _leaves_inputs_alone("sample_exponential", lambda a: pr.sample_exponential(a, 2.5), u)
