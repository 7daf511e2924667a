"""Hidden checks for the probability topic: every answer is compared with scipy / numpy / torch
or with a property, on seeded random inputs with distinct sizes per axis.

Each check establishes the pinned type (and shape, dtype) with its own message before it compares
values, and a single number is compared with :func:`_close`, whose message never gives the expected
value away (``assert_close`` names the largest error, which for one number is the answer)."""
import math

import numpy as np
import pytest
import scipy.integrate
import scipy.special
import scipy.stats
import torch

from grader.check import as_number, assert_close, assert_shape, check, describe, expect, expect_number_close, learner

pr = learner("probability")


def _leaves_inputs_alone(name: str, call, *arrays) -> None:
    """Call ``call(*arrays)`` and fail if any of the arrays changed."""
    before = [a.copy() for a in arrays]
    call(*arrays)
    for i, (a, b) in enumerate(zip(arrays, before)):
        expect(np.array_equal(a, b, equal_nan=True),
               f"{name} modified its argument {i + 1} in place: the caller's data must stay as it was; "
               "work on a copy (np.array(x, dtype=float)) when you need to change values")


def _float(value, name: str) -> float:
    """``value`` must be a float (a Python float or numpy.float64): a pinned type, checked first."""
    expect(isinstance(value, float),
           f"{name} is {describe(value)}; the brief asks for a float (a Python float or numpy.float64)")
    return float(value)


def _tuple(value, length: int, name: str, what: str) -> tuple:
    expect(isinstance(value, tuple), f"{name} returns {describe(value)}; the brief asks for a tuple {what}")
    expect(len(value) == length, f"{name} returns a tuple of {len(value)}; the brief asks for {what}")
    return value


def _array(value, shape, name: str, hint: str = "") -> np.ndarray:
    """``value`` must be a float64 ndarray of ``shape``: type, dtype and shape, each with its own message."""
    expect(isinstance(value, np.ndarray), f"{name} is {describe(value)}; the brief asks for a float64 numpy array")
    expect(value.dtype == np.float64, f"{name} has dtype {value.dtype}; the brief asks for float64")
    assert_shape(value, shape, name=name, hint=hint)
    return value


def _close(got: float, want: float, name: str, hint: str = "", rtol: float = 1e-7, atol: float = 1e-9) -> None:
    """One number against the reference; the message never gives the expected value."""
    expect_number_close(got, want, rtol=rtol, atol=atol, name=name, hint=hint)


# --- logsumexp ---------------------------------------------------------------------------------

@check("logsumexp", points=1, pins=["lse-drop-axis", "lse-negative-axis", "lse-banned-any-path"])
@pytest.mark.parametrize("shape,axis", [((4, 12, 16), 0), ((4, 12, 16), 1), ((4, 12, 16), 2), ((4, 12, 16), -1),
                                        ((1, 5, 3), 0), ((1, 5, 3), -1), ((5, 1, 3), -2)],
                         ids=["axis0", "axis1", "axis2", "axis-1", "length1_axis0", "length1_axis-1",
                              "length1_axis-2"])
def test_logsumexp_matches_scipy_along_each_axis(shape, axis):
    x = np.random.default_rng(100).normal(size=shape)
    got = pr.logsumexp(x.copy(), axis=axis)
    want = scipy.special.logsumexp(x, axis=axis)
    _array(got, want.shape, name=f"logsumexp(x of shape {shape}, axis={axis})",
           hint="reduce over `axis` and drop only that axis (no keepdims): np.squeeze(out, axis=axis); "
                "np.squeeze(out) also drops the other axes of length 1")
    assert_close(got, want, name="logsumexp(x, axis)")


@check("logsumexp", points=1, pins=["lse-axis-none-float"])
@pytest.mark.parametrize("how", ["explicit", "default"], ids=["axis_none", "axis_omitted"])
def test_logsumexp_axis_none_reduces_everything_to_a_float(how):
    x = np.random.default_rng(101).normal(size=(5, 7, 3))
    got = pr.logsumexp(x, axis=None) if how == "explicit" else pr.logsumexp(x)
    call = "logsumexp(x, axis=None)" if how == "explicit" else "logsumexp(x) (axis left at its default, None)"
    expect(not isinstance(got, np.ndarray),
           f"{call} returns {describe(got)}; the brief asks for a float: convert with float(...) "
           "(or reduce without keepdims)")
    _close(_float(got, call), scipy.special.logsumexp(x), name=call,
           hint="axis=None reduces over every element of x, whatever its shape")


@check("logsumexp", points=2, pins=["lse-stable-1000"])
@pytest.mark.parametrize("sign", [1, -1], ids=["plus1000", "minus1000"])
def test_logsumexp_is_stable_at_1000(sign):
    x = sign * 1000.0 + np.random.default_rng(102).normal(size=(6, 9))
    with np.errstate(all="ignore"):
        got = pr.logsumexp(x, axis=1)
    want = scipy.special.logsumexp(x, axis=1)
    _array(got, (6,), name="logsumexp(x, axis=1)")
    expect(np.all(np.isfinite(got)),
           "logsumexp overflows or underflows at ±1000: subtract the maximum of each slice before exp")
    assert_close(got, want, name="logsumexp(±1000 + noise, axis=1)")


@check("logsumexp", points=2, pins=["lse-own-max"])
def test_logsumexp_shifts_each_slice_by_its_own_max():
    rng = np.random.default_rng(103)
    x = rng.normal(size=(3, 11)) + np.array([[900.0], [0.0], [-900.0]])   # rows at very different scales
    with np.errstate(all="ignore"):
        got = pr.logsumexp(x, axis=1)
    _array(got, (3,), name="logsumexp(x, axis=1)")
    assert_close(got, scipy.special.logsumexp(x, axis=1), name="logsumexp(rows at ±900, axis=1)",
                 hint="shift every slice by its own maximum, not by one global maximum")


