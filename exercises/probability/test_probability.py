"""Public checks for the probability topic: the basics. The hidden checks go further
(stability at ±1000 and at an offset of 1e9, zeros, edge cases, agreement with scipy)."""
import numpy as np
import scipy.special
import scipy.stats

from grader.check import assert_close, assert_shape, check, expect, learner

pr = learner("probability")


@check("logsumexp", points=1)
def test_logsumexp_small_matrix():
    x = np.random.default_rng(0).normal(size=(3, 5))
    got = pr.logsumexp(x, axis=1)
    assert_shape(got, (3,), name="logsumexp(x, axis=1)")
    assert_close(got, scipy.special.logsumexp(x, axis=1), name="logsumexp(x, axis=1)")


@check("logsumexp", points=1)
def test_logsumexp_large_values():
    got = pr.logsumexp(np.array([1000.0, 1000.0, 999.0]))
    assert_close(got, 1000.0 + np.log(2 + np.exp(-1.0)), name="logsumexp([1000, 1000, 999])",
                 hint="exp(1000) overflows: subtract the maximum first")


@check("welford", points=1)
def test_welford_on_a_generator():
    x = np.random.default_rng(1).normal(size=15)
    mean, var = pr.welford((float(v) for v in x), ddof=1)
    assert_close(mean, x.mean(), name="mean")
    assert_close(var, x.var(ddof=1), name="var (ddof=1)", hint="iterate over xs once (it is a generator); divide M2 by n - ddof")


@check("mle", points=1)
def test_gaussian_mle_is_biased():
    x = np.random.default_rng(2).normal(size=11)
    mu, var = pr.gaussian_mle(x)
    assert_close(mu, x.mean(), name="mu")
    assert_close(var, x.var(ddof=0), name="var", hint="the MLE divides by n")


@check("mle", points=1)
def test_bernoulli_mle():
    assert_close(pr.bernoulli_mle(np.array([1, 0, 1, 1, 0])), 0.6, name="p")


@check("beta_binomial_update", points=1)
def test_beta_binomial_uniform_prior():
    a, b, mean, (lo, hi) = pr.beta_binomial_update(1.0, 1.0, 7, 10)
    assert_close([a, b], [8.0, 4.0], name="(alpha_post, beta_post)")
    assert_close(mean, 8 / 12, name="posterior mean")
    assert_close([lo, hi], scipy.stats.beta.ppf([0.025, 0.975], 8, 4), name="95% credible interval")


@check("bootstrap_ci", points=1)
def test_bootstrap_mean_interval():
    x = np.random.default_rng(3).normal(size=20)
    lo, hi = pr.bootstrap_ci(x, np.mean, n_resamples=500, confidence=0.9, rng=np.random.default_rng(0))
    rng = np.random.default_rng(0)
    means = x[rng.integers(0, 20, size=(500, 20))].mean(axis=1)
    assert_close([lo, hi], np.percentile(means, [5, 95]), name="(lo, hi)")


@check("welch_t_test", points=1)
def test_welch_matches_scipy():
    rng = np.random.default_rng(4)
    a, b = rng.normal(0, 1, size=10), rng.normal(1, 3, size=24)
    t, df, p = pr.welch_t_test(a, b)
    ref = scipy.stats.ttest_ind(a, b, equal_var=False)
    assert_close([t, df, p], [ref.statistic, ref.df, ref.pvalue], name="(t, df, p)")


@check("permutation_test", points=1)
def test_permutation_p_in_range():
    rng = np.random.default_rng(5)
    a, b = rng.normal(size=12), rng.normal(size=9)
    p = pr.permutation_test(a, b, n_permutations=199, rng=np.random.default_rng(1))
    expect(1 / 200 <= p <= 1, "p = (count + 1) / (n_permutations + 1) lies in [1/(n+1), 1]")
    expect(abs(p * 200 - round(p * 200)) < 1e-9, "p should be (an integer + 1) / (n_permutations + 1)")


@check("entropy", points=1)
def test_entropy_and_cross_entropy():
    p = np.array([0.5, 0.25, 0.25, 0.0])
    q = np.array([0.25, 0.25, 0.25, 0.25])
    assert_close(pr.entropy(p), 1.5 * np.log(2), name="entropy(p)", hint="natural log; 0 log 0 = 0")
    assert_close(pr.cross_entropy(p, q), np.log(4), name="cross_entropy(p, q)")


@check("kl_gaussian", points=1)
def test_kl_gaussian_unit_shift():
    assert_close(pr.kl_gaussian(0.0, 1.0, 1.0, 1.0), 0.5, name="KL(N(0,1) || N(1,1))")
    assert_close(pr.kl_gaussian(0.0, 1.0, 0.0, 1.0), 0.0, name="KL(p || p)")


@check("sample_exponential", points=1)
def test_sample_exponential_formula():
    u = np.random.default_rng(6).random((3, 4))
    got = pr.sample_exponential(u, 2.0)
    assert_shape(got, (3, 4), name="samples")
    assert_close(got, -np.log(1 - u) / 2.0, rtol=1e-9, name="samples")