@check("logsumexp", points=2, pins=["lse-max-not-mean", "lse-all-neginf"])
@pytest.mark.parametrize("axis", [1, 0], ids=["rows", "columns"])
def test_logsumexp_shifts_by_the_max_not_the_mean(axis):
    # within one slice the values spread over ±1000, so the mean is far from the maximum; some
    # slices mix -inf entries (probability 0) with finite ones
    x = np.array([[-1000.0, 800.0, 0.0, 5.0, 1.0],
                  [-1500.0, 0.0, -2.0, 1.0, -3.0],
                  [700.0, -700.0, 699.0, 3.0, -np.inf],
                  [-np.inf, 3.0, -np.inf, 2.0, -1.0]])
    x = x if axis == 1 else x.T.copy()
    with np.errstate(all="ignore"):
        got = pr.logsumexp(x.copy(), axis=axis)
    _array(got, (4,), name=f"logsumexp(x, axis={axis})")
    expect(not np.isnan(got).any(), "a slice with some -inf entries gave NaN: exp(-inf - max) is 0, "
                                    "so shift by the maximum of the slice (finite whenever one entry is)")
    expect(np.all(np.isfinite(got)), "logsumexp overflows when a slice spreads over ±1000: shift by the "
                                     "maximum of each slice (the mean is not enough: exp(x - mean) still overflows)")
    assert_close(got, scipy.special.logsumexp(x, axis=axis), name="logsumexp of slices spread over ±1000")


@check("logsumexp", points=1, pins=["lse-all-neginf"])
def test_logsumexp_all_minus_inf_slice_is_minus_inf():
    x = np.random.default_rng(104).normal(size=(3, 5))
    x[1] = -np.inf
    with np.errstate(all="ignore"):
        got = pr.logsumexp(x, axis=1)
    _array(got, (3,), name="logsumexp(x, axis=1)")
    expect(not np.isnan(got[1]), "a slice that is all -inf gives NaN: -inf - (-inf) is NaN, so shift that slice by 0")
    expect(got[1] == -np.inf, "a slice that is all -inf should give -inf (the log of a sum of zeros)")
    assert_close(got[[0, 2]], scipy.special.logsumexp(x[[0, 2]], axis=1), name="the finite rows")
    with np.errstate(all="ignore"):
        whole = pr.logsumexp(np.full(4, -np.inf))
    expect(not isinstance(whole, np.ndarray) and isinstance(whole, float) and whole == -np.inf,
           "logsumexp of an all -inf vector (axis=None) should be the float -inf")


@check("logsumexp", points=1, pins=["lse-no-mutation"])
def test_logsumexp_does_not_mutate_input():
    x = np.random.default_rng(105).normal(size=(4, 6)) * 50
    before = x.copy()
    pr.logsumexp(x, axis=0)
    pr.logsumexp(x)
    expect(np.array_equal(x, before), "logsumexp changed its input array in place: work on a copy (x - m creates one)")


# --- welford -----------------------------------------------------------------------------------

def _stream(values):
    """A one-shot generator: a second pass over it sees nothing."""
    return (float(v) for v in values)


def _moments(result, call: str = "welford") -> tuple[float, float]:
    mean, var = _tuple(result, 2, call, "(mean, var)")
    return _float(mean, "the mean"), _float(var, "the variance")


@check("welford", points=1, pins=["wf-one-pass", "wf-ddof", "wf-no-array-methods"])
@pytest.mark.parametrize("ddof", [0, 1], ids=["ddof0", "ddof1"])
def test_welford_matches_numpy_on_a_generator(ddof):
    x = np.random.default_rng(200).normal(3.0, 2.0, size=37)
    mean, var = _moments(pr.welford(_stream(x), ddof=ddof))
    _, var_from_list = _moments(pr.welford([float(v) for v in x], ddof=ddof))
    once = ("your answer on a list differs from the one on a generator: iterate over xs only once "
            "(a generator is empty the second time)")
    if abs(var_from_list - var) > 1e-9 * abs(var_from_list) + 1e-12 or math.isnan(mean):
        raise AssertionError(once)
    _close(mean, np.mean(x), name="mean")
    _close(var, np.var(x, ddof=ddof), name=f"var (ddof={ddof})",
           hint="divide the sum of squared deviations M2 by n - ddof")


@check("welford", points=1, pins=["wf-ddof-default"])
def test_welford_ddof_defaults_to_zero():
    x = np.random.default_rng(201).uniform(-5, 5, size=23)
    mean, var = _moments(pr.welford(_stream(x)), "welford(xs)")
    _close(var, np.var(x), name="var with the default ddof", hint="the default is ddof=0")


@check("welford", points=1, pins=["wf-list-or-generator", "wf-ddof"])
def test_welford_accepts_a_list_and_ddof_2():
    x = list(np.random.default_rng(202).exponential(size=19))
    mean, var = _moments(pr.welford(x, ddof=2))
    _close(mean, np.mean(x), name="mean")
    _close(var, np.var(x, ddof=2), name="var (ddof=2)")


@check("welford", points=1, pins=["wf-tuple-of-floats"])
def test_welford_returns_a_tuple_of_floats():
    values = [3, 1, 4, 1, 5, 9, 2, 6]                                   # ints in, floats out
    result = pr.welford(iter(values), ddof=1)
    expect(isinstance(result, tuple), f"welford returns {describe(result)}; the brief asks for the tuple (mean, var)")
    mean, var = _moments(result)
    _close(mean, float(np.mean(values)), name="mean of ints")
    _close(var, float(np.var(values, ddof=1)), name="var of ints (ddof=1)")


@check("welford", points=2, pins=["wf-stable-offset"])
def test_welford_is_stable_with_a_huge_offset():
    x = 1e9 + np.random.default_rng(203).normal(size=1000)
    mean, var = _moments(pr.welford(_stream(x), ddof=1))
    # rtol 1e-6: the data are rounded to 1.2e-7 near 1e9; Welford keeps ~1e-8, Σx² - (Σx)²/n keeps nothing.
    _close(mean, np.mean(x), rtol=1e-12, name="mean at offset 1e9")
    _close(var, np.var(x, ddof=1), rtol=1e-6, name="var at offset 1e9",
           hint="Σx² - (Σx)²/n cancels catastrophically: update the mean and M2 = Σ(x - mean)² incrementally")


@check("welford", points=1, pins=["wf-ddof"])
def test_welford_is_exact_at_a_tiny_scale():
    # values about 1e-12 (variance about 1e-24): mean and variance scale with the data, so a correct
    # one pass keeps ~1e-15 relative accuracy; an absolute epsilon, or a start that is not the neutral
    # (n, mean, M2) = (0, 0, 0), leaves a rounding error of ~1e-16 that swamps everything here
    x = 1e-12 * np.random.default_rng(204).normal(3.0, 2.0, size=41)
    mean, var = _moments(pr.welford(_stream(x), ddof=1))
    hint = ("mean and var scale with the data: no absolute epsilon or threshold, and start from "
            "n = 0, mean = 0, M2 = 0 (or from the first value)")
    _close(mean, np.mean(x), rtol=1e-9, atol=0, name="mean of values about 1e-12", hint=hint)
    _close(var, np.var(x, ddof=1), rtol=1e-9, atol=0, name="var of values about 1e-12", hint=hint)


@check("welford", points=1, pins=["wf-empty-nan", "wf-n-le-ddof-nan"])
def test_welford_edge_cases():
    mean, var = _moments(pr.welford(_stream([]), ddof=0), "welford(empty)")
    expect(math.isnan(mean) and math.isnan(var), "an empty stream should give (nan, nan)")
    mean, var = _moments(pr.welford(_stream([4.5]), ddof=1))
    _close(mean, 4.5, name="mean of one value")
    expect(math.isnan(var), "with n <= ddof the variance is undefined: return nan")
    mean, var = _moments(pr.welford(_stream([4.5]), ddof=0))
    _close(var, 0.0, name="var of one value with ddof=0")
    mean, var = _moments(pr.welford(_stream([4.5]), ddof=2))
    expect(math.isnan(var),
           "with n < ddof the variance is undefined too: return nan whenever n <= ddof, not only when n == ddof")
    mean, var = _moments(pr.welford(_stream([1.5, 2.5]), ddof=2))
    expect(math.isnan(var), "with n == ddof the variance is undefined (0 / 0): return nan")


# --- mle ---------------------------------------------------------------------------------------

def _gaussian_floats(result) -> tuple[float, float]:
    mu, var = _tuple(result, 2, "gaussian_mle", "(mu, var)")
    return _float(mu, "mu of a 1-D sample"), _float(var, "var of a 1-D sample")


def _gaussian_arrays(result, d: int) -> tuple[np.ndarray, np.ndarray]:
    mu, var = _tuple(result, 2, "gaussian_mle", "(mu, var)")
    hint = "one estimate per column: reduce over axis 0 (the samples)"
    return _array(mu, (d,), name="mu", hint=hint), _array(var, (d,), name="var", hint=hint)


@check("mle", points=1, pins=["mle-1d-floats", "mle-biased"])
def test_gaussian_mle_1d_matches_numpy_biased():
    x = np.random.default_rng(300).normal(-1.5, 3.0, size=17)
    mu, var = _gaussian_floats(pr.gaussian_mle(x.copy()))
    _close(mu, np.mean(x), name="mu")
    _close(var, np.var(x, ddof=0), name="var", hint="the maximum-likelihood variance divides by n, not n - 1")


@check("mle", points=2, pins=["mle-rows-are-samples", "mle-2d-arrays", "mle-variance-not-std", "mle-no-var-method"])
def test_gaussian_mle_2d_is_per_column():
    x = np.random.default_rng(301).normal(size=(40, 6)) * np.arange(1, 7) + np.arange(6)
    mu, var = _gaussian_arrays(pr.gaussian_mle(x), 6)
    assert_close(mu, x.mean(axis=0), name="mu")
    assert_close(var, x.var(axis=0), name="var", hint="variance, not standard deviation, divided by n")


@check("mle", points=1, pins=["mle-width-one"])
def test_gaussian_mle_single_column_gives_arrays():
    x = np.random.default_rng(305).normal(4.0, 0.5, size=(30, 1))
    mu, var = _gaussian_arrays(pr.gaussian_mle(x), 1)
    assert_close(mu, x.mean(axis=0), name="mu of one column")
    assert_close(var, x.var(axis=0), name="var of one column")


@check("mle", points=2, pins=["mle-offset-stable"])
def test_gaussian_mle_is_stable_far_from_zero():
    rng = np.random.default_rng(306)
    x = 1e6 + rng.normal(size=(50, 3)) * np.array([1.0, 0.5, 2.0])
    mu, var = _gaussian_arrays(pr.gaussian_mle(x), 3)
    hint = "mean(x²) - mean(x)² cancels catastrophically at an offset of 1e6: average (x - mu)² instead"
    # the centred two-pass formula keeps ~1e-9 here; mean(x²) - mu² keeps ~1e-4 at best
    assert_close(mu, x.mean(axis=0), rtol=1e-12, name="mu at offset 1e6")
    assert_close(var, x.var(axis=0), rtol=1e-6, atol=0, name="var at offset 1e6", hint=hint)
    m, v = _gaussian_floats(pr.gaussian_mle(x[:, 0].copy()))
    _close(v, x[:, 0].var(), rtol=1e-6, atol=0, name="var of a 1-D sample at offset 1e6", hint=hint)


@check("mle", points=2, pins=["mle-biased"])
def test_gaussian_mle_maximises_the_likelihood():
    x = np.random.default_rng(302).normal(2.0, 0.7, size=25)
    mu, var = _gaussian_floats(pr.gaussian_mle(x))
    expect(var > 0, "the variance must be positive")

    def loglik(m, v):
        return scipy.stats.norm.logpdf(x, loc=m, scale=np.sqrt(v)).sum()

    best = loglik(mu, var)
    for dm, dv in [(1e-3, 0), (-1e-3, 0), (0, 1e-3), (0, -1e-3)]:
        expect(best >= loglik(mu + dm, var * (1 + dv)) - 1e-12,
               "moving (mu, var) a little raises the log-likelihood: these are not the maximum-likelihood values")


@check("mle", points=1, pins=["mle-no-smoothing"])
def test_bernoulli_mle_matches_mean_and_maximises_likelihood():
    x = (np.random.default_rng(303).random(53) < 0.3).astype(int)
    p = _float(pr.bernoulli_mle(x.copy()), "bernoulli_mle(x)")
    _close(p, x.mean(), name="p", hint="the maximum-likelihood p is the fraction of ones, no smoothing")
    ll = lambda q: scipy.stats.bernoulli.logpmf(x, q).sum()  # noqa: E731
    expect(ll(p) >= max(ll(p + 1e-3), ll(p - 1e-3)), "p is not the maximiser of the Bernoulli log-likelihood")


@check("mle", points=1, pins=["mle-bool-input", "mle-no-smoothing"])
def test_bernoulli_mle_bool_and_extremes():
    x = np.random.default_rng(304).random(31) < 0.6
    _close(_float(pr.bernoulli_mle(x), "bernoulli_mle(bools)"), x.mean(), name="p for a boolean array")
    _close(_float(pr.bernoulli_mle(np.zeros(9, dtype=int)), "bernoulli_mle(zeros)"), 0.0, name="p for all zeros",
           hint="no smoothing: all zeros gives 0.0")
    _close(_float(pr.bernoulli_mle(np.ones(9, dtype=int)), "bernoulli_mle(ones)"), 1.0, name="p for all ones")


@check("mle", points=1, pins=["mle-no-mutation"])
def test_mle_leaves_inputs_alone():
    rng = np.random.default_rng(160)
    _leaves_inputs_alone("gaussian_mle", pr.gaussian_mle, rng.normal(3.0, 2.0, size=(40, 3)))
    _leaves_inputs_alone("gaussian_mle", pr.gaussian_mle, rng.normal(size=25))
    _leaves_inputs_alone("bernoulli_mle", pr.bernoulli_mle, (rng.random(30) < 0.3).astype(float))


# --- beta_binomial_update ----------------------------------------------------------------------

CASES = [(1.0, 1.0, 7, 10), (2.5, 4.0, 3, 41), (0.5, 0.5, 0, 12), (30.0, 8.0, 19, 19)]


def _posterior(result) -> tuple[float, float, float, float, float]:
    """(a, b, mean, lo, hi) once the pinned types hold: a 4-tuple of floats whose last item is a 2-tuple."""
    a, b, mean, interval = _tuple(result, 4, "beta_binomial_update", "(alpha_post, beta_post, mean, (lo, hi))")
    a, b, mean = _float(a, "alpha_post"), _float(b, "beta_post"), _float(mean, "the posterior mean")
    expect(isinstance(interval, tuple),
           f"the interval is {describe(interval)}; the brief asks for a tuple (lo, hi) of two floats "
           "(tuple(float(v) for v in ...) turns the array ppf returns into one)")
    expect(len(interval) == 2, f"the interval has {len(interval)} items; the brief asks for (lo, hi)")
    return a, b, mean, _float(interval[0], "lo"), _float(interval[1], "hi")


@check("beta_binomial_update", points=1, pins=["bb-posterior", "bb-central", "bb-no-interval"])
@pytest.mark.parametrize("case", CASES, ids=["uniform", "informative", "jeffreys_no_success", "all_success"])
def test_beta_binomial_matches_scipy(case):
    alpha, beta, s, n = case
    a, b, mean, lo, hi = _posterior(pr.beta_binomial_update(alpha, beta, s, n, level=0.9))
    _close(a, alpha + s, name="alpha_post", hint="alpha gains the successes")
    _close(b, beta + n - s, name="beta_post", hint="beta gains the failures (trials - successes)")
    _close(mean, scipy.stats.beta.mean(alpha + s, beta + n - s), name="posterior mean")
    want_lo, want_hi = scipy.stats.beta.interval(0.9, alpha + s, beta + n - s)
    hint = "central interval: (1-level)/2 of the mass cut from each side"
    _close(lo, want_lo, name="lo", hint=hint)
    _close(hi, want_hi, name="hi", hint=hint)


@check("beta_binomial_update", points=2, pins=["bb-level-default", "bb-central"])
def test_beta_binomial_agrees_with_a_grid_posterior():
    alpha, beta, s, n = 3.0, 5.0, 11, 27
    _, _, mean, lo, hi = _posterior(pr.beta_binomial_update(alpha, beta, s, n))   # default level 0.95
    grid = np.linspace(0, 1, 20001)
    post = scipy.stats.beta.pdf(grid, alpha, beta) * scipy.stats.binom.pmf(s, n, grid)
    post /= scipy.integrate.trapezoid(post, grid)
    grid_mean = scipy.integrate.trapezoid(grid * post, grid)
    # the grid integral is exact to ~1e-8, so a looser tolerance here
    _close(mean, grid_mean, rtol=1e-6, name="posterior mean",
           hint="prior × likelihood ∝ p^(alpha+s-1) (1-p)^(beta+n-s-1)")
    inside = scipy.integrate.trapezoid(np.where((grid >= lo) & (grid <= hi), post, 0), grid)
    expect(abs(inside - 0.95) < 2e-3, "the interval does not hold 95% of the posterior mass (default level=0.95)")
    left = scipy.integrate.trapezoid(np.where(grid <= lo, post, 0), grid)
    expect(abs(left - 0.025) < 2e-3, "the interval is not central: put (1-level)/2 of the mass below lo")


@check("beta_binomial_update", points=1, pins=["bb-floats", "bb-interval-tuple"])
def test_beta_binomial_returns_floats_for_int_inputs():
    result = pr.beta_binomial_update(2, 3, 4, 9, level=0.8)          # every argument but level an int
    a, b, mean, lo, hi = _posterior(result)
    _close(a, 6.0, name="alpha_post")
    _close(b, 8.0, name="beta_post")
    want_lo, want_hi = scipy.stats.beta.ppf([0.1, 0.9], 6, 8)
    _close(lo, want_lo, name="lo (level=0.8)")
    _close(hi, want_hi, name="hi (level=0.8)")


@check("beta_binomial_update", points=1, pins=["bb-validate"])
def test_beta_binomial_rejects_impossible_counts():
    for s, n in [(5, 3), (-1, 4), (-2, -1)]:
        try:
            pr.beta_binomial_update(1.0, 1.0, s, n)
        except ValueError:
            continue
        except NotImplementedError:
            raise
        except Exception as error:  # noqa: BLE001
            raise AssertionError(f"successes={s}, trials={n} should raise ValueError, raised {type(error).__name__}")
        raise AssertionError(f"successes={s}, trials={n} is impossible: raise ValueError")
    for s, n in [(0, 0), (6, 6), (0, 5)]:                              # the ends of 0 <= successes <= trials
        _posterior(pr.beta_binomial_update(1.0, 2.0, s, n))


# --- bootstrap_ci ------------------------------------------------------------------------------

def _reference_bootstrap(x, statistic, n_resamples, confidence, seed):
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(x), size=(n_resamples, len(x)))
    values = [statistic(np.take(x, row)) for row in idx]
    alpha = 1 - confidence
    return np.quantile(values, [alpha / 2, 1 - alpha / 2])


def _interval(result, call: str = "bootstrap_ci") -> tuple[float, float]:
    lo, hi = _tuple(result, 2, call, "(lo, hi) of two floats (np.percentile returns an array: "
                                     "convert with float(lo), float(hi))")
    return _float(lo, "lo"), _float(hi, "hi")


@check("bootstrap_ci", points=1, pins=["bs-pinned-draws", "bs-one-call-per-row", "bs-percentiles", "bs-tuple-of-floats"])
@pytest.mark.parametrize("stat", ["mean", "median", "std"], ids=["mean", "median", "std"])
def test_bootstrap_matches_the_pinned_draws(stat):
    statistic = {"mean": np.mean, "median": np.median, "std": lambda v: float(np.std(v))}[stat]
    x = np.random.default_rng(500).gamma(2.0, size=29)
    lo, hi = _interval(pr.bootstrap_ci(x.copy(), statistic, n_resamples=300, confidence=0.9,
                                       rng=np.random.default_rng(7)))
    want_lo, want_hi = _reference_bootstrap(x, statistic, 300, 0.9, 7)
    hint = "draw idx = rng.integers(0, n, size=(n_resamples, n)) once; percentiles (1-c)/2 and (1+c)/2"
    _close(lo, want_lo, name=f"lo of the bootstrap interval of the {stat}", hint=hint)
    _close(hi, want_hi, name=f"hi of the bootstrap interval of the {stat}", hint=hint)


@check("bootstrap_ci", points=1, pins=["bs-defaults"])
def test_bootstrap_defaults():
    x = np.random.default_rng(501).normal(size=14)
    lo, hi = _interval(pr.bootstrap_ci(x, np.mean, rng=np.random.default_rng(3)))
    want_lo, want_hi = _reference_bootstrap(x, np.mean, 1000, 0.95, 3)
    _close(lo, want_lo, name="lo with the defaults", hint="defaults: n_resamples=1000, confidence=0.95")
    _close(hi, want_hi, name="hi with the defaults", hint="defaults: n_resamples=1000, confidence=0.95")


@check("bootstrap_ci", points=1, pins=["bs-rng-none-fresh"])
def test_bootstrap_without_rng_uses_a_fresh_generator():
    x = np.random.default_rng(504).normal(size=25)
    first = _interval(pr.bootstrap_ci(x, np.mean, n_resamples=400), "bootstrap_ci(x, np.mean) without rng")
    second = _interval(pr.bootstrap_ci(x, np.mean, n_resamples=400), "bootstrap_ci(x, np.mean) without rng")
    want_lo, want_hi = _reference_bootstrap(x, np.mean, 400, 0.95, 99)
    width = want_hi - want_lo
    for lo, hi in (first, second):
        # another random draw: the ends move by a few percent of the width, never by a quarter of it
        expect(abs(lo - want_lo) < 0.25 * width and abs(hi - want_hi) < 0.25 * width,
               "without rng the interval is far from the bootstrap interval: rng=None means np.random.default_rng()")
    expect(first != second, "two calls without rng gave the same interval: rng=None means a fresh "
                            "np.random.default_rng() on each call, not a fixed seed")


@check("bootstrap_ci", points=2, pins=["bs-with-replacement"])
def test_bootstrap_resamples_with_replacement():
    x = np.random.default_rng(502).normal(size=21)
    lo, hi = _interval(pr.bootstrap_ci(x, np.mean, n_resamples=200, rng=np.random.default_rng(4)))
    expect(hi - lo > 1e-6, "the interval of the mean has zero width: resample WITH replacement "
           "(a permutation of x always has the same mean)")
    expect(lo <= np.mean(x) <= hi, "the interval should contain the sample mean")


@check("bootstrap_ci", points=1, pins=["bs-percentiles"])
def test_bootstrap_agrees_with_scipy_percentile_method():
    x = np.random.default_rng(503).exponential(size=40)
    lo, hi = _interval(pr.bootstrap_ci(x, np.mean, n_resamples=4000, rng=np.random.default_rng(5)))
    ref = scipy.stats.bootstrap((x,), np.mean, n_resamples=4000, confidence_level=0.95, method="percentile",
                                random_state=np.random.default_rng(6)).confidence_interval
    # different random draws: agree up to Monte-Carlo noise (~1% of the interval width)
    width = ref.high - ref.low
    expect(abs(lo - ref.low) < 0.08 * width and abs(hi - ref.high) < 0.08 * width,
           "the interval is far from scipy.stats.bootstrap(method='percentile'): check the percentiles you take")


@check("bootstrap_ci", points=1, pins=["bs-no-mutation"])
def test_bootstrap_leaves_inputs_alone():
    x = np.random.default_rng(270).normal(size=33)
    _leaves_inputs_alone("bootstrap_ci", lambda a: pr.bootstrap_ci(a, np.mean, n_resamples=50,
                                                                   rng=np.random.default_rng(0)), x)


# --- welch_t_test ------------------------------------------------------------------------------

def _groups(seed, na, nb, sd_a, sd_b, shift):
    rng = np.random.default_rng(seed)
    return rng.normal(0.0, sd_a, size=na), rng.normal(shift, sd_b, size=nb)


def _welch(result) -> tuple[float, float, float]:
    t, df, p = _tuple(result, 3, "welch_t_test", "(t, df, p) of three floats")
    return _float(t, "t"), _float(df, "df"), _float(p, "p")


@check("welch_t_test", points=1, pins=["wt-unbiased-unpooled", "wt-welch-df", "wt-two-sided", "wt-tuple-of-floats",
                                       "wt-banned-any-path"])
@pytest.mark.parametrize("params", [(600, 12, 30, 1.0, 4.0, 1.0), (601, 25, 9, 3.0, 0.5, -0.8),
                                    (602, 40, 17, 1.0, 1.5, 0.0), (605, 2, 3, 1.0, 2.0, 0.5)],
                         ids=["small_vs_wide", "wide_vs_small", "null", "two_and_three"])
def test_welch_matches_scipy(params):
    a, b = _groups(*params)
    t, df, p = _welch(pr.welch_t_test(a.copy(), b.copy()))
    ref = scipy.stats.ttest_ind(a, b, equal_var=False)
    _close(t, ref.statistic, name="t",
           hint="t = (mean_a - mean_b) / sqrt(var_a/n_a + var_b/n_b), variances with ddof=1, not pooled")
    _close(df, ref.df, name="df", hint="Welch-Satterthwaite: (va/na + vb/nb)² / ((va/na)²/(na-1) + (vb/nb)²/(nb-1))")
    _close(p, ref.pvalue, name="p", hint="two-sided: 2 * P(T > |t|)")


@check("welch_t_test", points=1, pins=["wt-t-sign", "wt-two-sided"])
def test_welch_is_antisymmetric():
    a, b = _groups(603, 15, 22, 2.0, 1.0, 0.7)
    t1, df1, p1 = _welch(pr.welch_t_test(a, b))
    t2, df2, p2 = _welch(pr.welch_t_test(b, a))
    _close(t2, -t1, name="t(b, a)", hint="swapping the groups flips the sign of t")
    _close(p2, p1, name="p(b, a)", hint="a two-sided p does not depend on the order of the groups")
    expect(t1 < 0, "t should be mean_a - mean_b over its standard error (here a has the smaller mean)")


@check("welch_t_test", points=2, pins=["wt-two-sided"])
def test_welch_p_is_two_sided_for_both_signs():
    a, b = _groups(604, 18, 26, 1.0, 2.0, 1.2)
    for x, y in [(a, b), (b, a)]:
        t, df, p = _welch(pr.welch_t_test(x, y))
        ref = scipy.stats.ttest_ind(x, y, equal_var=False)
        want = 2 * scipy.stats.t.sf(abs(ref.statistic), ref.df)
        _close(p, want, name="p", hint="two-sided p = 2 * P(T > |t|), for positive and negative t alike")


@check("welch_t_test", points=1, pins=["wt-tiny-p-relative"])
def test_welch_tiny_p_is_relatively_accurate():
    a, b = _groups(610, 30, 25, 1.0, 1.5, 6.0)      # far apart: p is about 1e-21
    t, df, p = _welch(pr.welch_t_test(a, b))
    ref = scipy.stats.ttest_ind(a, b, equal_var=False)
    expect(p > 0, "p is 0 for groups far apart: 1 - t.cdf(|t|) rounds to 0 below 1e-16; "
                  "use t.sf(|t|) (or t.cdf(-|t|)), which keep tiny tail probabilities")
    # relative tolerance only: an absolute one would accept anything below 1e-9
    _close(p, ref.pvalue, rtol=1e-6, atol=0, name="a tiny p",
           hint="compute the tail directly with t.sf(|t|) (or t.cdf(-|t|)), not as 1 - t.cdf(|t|)")


@check("welch_t_test", points=1, pins=["wt-no-mutation"])
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


def _p(value, call: str = "permutation_test") -> float:
    return _float(value, f"the p-value {call} returns")


@check("permutation_test", points=1, pins=["pt-pinned-draws", "pt-abs-difference", "pt-plus-one", "pt-float"])
@pytest.mark.parametrize("params", [(700, 13, 19, 0.5), (701, 22, 8, -0.9), (702, 10, 15, 0.0)],
                         ids=["shift_up", "shift_down", "null"])
def test_permutation_matches_the_pinned_draws(params):
    seed, na, nb, shift = params
    rng = np.random.default_rng(seed)
    a, b = rng.normal(size=na), rng.normal(shift, size=nb)
    got = _p(pr.permutation_test(a.copy(), b.copy(), n_permutations=250, rng=np.random.default_rng(11)))
    _close(got, _reference_permutation(a, b, 250, 11), name="p",
           hint="one rng.permutation(pooled) per permutation; two-sided count of |diff| >= |observed|; "
                "p = (count + 1) / (n_permutations + 1)")


@check("permutation_test", points=1, pins=["pt-defaults"])
def test_permutation_default_number_of_permutations():
    rng = np.random.default_rng(706)
    a, b = rng.normal(size=11), rng.normal(0.4, size=14)
    got = _p(pr.permutation_test(a, b, rng=np.random.default_rng(17)), "permutation_test(a, b, rng=...)")
    _close(got, _reference_permutation(a, b, 1000, 17), name="p with the default n_permutations",
           hint="the default is n_permutations=1000, so p is a multiple of 1/1001")


@check("permutation_test", points=1, pins=["pt-rng-none-fresh", "pt-plus-one"])
def test_permutation_without_rng():
    # inputs whose p does not depend on the draws: groups so far apart that no permutation reaches the
    # observed difference (p = 1/(n+1)), and groups of one repeated value (every |diff| = 0 >= 0: p = 1)
    rng = np.random.default_rng(707)
    a, b = rng.normal(size=12), rng.normal(8.0, size=15)   # C(27, 12) splits: a repeat is ~1e-5 likely
    p = _p(pr.permutation_test(a, b, n_permutations=99), "permutation_test(a, b, 99) without rng")
    _close(p, 1 / 100, name="p without rng for groups far apart",
           hint="rng=None means np.random.default_rng(); p = (count + 1) / (n_permutations + 1)")
    same = np.full(7, 2.5)
    p = _p(pr.permutation_test(same, same[:5].copy(), n_permutations=49), "permutation_test(...) without rng")
    _close(p, 1.0, name="p without rng when every value is the same",
           hint="every permutation ties with the observed difference 0 and ties count (>=)")


@check("permutation_test", points=1, pins=["pt-ties-count"])
def test_permutation_counts_ties():
    # 0/1 outcomes (an A/B test): many permutations give exactly the observed |difference|, and the
    # pinned rule counts them (>=). Sums of 0/1 values are exact, so these ties are exact too.
    rng = np.random.default_rng(705)
    a, b = (rng.random(15) < 0.3).astype(float), (rng.random(12) < 0.6).astype(float)
    got = _p(pr.permutation_test(a.copy(), b.copy(), n_permutations=300, rng=np.random.default_rng(13)))
    _close(got, _reference_permutation(a, b, 300, 13), name="p for 0/1 outcomes",
           hint="permutations whose |mean(a*) - mean(b*)| equals the observed one count too: use >=, not >")


@check("permutation_test", points=1, pins=["pt-plus-one"])
def test_permutation_p_is_never_zero():
    rng = np.random.default_rng(703)
    a, b = rng.normal(size=12), rng.normal(5.0, size=14)    # so far apart that no permutation beats it
    p = _p(pr.permutation_test(a, b, n_permutations=99, rng=np.random.default_rng(1)))
    _close(p, 1 / 100, name="p for an extreme difference",
           hint="count the observed labelling itself: p = (count + 1) / (n_permutations + 1)")


@check("permutation_test", points=2, pins=["pt-abs-difference"])
def test_permutation_is_two_sided_and_close_to_scipy():
    rng = np.random.default_rng(704)
    a, b = rng.normal(size=16), rng.normal(0.6, size=11)
    for x, y in [(a, b), (b, a)]:
        p = _p(pr.permutation_test(x, y, n_permutations=2000, rng=np.random.default_rng(2)))
        ref = scipy.stats.permutation_test((x, y), lambda u, v, axis: np.mean(u, axis=axis) - np.mean(v, axis=axis),
                                           n_resamples=2000, alternative="two-sided", vectorized=True,
                                           random_state=np.random.default_rng(3)).pvalue
        # different random draws: Monte-Carlo noise on p is about 0.01 here
        expect(abs(p - ref) < 0.05, "p is far from scipy.stats.permutation_test(two-sided): use |difference in means| "
                                    "so both tails count, whichever group has the larger mean")


@check("permutation_test", points=1, pins=["pt-no-mutation"])
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


@check("entropy", points=1, pins=["ent-last-axis", "ent-nats", "ent-banned-any-path"])
def test_entropy_matches_scipy_along_last_axis():
    p = _distributions(800, (5, 13))
    got = _array(pr.entropy(p.copy()), (5,), name="entropy(p) of shape (5, 13)",
                 hint="one entropy per row: sum over the last axis")
    assert_close(got, scipy.stats.entropy(p, axis=-1), name="entropy(p)", hint="natural log (nats), not log2")


@check("entropy", points=2, pins=["ent-zero-terms"])
def test_entropy_zero_probabilities_count_as_zero():
    p = _distributions(801, (4, 9), zeros=3)
    with np.errstate(all="ignore"):
        got = _array(pr.entropy(p), (4,), name="entropy(p) of shape (4, 9)")
    assert_close(got, scipy.stats.entropy(p, axis=-1), name="entropy(p) with zeros",
                 hint="0 · log 0 = 0: skip (or mask) the zero probabilities")
    one_hot = np.eye(6)[2]
    with np.errstate(all="ignore"):
        h = _float(pr.entropy(one_hot), "entropy of a (k,) vector")
    _close(h, 0.0, name="entropy(one-hot)", hint="0 · log 0 = 0 and 1 · log 1 = 0")


@check("entropy", points=1, pins=["ent-nats", "ent-last-axis"])
def test_cross_entropy_matches_reference():
    p, q = _distributions(802, (3, 11)), _distributions(803, (3, 11))
    got = _array(pr.cross_entropy(p.copy(), q.copy()), (3,), name="cross_entropy(p, q) of shape (3, 11)",
                 hint="sum over the last axis")
    want = scipy.stats.entropy(p, axis=-1) + scipy.stats.entropy(p, q, axis=-1)   # H(p) + KL(p||q)
    assert_close(got, want, name="cross_entropy(p, q)", hint="H(p, q) = -Σ p log q, natural log; p weights, q inside the log")


@check("entropy", points=2, pins=["ent-zero-terms", "ent-inf-no-clip"])
def test_cross_entropy_zero_conventions():
    p = np.array([[0.0, 0.5, 0.5], [0.2, 0.8, 0.0], [0.3, 0.0, 0.7]])
    q = np.array([[0.0, 0.4, 0.6], [0.1, 0.9, 0.0], [0.5, 0.5, 0.0]])
    with np.errstate(all="ignore"):
        got = _array(pr.cross_entropy(p, q), (3,), name="cross_entropy(p, q) of shape (3, 3)")
    want = -np.sum(scipy.special.xlogy(p, q), axis=-1)
    expect(not np.isnan(got[:2]).any(), "a term with p = 0 and q = 0 gave NaN: terms with p = 0 contribute 0")
    assert_close(got[:2], want[:2], name="cross_entropy where p = 0 meets q = 0")
    expect(got[2] == np.inf, "q = 0 where p > 0 should give +inf (that event is impossible under q)")


@check("entropy", points=1, pins=["ent-nats"])
def test_entropy_properties():
    p = _distributions(804, (16,))
    h = _float(pr.entropy(p), "entropy of a (k,) vector")
    expect(0 <= h <= np.log(16) + 1e-12, "entropy of 16 outcomes lies in [0, log 16] nats")
    _close(_float(pr.entropy(np.full(7, 1 / 7)), "entropy of a (k,) vector"), np.log(7), name="entropy(uniform over 7)")
    _close(_float(pr.cross_entropy(p, p), "cross_entropy of (k,) vectors"), h, name="cross_entropy(p, p)",
           hint="H(p, p) = H(p)")


@check("entropy", points=1, pins=["ent-no-mutation"])
def test_entropy_leaves_inputs_alone():
    rng = np.random.default_rng(420)
    p, q = rng.dirichlet(np.ones(6), size=4), rng.dirichlet(np.ones(6), size=4)
    p[0, :2] = 0.0
    p[0] /= p[0].sum()
    _leaves_inputs_alone("entropy", pr.entropy, p)
    _leaves_inputs_alone("cross_entropy", pr.cross_entropy, p, q)


# --- kl_gaussian -------------------------------------------------------------------------------

def _torch_kl(mu1, var1, mu2, var2) -> np.ndarray:
    N = torch.distributions.Normal
    t = lambda v: torch.as_tensor(np.asarray(v, dtype=float))  # noqa: E731
    return torch.distributions.kl_divergence(N(t(mu1), t(var1).sqrt()), N(t(mu2), t(var2).sqrt())).numpy()


@check("kl_gaussian", points=2, pins=["kl-variances", "kl-direction", "kl-numpy-result", "kl-no-private-kl"])
def test_kl_gaussian_matches_torch_on_arrays():
    rng = np.random.default_rng(900)
    mu1, mu2 = rng.normal(size=(4, 7)), rng.normal(size=(4, 7))
    var1, var2 = rng.uniform(0.2, 3.0, size=(4, 7)), rng.uniform(0.2, 3.0, size=(4, 7))
    got = _array(pr.kl_gaussian(mu1.copy(), var1.copy(), mu2.copy(), var2.copy()), (4, 7), name="kl_gaussian(...)",
                 hint="work elementwise so the arguments broadcast")
    assert_close(got, _torch_kl(mu1, var1, mu2, var2), name="KL(N1 || N2)",
                 hint="½[log(var2/var1) + (var1 + (mu1-mu2)²)/var2 - 1]; the arguments are variances, not std")


@check("kl_gaussian", points=1, pins=["kl-broadcast"])
def test_kl_gaussian_broadcasts():
    rng = np.random.default_rng(902)
    mu1 = rng.normal(size=(5, 1))                        # one mean per row
    var1 = rng.uniform(0.3, 2.0, size=(1, 7))            # one variance per column
    mu2, var2 = 0.25, rng.uniform(0.3, 2.0, size=7)      # a scalar and a vector
    got = _array(pr.kl_gaussian(mu1, var1, mu2, var2), (5, 7), name="kl_gaussian of shapes (5, 1), (1, 7), (), (7,)",
                 hint="numpy broadcasting: write the formula elementwise on arrays, no loops over zip(...)")
    assert_close(got, _torch_kl(*np.broadcast_arrays(mu1, var1, mu2, var2)), name="broadcast KL(N1 || N2)")


@check("kl_gaussian", points=1, pins=["kl-direction", "kl-variances", "kl-numpy-result"])
@pytest.mark.parametrize("params", [(0.3, 0.5, -1.0, 2.5), (2.0, 4.0, 1.5, 0.8)], ids=["narrow_p", "wide_p"])
def test_kl_gaussian_matches_numerical_integral(params):
    mu1, var1, mu2, var2 = params
    p, q = scipy.stats.norm(mu1, np.sqrt(var1)), scipy.stats.norm(mu2, np.sqrt(var2))
    want, _ = scipy.integrate.quad(lambda x: p.pdf(x) * (p.logpdf(x) - q.logpdf(x)), -np.inf, np.inf)
    got = pr.kl_gaussian(mu1, var1, mu2, var2)
    if isinstance(got, np.ndarray):                       # a 0-d float64 array is allowed for scalars
        got = float(_array(got, (), name="kl_gaussian of four scalars"))
    # quad is accurate to ~1e-10 here
    _close(_float(got, "kl_gaussian of four scalars"), want, rtol=1e-7, atol=1e-8, name="KL(N1 || N2)",
           hint="KL(p || q) = E_p[log p - log q]: the expectation is under the FIRST Gaussian")


@check("kl_gaussian", points=1, pins=["kl-direction"])
def test_kl_gaussian_properties():
    rng = np.random.default_rng(901)
    mu, var = rng.normal(size=12), rng.uniform(0.1, 2, size=12)
    same = _array(pr.kl_gaussian(mu, var, mu, var), (12,), name="KL(p || p)")
    assert_close(same, np.zeros(12), name="KL(p || p)", hint="KL of a distribution with itself is 0")
    other = _array(pr.kl_gaussian(mu, var, mu + 1.0, var * 2.0), (12,), name="KL(p || q)")
    expect(np.all(other > 0), "KL between different Gaussians must be positive")


@check("kl_gaussian", points=1, pins=["kl-no-mutation"])
def test_kl_gaussian_leaves_inputs_alone():
    rng = np.random.default_rng(480)
    _leaves_inputs_alone("kl_gaussian", pr.kl_gaussian, rng.normal(size=5), rng.random(5) + 0.5,
                         rng.normal(size=5), rng.random(5) + 0.5)


# --- sample_exponential ------------------------------------------------------------------------

@check("sample_exponential", points=2, pins=["se-pinned-mapping", "se-new-array-same-shape", "se-no-frozen-ppf"])
def test_sample_exponential_is_the_pinned_inverse_cdf():
    u = np.random.default_rng(1000).random((4, 12, 16))
    got = _array(pr.sample_exponential(u.copy(), 2.5), u.shape, name="samples",
                 hint="transform u elementwise, keep its shape")
    # log(1-u) vs log1p(-u) differ by rounding only
    assert_close(got, -np.log1p(-u) / 2.5, rtol=1e-9, name="samples",
                 hint="pinned: x = -log(1 - u) / rate; check the sign, divide by the rate, and use 1 - u "
                      "(-log(u) has the right distribution but maps each u to a different sample)")


@check("sample_exponential", points=2, pins=["se-distribution"])
@pytest.mark.parametrize("rate", [0.4, 3.0], ids=["rate0.4", "rate3"])
def test_sample_exponential_passes_ks_test(rate):
    u = np.random.default_rng(1001).random(3000)
    x = _array(pr.sample_exponential(u, rate), (3000,), name="samples")
    expect(np.all(x >= 0), "exponential samples must be non-negative: check the sign of the log")
    result = scipy.stats.kstest(x, scipy.stats.expon(scale=1 / rate).cdf)
    expect(result.pvalue > 1e-3, "the samples do not follow Exponential(rate) (KS test): the mean should be 1/rate")


@check("sample_exponential", points=1, pins=["se-edges"])
def test_sample_exponential_edges():
    u = np.array([0.0, 0.5, 1 - 2.0 ** -20])
    got = _array(pr.sample_exponential(u, 2.0), (3,), name="samples")
    _close(float(got[0]), 0.0, name="the sample at u = 0", hint="u = 0 is the smallest sample, 0")
    _close(float(got[1]), np.log(2) / 2, name="the median at u = 0.5")
    _close(float(got[2]), 20 * np.log(2) / 2, rtol=1e-9, name="the sample at u close to 1",
           hint="u near 1 is the far tail: x = -log(1 - u) / rate grows without bound")


@check("sample_exponential", points=1, pins=["se-no-mutation"])
def test_sample_exponential_leaves_inputs_alone():
    u = np.random.default_rng(530).random(200)
    _leaves_inputs_alone("sample_exponential", lambda a: pr.sample_exponential(a, 2.5), u)
