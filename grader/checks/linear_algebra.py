"""Hidden checks for linear_algebra: the grade.

Every expected value comes from an independent reference (numpy / scipy LAPACK routines, torch
autograd in float64) or from a property (A x = b, Q^T Q = I, x^T A x = 0 for skew A, ...), on
seeded inputs whose axes all have different sizes. Tolerances are float64 (rtol 1e-7, atol 1e-9)
unless a comment says why an algorithm needs more.
"""
import numpy as np
import pytest
import scipy.differentiate  # noqa: F401  (these imports preload the modules whose functions
import scipy.linalg         #              the katas ban, so banning them costs nothing per run)
import scipy.optimize       # noqa: F401
import scipy.sparse.linalg  # noqa: F401
import scipy.special        # noqa: F401
import torch
import torch.func           # noqa: F401

from grader.check import assert_close, assert_shape, check, describe, expect, expect_number_close, expect_raises, learner

la = learner("linear_algebra")


def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def _solve_nonsingular(A, b, what: str):
    """lu_solve on a matrix that is invertible but needs a row swap: LinAlgError is a mistake here."""
    try:
        x = la.lu_solve(A.copy(), b.copy())
    except np.linalg.LinAlgError:
        raise AssertionError(
            f"lu_solve raised LinAlgError on {what}, which is invertible: pick the pivot as the largest "
            "|entry| of the column on or below the diagonal, swap it into place, and only then test it"
        ) from None
    _expect_float64_array(x, "x", b.shape, hint="x has the shape of b")
    return x


def _with_spectrum(eigenvalues, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """A symmetric matrix with the given eigenvalues, and the unit eigenvector of the first one."""
    n = len(eigenvalues)
    Q, _ = np.linalg.qr(_rng(seed).normal(size=(n, n)))     # a random orthogonal basis (check code may use qr)
    return (Q * np.asarray(eigenvalues, dtype=float)) @ Q.T, Q[:, 0]


def _expect_float64_array(value, name: str, shape=None, hint: str = "") -> None:
    """Type, dtype and shape first, each with its own message, before any value is compared."""
    expect(value is not None, f"{name} is None: did you forget a return statement?")
    expect(isinstance(value, np.ndarray), f"{name} is {describe(value)}; the brief asks for a float64 numpy array")
    expect(value.dtype == np.float64,
           f"{name} is {describe(value)}; the brief asks for float64 whatever the input dtype "
           "(convert with np.array(..., dtype=float) before computing)")
    if shape is not None:
        assert_shape(value, shape, name=name, hint=hint)


def _expect_python_float(value, name: str) -> None:
    expect(isinstance(value, float),
           f"{name} is {describe(value)}; the brief asks for a Python float (float(...); np.float64 is fine too)")


def _expect_pair(result, name: str) -> tuple:
    expect(isinstance(result, tuple), f"{name} returned {describe(result)}; the brief asks for a tuple of two")
    expect(len(result) == 2, f"{name} returned a tuple of {len(result)}; the brief asks for a tuple of two")
    return result


def _expect_scalar_close(value, expected: float, *, rtol: float, atol: float, name: str, hint: str) -> None:
    """A scalar answer: its type first, then closeness, reported without the number (it would leak)."""
    _expect_python_float(value, name)
    expect_number_close(value, expected, rtol=rtol, atol=atol, name=name, hint=hint)


def _same_up_to_sign(v, u, name: str, hint: str = "") -> None:
    v = np.asarray(v, dtype=float)
    sign = 1.0 if v @ u >= 0 else -1.0
    # Power iteration stops at ||v_new - v|| < tol = 1e-10, so the vector is only that accurate.
    assert_close(sign * v, u, rtol=1e-6, atol=1e-7, name=name, hint=hint)


# =============================================================================================
# lu_solve
# =============================================================================================

@check("lu_solve", points=1, pins=["float64-result", "ban-any-path"])
@pytest.mark.parametrize("n", [7, 13], ids=["n7", "n13"])
def test_lu_solve_random_systems_match_scipy(n):
    rng = _rng(100 + n)
    A, b = rng.normal(size=(n, n)), rng.normal(size=n)
    x = la.lu_solve(A.copy(), b.copy())
    _expect_float64_array(x, "x", (n,), hint="for a vector b, x is a vector of the same shape")
    assert_close(x, scipy.linalg.solve(A, b), name="x")


@check("lu_solve", points=2, pins=["matrix-rhs"])
def test_lu_solve_matrix_right_hand_side():
    rng = _rng(101)
    A, B = rng.normal(size=(9, 9)), rng.normal(size=(9, 4))
    X = la.lu_solve(A.copy(), B.copy())
    _expect_float64_array(X, "x", (9, 4), hint="for b of shape (n, k), solve all k columns at once: x is (n, k)")
    assert_close(X, scipy.linalg.solve(A, B), name="x",
                 hint="every row operation on A must be applied to whole rows of b")


@check("lu_solve", points=1, pins=["shape-of-b"])
def test_lu_solve_single_column_b_keeps_its_shape():
    # b of shape (n, 1) is a matrix with one column: x keeps the length-1 second axis.
    rng = _rng(106)
    A, b = rng.normal(size=(5, 5)), rng.normal(size=(5, 1))
    x = la.lu_solve(A.copy(), b.copy())
    _expect_float64_array(x, "x", (5, 1), hint="x has the shape of b: a (n, 1) b gives a (n, 1) x, not (n,)")
    assert_close(x, scipy.linalg.solve(A, b), name="x for a (n, 1) b")


@check("lu_solve", points=2, pins=["pivot-every-step"])
@pytest.mark.parametrize("case", ["tiny_pivot", "zero_diagonal"])
def test_lu_solve_needs_partial_pivoting(case):
    if case == "tiny_pivot":
        # Without a row swap the multiplier is 1e20 and x[0] comes out as 0 instead of about 1.
        A = np.array([[1e-20, 1.0, 0.0], [1.0, 1.0, 0.0], [0.0, 2.0, 3.0]])
        b = np.array([1.0, 2.0, 5.0])
    else:
        # Every diagonal entry is 0: elimination without a row swap divides by zero at once.
        A = _rng(102).normal(size=(8, 8))
        np.fill_diagonal(A, 0.0)
        b = _rng(103).normal(size=8)
    x = _solve_nonsingular(A, b, f"a matrix with a {case.replace('_', ' ')}")
    assert_close(x, scipy.linalg.solve(A, b), rtol=1e-7, atol=1e-9, name="x",
                 hint="at each step swap in the row with the largest |entry| in the pivot column "
                      "(not only when the diagonal is exactly 0)")


@check("lu_solve", points=1, pins=["pivot-largest-abs"])
@pytest.mark.parametrize("case", ["tiny_positive_pivot", "zero_positive_pivot"])
def test_lu_solve_pivots_on_the_largest_absolute_value(case):
    # The entry of largest magnitude in the pivot column is negative; the largest *signed* entry is
    # tiny (1e-11, still above 1e-12 * max|A|) or exactly 0.
    if case == "tiny_positive_pivot":
        A = np.array([[1e-11, 1.0, 0.0, 2.0], [-1.0, 1.0, 0.0, 0.0], [0.0, 2.0, 3.0, 1.0], [-0.5, 0.0, 1.0, 4.0]])
    else:
        A = np.array([[0.0, 1.0, 2.0], [-4.0, 1.0, 0.0], [0.0, 3.0, 1.0]])
    b = np.arange(1.0, A.shape[0] + 1.0)
    x = _solve_nonsingular(A, b, "a matrix whose largest-magnitude pivot candidates are negative")
    assert_close(x, scipy.linalg.solve(A, b), name="x",
                 hint="pick the row with the largest *absolute* value in the pivot column "
                      "(np.argmax(np.abs(...))): the largest entry may be negative")


@check("lu_solve", points=1, pins=["singular-raises"])
@pytest.mark.parametrize("case", ["duplicate_row", "rank_2_product", "zero_matrix"])
def test_lu_solve_singular_raises(case):
    rng = _rng(103)
    if case == "duplicate_row":
        A = rng.normal(size=(6, 6))
        A[4] = A[1]
    elif case == "rank_2_product":
        # Elimination leaves a pivot of about 1e-16, not exactly 0: compare with 1e-12 * max|A|.
        A = rng.normal(size=(5, 2)) @ rng.normal(size=(2, 5))
    else:
        A = np.zeros((4, 4))
    b = np.ones(A.shape[0])
    expect_raises(np.linalg.LinAlgError, lambda: la.lu_solve(A.copy(), b.copy()),
                  f"lu_solve on a singular matrix ({case}) should raise np.linalg.LinAlgError")


@check("lu_solve", points=1, pins=["singular-relative"])
@pytest.mark.parametrize("case", ["tiny_invertible", "huge_singular"])
def test_lu_solve_singularity_test_is_relative_to_the_scale_of_A(case):
    # Scaling A by a power of 2 changes no rounding: a test |pivot| <= 1e-12 * max|A| gives the same
    # verdict at every scale, an absolute threshold (|pivot| <= 1e-12) does not.
    rng = _rng(105)
    if case == "tiny_invertible":
        A, b = rng.normal(size=(7, 7)) * 2.0 ** -50, rng.normal(size=7)      # entries around 1e-15
        try:
            x = la.lu_solve(A.copy(), b.copy())
        except np.linalg.LinAlgError:
            raise AssertionError(
                "lu_solve raised LinAlgError on an invertible matrix whose entries are all tiny (about 1e-15): "
                "the singularity test must scale with A, |pivot| <= 1e-12 * max|A|, not an absolute threshold"
            ) from None
        _expect_float64_array(x, "x for a tiny-scaled A", (7,))
        assert_close(x, scipy.linalg.solve(A, b), name="x for a tiny-scaled A")
    else:
        A = rng.normal(size=(6, 2)) @ rng.normal(size=(2, 6)) * 2.0 ** 30    # rank 2, entries around 1e9
        try:
            la.lu_solve(A.copy(), np.ones(6))
        except np.linalg.LinAlgError:
            return
        raise AssertionError(
            "lu_solve returned a result for a singular matrix whose entries are about 1e9: its last pivots are "
            "rounding noise, far above an absolute 1e-12; compare |pivot| with 1e-12 * max|A|")


@check("lu_solve", points=1, pins=["inputs-unchanged", "new-result"])
def test_lu_solve_leaves_inputs_alone():
    rng = _rng(104)
    A, b, B = rng.normal(size=(6, 6)), rng.normal(size=6), rng.normal(size=(6, 3))
    A_before, b_before, B_before = A.copy(), b.copy(), B.copy()
    for rhs, before, what in [(b, b_before, "vector"), (B, B_before, "matrix")]:
        x = la.lu_solve(A, rhs)
        expect(np.array_equal(A, A_before), "lu_solve modified A: eliminate on a copy (np.array(A, dtype=float))")
        expect(np.array_equal(rhs, before), f"lu_solve modified the {what} b: work on a copy of the right-hand side")
        expect(isinstance(x, np.ndarray) and not np.shares_memory(x, rhs) and not np.shares_memory(x, A),
               f"x (for a {what} b) is, or shares memory with, an argument: return a new array")
        assert_close(x, scipy.linalg.solve(A_before, before), name=f"x for a {what} b")


@check("lu_solve", points=1, pins=["array-likes", "float64-result"])
@pytest.mark.parametrize("case", ["integer_arrays", "nested_lists", "float32"])
def test_lu_solve_accepts_array_likes_and_returns_float64(case):
    A_int, b_int = [[2, 1, 1], [4, -6, 0], [-2, 7, 2]], [5, -2, 9]
    if case == "integer_arrays":
        A, b = np.array(A_int), np.array(b_int)
    elif case == "nested_lists":
        A, b = A_int, b_int
    else:
        rng = _rng(107)
        A, b = rng.normal(size=(5, 5)).astype(np.float32), rng.normal(size=5).astype(np.float32)
    x = la.lu_solve(A, b)
    _expect_float64_array(x, f"x for {case.replace('_', ' ')} A and b", (len(b),))
    # float64 work on the same (float32-valued) numbers: float32 arithmetic would be ~1e-7 off.
    assert_close(x, scipy.linalg.solve(np.asarray(A, dtype=float), np.asarray(b, dtype=float)),
                 name=f"x for {case.replace('_', ' ')} A and b",
                 hint="convert to float64 first: an integer copy truncates every division, a float32 one "
                      "keeps only 7 digits")


# =============================================================================================
# gram_schmidt_qr
# =============================================================================================

def _reference_qr(A):
    """numpy's Householder QR with R's diagonal made positive: the unique reduced QR."""
    Q, R = np.linalg.qr(A)
    signs = np.sign(np.diag(R))
    return Q * signs, signs[:, None] * R       # flip column j of Q and row j of R together


@check("gram_schmidt_qr", points=2, pins=["reduced-shapes", "r-diagonal-positive", "ban-any-path"])
@pytest.mark.parametrize("shape", [(14, 6), (9, 9)], ids=["tall", "square"])
def test_qr_matches_the_unique_reduced_qr(shape):
    A = _rng(200 + shape[1]).normal(size=shape)
    Q, R = _expect_pair(la.gram_schmidt_qr(A.copy()), "gram_schmidt_qr")
    _expect_float64_array(Q, "Q", shape, hint="the reduced QR has Q of shape (m, n)")
    _expect_float64_array(R, "R", (shape[1], shape[1]), hint="R is (n, n)")
    Q_ref, R_ref = _reference_qr(A)
    assert_close(R, R_ref, name="R", hint="R must be upper triangular with a positive diagonal")
    assert_close(Q, Q_ref, name="Q")


@check("gram_schmidt_qr", points=1, pins=["r-diagonal-positive"])
def test_qr_r_is_upper_triangular_with_positive_diagonal():
    A = _rng(201).normal(size=(11, 5)) - 2.0
    Q, R = _expect_pair(la.gram_schmidt_qr(A.copy()), "gram_schmidt_qr")
    _expect_float64_array(Q, "Q", A.shape)
    _expect_float64_array(R, "R", (5, 5))
    expect(np.allclose(np.tril(R, -1), 0.0, atol=1e-12), "R has nonzero entries below the diagonal")
    expect(np.all(np.diag(R) > 0),
           "R has a non-positive diagonal entry: R[j, j] is the (positive) norm of what is left of column j")
    assert_close(Q @ R, A, name="Q @ R")


@check("gram_schmidt_qr", points=2, pins=["modified-gs"])
def test_qr_stays_orthogonal_on_an_ill_conditioned_matrix():
    # cond(A) = 1e9. Modified GS loses orthogonality like cond * eps (~1e-7 here); classical GS
    # like cond^2 * eps, i.e. completely. Householder QR would reach 1e-15; we ask for 1e-5.
    rng = _rng(202)
    m, n = 20, 7
    U, _ = np.linalg.qr(rng.normal(size=(m, n)))
    V, _ = np.linalg.qr(rng.normal(size=(n, n)))
    A = (U * np.logspace(0, -9, n)) @ V.T                     # (m, n) with singular values 1 .. 1e-9
    Q, R = _expect_pair(la.gram_schmidt_qr(A.copy()), "gram_schmidt_qr")
    _expect_float64_array(Q, "Q", (m, n))
    _expect_float64_array(R, "R", (n, n))
    loss = np.linalg.norm(Q.T @ Q - np.eye(n))
    expect(loss < 1e-5,
           "Q is far from orthogonal on an ill-conditioned A (cond 1e9): classical Gram-Schmidt projects "
           "column j on the *original* columns; modified GS removes each q_j from the *updated* later columns")
    assert_close(Q @ R, A, rtol=1e-7, atol=1e-12, name="Q @ R")


@check("gram_schmidt_qr", points=1, pins=["r-diagonal-positive", "reduced-shapes"])
def test_qr_of_orthogonal_columns_is_the_columns_scaled():
    # Columns that are already orthogonal (signed, scaled unit vectors; one of norm exactly 1): nothing
    # is subtracted, Q is A with each column scaled to unit norm and R is the diagonal of the norms.
    scales = np.array([2.0, -0.5, 1.0, 3.0])
    A = np.eye(7)[:, [4, 0, 6, 2]] * scales                            # (7, 4)
    try:
        Q, R = _expect_pair(la.gram_schmidt_qr(A.copy()), "gram_schmidt_qr")
    except np.linalg.LinAlgError:
        raise AssertionError(
            "gram_schmidt_qr raised LinAlgError on an A with orthogonal columns (full rank): raise only when "
            "what is left of column j is at most 1e-12 * ||A[:, j]|| (or exactly 0)") from None
    _expect_float64_array(Q, "Q for orthogonal columns", A.shape)
    _expect_float64_array(R, "R for orthogonal columns", (4, 4))
    assert_close(R, np.diag(np.abs(scales)), rtol=1e-12, atol=1e-12, name="R for orthogonal columns",
                 hint="nothing is removed from an orthogonal column: R is the diagonal of the column norms")
    assert_close(Q, A / np.abs(scales), rtol=1e-12, atol=1e-12, name="Q for orthogonal columns",
                 hint="each orthogonal column, divided by its norm, is already a column of Q")


@check("gram_schmidt_qr", points=1, pins=["rank-deficient-raises"])
@pytest.mark.parametrize("case", ["dependent_column", "zero_column"])
def test_qr_rank_deficient_raises(case):
    A = _rng(203).normal(size=(10, 4))
    if case == "dependent_column":
        A[:, 2] = 2.0 * A[:, 0] - A[:, 1]
    else:
        A[:, 3] = 0.0
    expect_raises(np.linalg.LinAlgError, lambda: la.gram_schmidt_qr(A.copy()),
                  f"gram_schmidt_qr on a rank-deficient A ({case}) should raise np.linalg.LinAlgError")


@check("gram_schmidt_qr", points=1, pins=["rank-relative-to-column"])
@pytest.mark.parametrize("case", ["tiny_column", "huge_dependent_column"])
def test_qr_rank_test_is_relative_to_each_column(case):
    # Scaling a column by a power of 2 changes no rounding in Gram-Schmidt: only a test relative to
    # that column's own norm gives the same verdict at every scale.
    A = _rng(205).normal(size=(10, 4))
    if case == "tiny_column":
        scales = np.array([1.0, 2.0 ** -50, 1.0, 1.0])            # column 1 around 1e-15, independent
        try:
            Q, R = _expect_pair(la.gram_schmidt_qr(A * scales), "gram_schmidt_qr")
        except np.linalg.LinAlgError:
            raise AssertionError(
                "gram_schmidt_qr raised LinAlgError on a full-rank A whose column 1 is tiny (about 1e-15): "
                "compare what is left of column j with 1e-12 * ||A[:, j]||, its own original norm, "
                "not with an absolute threshold or the norm of the whole matrix") from None
        Q_ref, R_ref = _reference_qr(A)
        _expect_float64_array(Q, "Q with a tiny column", A.shape)
        _expect_float64_array(R, "R with a tiny column", (4, 4))
        assert_close(Q, Q_ref, name="Q with a tiny column")
        assert_close(R / scales, R_ref, name="R with a tiny column (column 1 rescaled)")
    else:
        A = A * 2.0 ** 30                                         # entries around 1e9
        A[:, 2] = 2.0 * A[:, 0] - A[:, 1]
        try:
            la.gram_schmidt_qr(A.copy())
        except np.linalg.LinAlgError:
            return
        raise AssertionError(
            "gram_schmidt_qr returned a result for a rank-deficient A with entries about 1e9: what is left of the "
            "dependent column is rounding noise far above an absolute 1e-12; compare it with 1e-12 * ||A[:, j]||")


@check("gram_schmidt_qr", points=1, pins=["inputs-unchanged"])
def test_qr_leaves_input_alone():
    A = _rng(204).normal(size=(8, 3))
    before = A.copy()
    Q, R = _expect_pair(la.gram_schmidt_qr(A), "gram_schmidt_qr")
    expect(np.array_equal(A, before), "gram_schmidt_qr modified A: orthogonalise a copy (np.array(A, dtype=float))")
    expect(isinstance(Q, np.ndarray) and not np.shares_memory(Q, A),
           "Q shares memory with A: orthogonalise a copy and return it")
    assert_close(Q @ R, before, name="Q @ R")


@check("gram_schmidt_qr", points=1, pins=["array-likes", "float64-result", "tuple-result"])
@pytest.mark.parametrize("case", ["integer_array", "nested_lists", "float32"])
def test_qr_accepts_array_likes_and_returns_float64(case):
    A_int = [[1, 2, 0], [3, -1, 4], [0, 5, 1], [2, 2, 2], [-3, 0, 1]]
    A = {"integer_array": np.array(A_int), "nested_lists": A_int,
         "float32": _rng(206).normal(size=(7, 4)).astype(np.float32)}[case]
    A64 = np.asarray(A, dtype=float)
    Q, R = _expect_pair(la.gram_schmidt_qr(A), "gram_schmidt_qr")
    what = case.replace("_", " ")
    _expect_float64_array(Q, f"Q for {what} A", A64.shape)
    _expect_float64_array(R, f"R for {what} A", (A64.shape[1],) * 2)
    Q_ref, R_ref = _reference_qr(A64)
    assert_close(R, R_ref, name=f"R for {what} A",
                 hint="convert to float64 first: an integer copy truncates every division, float32 keeps 7 digits")
    assert_close(Q, Q_ref, name=f"Q for {what} A")


# =============================================================================================
# power_iteration
# =============================================================================================

def _power(A, name: str, **kwargs):
    """The learner's (lam, v) with its types checked first: a Python float and a float64 (n,) array."""
    lam, v = _expect_pair(la.power_iteration(A, **kwargs), "power_iteration")
    _expect_python_float(lam, f"the eigenvalue ({name})")
    _expect_float64_array(v, f"the eigenvector ({name})", (np.shape(A)[0],))
    return lam, v


_RAYLEIGH_HINT = "the eigenvalue is the Rayleigh quotient v @ A @ v of your unit eigenvector v"


@check("power_iteration", points=2, pins=["ban-any-path"])
def test_power_iteration_symmetric_matches_eigh():
    A, _ = _with_spectrum([10.0, 6.0, -5.0, 4.0, 3.0, 2.0, 1.0, 0.5, 0.1], seed=300)   # (9, 9)
    w, U = np.linalg.eigh(A)
    top = int(np.argmax(np.abs(w)))
    lam, v = _power(A.copy(), "symmetric A")
    _expect_scalar_close(lam, w[top], rtol=1e-8, atol=0.0, name="the eigenvalue",
                         hint="it should be the dominant one (largest |lambda|); " + _RAYLEIGH_HINT)
    _same_up_to_sign(v, U[:, top], name="eigenvector")


@check("power_iteration", points=2, pins=["negative-eigenvalue"])
def test_power_iteration_negative_dominant_eigenvalue():
    A, u = _with_spectrum([-8.0, 5.0, 3.0, -2.0, 1.0, 0.5, 0.2], seed=301)           # (7, 7)
    lam, v = _power(A.copy(), "negative dominant eigenvalue")
    _expect_scalar_close(lam, -8.0, rtol=1e-8, atol=0.0, name="the eigenvalue",
                         hint="the dominant eigenvalue here is negative: ||A v|| drops the sign, the Rayleigh "
                              "quotient v @ A @ v keeps it")
    _same_up_to_sign(v, u, name="eigenvector")


@check("power_iteration", points=1, pins=["non-symmetric"])
def test_power_iteration_non_symmetric_matches_eig():
    rng = _rng(302)
    S = rng.normal(size=(6, 6)) + 3 * np.eye(6)
    A = S @ np.diag([7.0, -3.0, 2.5, 1.0, -0.5, 0.2]) @ np.linalg.inv(S)   # real spectrum, not symmetric
    w, U = np.linalg.eig(A)
    top = int(np.argmax(np.abs(w)))
    u = np.real(U[:, top]) / np.linalg.norm(np.real(U[:, top]))
    lam, v = _power(A.copy(), "non-symmetric A")
    # For a non-symmetric A the Rayleigh quotient is only as accurate as v (~tol), not tol^2.
    _expect_scalar_close(lam, float(np.real(w[top])), rtol=1e-7, atol=1e-8, name="the eigenvalue",
                         hint="it should be the dominant one of a non-symmetric A; " + _RAYLEIGH_HINT)
    _same_up_to_sign(v, u, name="eigenvector")


@check("power_iteration", points=2, pins=["sign-largest-positive"])
def test_power_iteration_sign_convention():
    # The first matrix's dominant eigenvector has positive entries summing > 0 but its
    # largest-magnitude entry negative, so no starting vector gets the sign right by luck.
    u = np.array([0.3, -0.8, 0.35, 0.3, 0.25])
    u /= np.linalg.norm(u)
    basis = np.linalg.qr(np.column_stack([u, _rng(303).normal(size=(5, 4))]))[0]   # column 0 = +-u
    first = (basis * np.array([9.0, 4.0, 3.0, -2.0, 1.0])) @ basis.T
    second, _ = _with_spectrum([-6.0, 3.0, 2.0, 1.0], seed=304)
    third, _ = _with_spectrum([5.0, -4.0, 1.0, 0.5, 0.2, 0.1], seed=305)
    for name, A in [("first", first), ("second", second), ("third", third)]:
        lam, v = _power(A.copy(), f"{name} matrix")
        expect(abs(np.linalg.norm(v) - 1.0) < 1e-9, f"||v|| is not 1 on the {name} test matrix: return a unit vector")
        expect(v[np.argmax(np.abs(v))] > 0,
               f"on the {name} test matrix the entry of v with the largest magnitude is negative: "
               "the sign is pinned, flip v when that entry is negative")


@check("power_iteration", points=1, pins=["normalise-every-step", "inputs-unchanged"])
def test_power_iteration_normalises_every_step():
    # tol = 0 runs all num_iters steps; with eigenvalues near 1e3, A^1000 v overflows unless v is
    # rescaled at every step.
    A, u = _with_spectrum([1500.0, 900.0, -700.0, 300.0, 100.0], seed=306)
    before = A.copy()
    lam, v = _power(A, "1000 steps", num_iters=1000, tol=0.0)
    expect(np.array_equal(A, before), "power_iteration modified A")
    expect(np.all(np.isfinite(v)) and np.isfinite(lam),
           "the result is inf or NaN after 1000 steps: divide A v by its norm at every step, not only at the end")
    _expect_scalar_close(lam, 1500.0, rtol=1e-8, atol=0.0, name="the eigenvalue after 1000 steps",
                         hint=_RAYLEIGH_HINT)
    _same_up_to_sign(v, u, name="eigenvector")


def _distance_to(u):
    def distance(v) -> float:                 # sin of the angle between v and u: 0 when converged
        v = np.asarray(v, dtype=float)
        v = v / np.linalg.norm(v)
        return float(np.linalg.norm(v - (v @ u) * u))
    return distance


@check("power_iteration", points=1, pins=["num-iters", "stop-tol"])
def test_power_iteration_honours_num_iters_and_tol():
    # Eigenvalues 1 and 0.99: the error shrinks by 1% a step, so a few steps (or a loose tol) leave v
    # visibly short of the eigenvector, whatever start is chosen. Converging anyway means a limit is ignored.
    A, u = _with_spectrum([1.0, 0.99, 0.5, 0.2, 0.1, 0.05], seed=307)
    distance = _distance_to(u)
    _, v = _power(A.copy(), "num_iters = 3", num_iters=3, tol=0.0)
    expect(distance(v) > 1e-3, "with num_iters=3 and a slowly converging A, v came back already converged: "
                               "stop after num_iters steps")
    _, v = _power(A.copy(), "tol = 0.1", num_iters=1000, tol=0.1)
    expect(distance(v) > 1e-3, "with tol=0.1 and a slowly converging A, v came back fully converged: "
                               "stop as soon as ||v_new - v|| < tol")


@check("power_iteration", points=1, pins=["sign-every-step", "stop-tol"])
def test_power_iteration_tol_stops_early_for_a_negative_eigenvalue():
    # Dominant eigenvalue -1, next 0.99. With the sign fixed at every step, ||v_new - v|| falls below
    # tol = 0.1 while v is still about 0.05 away from the eigenvector (whatever the start). Compared
    # before the sign is fixed, v_new ~ -v and the test never passes: all 1000 steps run and v converges.
    A, u = _with_spectrum([-1.0, 0.99, 0.5, 0.2, 0.1, 0.05], seed=307)
    _, v = _power(A.copy(), "tol = 0.1, negative eigenvalue", num_iters=1000, tol=0.1)
    expect(_distance_to(u)(v) > 1e-2,
           "with tol=0.1 and a dominant eigenvalue of -1, v came back fully converged: the stopping test never "
           "fired. Fix the sign of v_new (largest-magnitude entry positive) before comparing it with v")


@check("power_iteration", points=1, pins=["rayleigh-of-returned-v", "num-iters", "sign-largest-positive"])
@pytest.mark.parametrize("steps", [1, 2], ids=["one_step", "two_steps"])
def test_power_iteration_eigenvalue_is_the_rayleigh_quotient_of_v(steps):
    # After 1 or 2 steps v is far from converged; lam must still be v @ A @ v for the v returned
    # (not the quotient of the previous iterate, not ||A v||).
    A, _ = _with_spectrum([5.0, 4.5, -4.0, 2.0, 1.0], seed=308)
    lam, v = _power(A.copy(), f"after {steps} step{'s' if steps > 1 else ''}", num_iters=steps, tol=0.0)
    expect(abs(np.linalg.norm(v) - 1.0) < 1e-12, "v is not a unit vector: normalise at every step")
    expect(v[np.argmax(np.abs(v))] > 0,
           "the entry of v with the largest magnitude is negative after a step: fix the sign at every step")
    _expect_scalar_close(lam, float(v @ A @ v), rtol=1e-12, atol=1e-12, name=f"lam after {steps} step(s)",
                         hint="lam must be the Rayleigh quotient v @ A @ v of the v you return, "
                              "computed after the last update of v")


@check("power_iteration", points=1, pins=["array-likes", "tuple-result", "lam-python-float", "v-float64-unit"])
@pytest.mark.parametrize("case", ["nested_lists", "float32"])
def test_power_iteration_accepts_array_likes_and_returns_a_float(case):
    if case == "nested_lists":
        A = [[2, 1, 0], [1, 3, 1], [0, 1, 4]]                  # integer entries, symmetric
    else:
        A, _ = _with_spectrum([4.0, -2.0, 1.0, 0.5], seed=309)
        A = A.astype(np.float32)
    A64 = np.asarray(A, dtype=float)
    w, U = np.linalg.eigh(A64)
    top = int(np.argmax(np.abs(w)))
    lam, v = _power(A, case.replace("_", " "))
    _expect_scalar_close(lam, float(w[top]), rtol=1e-8, atol=0.0, name=f"the eigenvalue for {case.replace('_', ' ')} A",
                         hint="work in float64: " + _RAYLEIGH_HINT)
    _same_up_to_sign(v, U[:, top], name="eigenvector")


# =============================================================================================
# low_rank_approx
# =============================================================================================

def _reference_low_rank(A, k):
    U, s, Vt = scipy.linalg.svd(A, full_matrices=False)
    return U[:, :k] @ np.diag(s[:k]) @ Vt[:k], float(np.sqrt(np.sum(s[k:] ** 2)))


def _low_rank(A, k, name: str):
    """The learner's (A_k, err) with its types checked first: a float64 (m, n) array and a Python float."""
    A_k, err = _expect_pair(la.low_rank_approx(A, k), "low_rank_approx")
    _expect_float64_array(A_k, f"A_k ({name})", np.shape(A), hint="A_k has the shape of A")
    _expect_python_float(err, f"err ({name})")
    return A_k, err


_FROBENIUS_HINT = ("err is the Frobenius norm ||A - A_k||_F: the root of the sum of the squared discarded "
                   "singular values (not s[k] alone, not without the root)")


@check("low_rank_approx", points=2, pins=["k-largest", "frobenius-error", "tuple-result"])
@pytest.mark.parametrize("shape,k", [((15, 8), 3), ((6, 11), 2)], ids=["tall", "wide"])
def test_low_rank_matches_truncated_svd(shape, k):
    A = _rng(400 + k).normal(size=shape)
    A_k, err = _low_rank(A.copy(), k, "random A")
    A_ref, err_ref = _reference_low_rank(A, k)
    expect(np.linalg.matrix_rank(A_k) == k,
           f"A_k should have rank exactly k = {k}: keep the first k singular triplets (slice [:k])")
    assert_close(A_k, A_ref, name="A_k", hint="keep the k largest singular triplets")
    _expect_scalar_close(err, err_ref, rtol=1e-7, atol=1e-9, name="err", hint=_FROBENIUS_HINT)


@check("low_rank_approx", points=1, pins=["frobenius-error"])
def test_low_rank_error_is_frobenius_pythagoras():
    # ||A||_F^2 = ||A_k||_F^2 + ||A - A_k||_F^2 for the truncated SVD (orthogonal pieces).
    A = _rng(402).normal(size=(10, 7)) @ np.diag([5.0, 4.0, 3.0, 1.0, 0.5, 0.2, 0.1])
    A_k, err = _low_rank(A.copy(), 4, "k = 4")
    expect(abs(err ** 2 + np.linalg.norm(A_k) ** 2 - np.linalg.norm(A) ** 2) <= 1e-7 * np.linalg.norm(A) ** 2,
           "err^2 + ||A_k||_F^2 differs from ||A||_F^2: " + _FROBENIUS_HINT)
    _expect_scalar_close(err, float(np.linalg.norm(A - A_k)), rtol=1e-7, atol=1e-9, name="err",
                         hint="it should equal ||A - A_k||_F for the A_k you return")


@check("low_rank_approx", points=1, pins=["frobenius-error"])
def test_low_rank_error_is_accurate_when_the_tail_is_tiny():
    # The discarded singular values are 1e-4 and 1e-5 next to 1e3: sqrt(||A||^2 - ||A_k||^2) loses every
    # digit of err to cancellation; sqrt(sum(s[k:]^2)) or ||A - A_k||_F keep it. err is tiny, so the
    # tolerance is relative.
    rng = _rng(405)
    U, _ = np.linalg.qr(rng.normal(size=(9, 6)))
    V, _ = np.linalg.qr(rng.normal(size=(6, 6)))
    A = (U * np.array([1e3, 1e2, 10.0, 1.0, 1e-4, 1e-5])) @ V.T          # (9, 6)
    A_k, err = _low_rank(A.copy(), 4, "tiny discarded tail")
    _expect_scalar_close(err, _reference_low_rank(A, 4)[1], rtol=1e-6, atol=0.0, name="err with a tiny discarded tail",
                         hint="compute err from the discarded singular values, sqrt(sum(s[k:] ** 2)); "
                              "sqrt(||A||^2 - ||A_k||^2) cancels catastrophically when A_k is close to A")


@check("low_rank_approx", points=1, pins=["edge-k"])
@pytest.mark.parametrize("k", [0, 5], ids=["k0", "k_full"])
def test_low_rank_edge_ranks(k):
    A = _rng(403).normal(size=(12, 5))
    A_k, err = _low_rank(A.copy(), k, f"k = {k}")
    if k == 0:
        assert_close(A_k, np.zeros_like(A), name="A_k for k = 0", hint="keeping no triplet leaves the zero matrix")
        _expect_scalar_close(err, float(np.linalg.norm(A)), rtol=1e-7, atol=1e-9, name="err for k = 0",
                             hint="with nothing kept, err is ||A||_F")
    else:
        assert_close(A_k, A, name="A_k for k = min(m, n)", hint="keeping every triplet gives A back")
        _expect_scalar_close(err, 0.0, rtol=0.0, atol=1e-9, name="err for k = min(m, n)",
                             hint="keeping every triplet leaves no error")


@check("low_rank_approx", points=1, pins=["edge-types", "new-float64-a_k", "err-python-float", "array-likes"])
@pytest.mark.parametrize("case", ["k0_integer_lists", "k_full_integer_array", "k_full_float64", "k1_float32"])
def test_low_rank_edges_keep_the_types_and_return_a_new_array(case):
    A_int = [[3, 0, 1, 2], [1, -2, 0, 4], [0, 5, 1, -1]]                 # (3, 4), rank 3
    A, k = {"k0_integer_lists": (A_int, 0), "k_full_integer_array": (np.array(A_int), 3),
            "k_full_float64": (_rng(406).normal(size=(4, 6)), 4),
            "k1_float32": (_rng(407).normal(size=(5, 3)).astype(np.float32), 1)}[case]
    A64 = np.array(A, dtype=float)
    A_k, err = _low_rank(A, k, case.replace("_", " "))
    if isinstance(A, np.ndarray):
        expect(A_k is not A and not np.shares_memory(A_k, A),
               "A_k is A itself, or shares memory with it: return a new array (a copy for k = min(m, n))")
    A_ref, err_ref = _reference_low_rank(A64, k)
    assert_close(A_k, A_ref, name=f"A_k ({case.replace('_', ' ')})")
    _expect_scalar_close(err, err_ref, rtol=1e-7, atol=1e-9, name=f"err ({case.replace('_', ' ')})",
                         hint=_FROBENIUS_HINT)


@check("low_rank_approx", points=1, pins=["inputs-unchanged"])
def test_low_rank_leaves_input_alone():
    A = _rng(404).normal(size=(9, 13))
    before = A.copy()
    A_k, _ = _low_rank(A, 3, "k = 3")
    expect(np.array_equal(A, before), "low_rank_approx modified A")
    assert_close(A_k, _reference_low_rank(before, 3)[0], name="A_k")


# =============================================================================================
# numerical_jacobian
# =============================================================================================

def _torch_jacobian(f_torch, x):
    return torch.autograd.functional.jacobian(f_torch, torch.tensor(x, dtype=torch.float64)).numpy()


@check("numerical_jacobian", points=2, pins=["shape-m-n", "float64-result", "ban-any-path"])
@pytest.mark.parametrize("m,n", [(7, 4), (3, 6)], ids=["m7_n4", "m3_n6"])
def test_jacobian_matches_autograd(m, n):
    rng = _rng(500 + m)
    W, c, x = rng.normal(size=(m, n)), rng.normal(size=m), rng.normal(size=n)
    Wt, ct = torch.tensor(W), torch.tensor(c)

    def f(v):
        return np.tanh(W @ v + c) + 0.1 * (W @ v) ** 2

    J = la.numerical_jacobian(f, x.copy())
    _expect_float64_array(J, "J", (m, n), hint="row i is output i, column j is input j: shape (m, n)")
    # Central differences with eps = 1e-6: truncation ~1e-12, rounding ~1e-16 / 1e-6 = 1e-10.
    assert_close(J, _torch_jacobian(lambda v: torch.tanh(Wt @ v + ct) + 0.1 * (Wt @ v) ** 2, x),
                 rtol=1e-6, atol=1e-8, name="J")


@check("numerical_jacobian", points=2, pins=["central-difference-eps"])
def test_jacobian_is_the_central_difference_with_the_given_eps():
    # For f(x) = sin(W x), the central difference is exactly cos(W x)_i * sin(eps W_ij) / eps.
    rng = _rng(501)
    W, x, eps = rng.normal(size=(5, 3)), rng.normal(size=3), 0.1
    J = la.numerical_jacobian(lambda v: np.sin(W @ v), x.copy(), eps=eps)
    _expect_float64_array(J, "J with eps = 0.1", (5, 3))
    expected = np.cos(W @ x)[:, None] * np.sin(eps * W) / eps      # (5, 1) * (5, 3) -> (5, 3)
    assert_close(J, expected, rtol=1e-9, atol=1e-10, name="J with eps = 0.1",
                 hint="use (f(x + eps e_j) - f(x - eps e_j)) / (2 eps) with the eps you are given")


@check("numerical_jacobian", points=1, pins=["scalar-f"])
def test_jacobian_of_a_scalar_function_is_a_row():
    rng = _rng(502)
    x = rng.normal(size=4)
    J = la.numerical_jacobian(lambda v: float(np.sum(v ** 3) + v[0] * v[3]), x.copy())
    _expect_float64_array(J, "J", (1, 4), hint="a scalar f counts as m = 1 (np.atleast_1d)")
    assert_close(J, _torch_jacobian(lambda v: torch.sum(v ** 3) + v[0] * v[3], x)[None, :],
                 rtol=1e-6, atol=1e-8, name="J")


@check("numerical_jacobian", points=1, pins=["x-intact-while-f-runs", "inputs-unchanged"])
def test_jacobian_leaves_x_alone():
    rng = _rng(503)
    M = rng.normal(size=(4, 6))
    x = rng.normal(size=6)
    before = x.copy()
    seen = []

    def f(v):
        seen.append(np.array_equal(x, before))   # is the caller's x intact while f runs?
        return np.exp(M @ v)

    la.numerical_jacobian(f, x)
    expect(all(seen) and np.array_equal(x, before),
           "numerical_jacobian modified the caller's x: build x + eps e_j as a new array instead of "
           "perturbing x in place")


@check("numerical_jacobian", points=1, pins=["array-likes"])
@pytest.mark.parametrize("case", ["integer_array", "integer_list"])
def test_jacobian_at_an_integer_point(case):
    M = _rng(504).normal(size=(3, 4))
    x = [1, -2, 0, 3] if case == "integer_list" else np.array([1, -2, 0, 3])
    J = la.numerical_jacobian(lambda v: M @ (np.asarray(v, dtype=float) ** 2), x)
    _expect_float64_array(J, f"J at an {case.replace('_', ' ')} x", (3, 4))
    assert_close(J, M * (2.0 * np.asarray(x, dtype=float))[None, :], rtol=1e-6, atol=1e-6,
                 name=f"J at an {case.replace('_', ' ')} x",
                 hint="an integer x cannot hold x + eps: convert x to a float array first")


@check("numerical_jacobian", points=1, pins=["f-gets-float-vectors", "n-one"])
@pytest.mark.parametrize("n", [1, 3], ids=["n1", "n3"])
def test_jacobian_calls_f_with_float_vectors(n):
    # f checks what it is given: a float64 numpy array of shape (n,), every time.
    rng = _rng(505 + n)
    W, x = rng.normal(size=(4, n)), rng.normal(size=n)
    given = []

    def f(v):
        given.append(describe(v) if not isinstance(v, np.ndarray) else
                     (f"an ndarray of {v.dtype} with shape {v.shape}" if v.dtype != np.float64 or v.shape != (n,)
                      else "ok"))
        return np.cos(W @ np.asarray(v, dtype=float))

    J = la.numerical_jacobian(f, x.copy())
    wrong = [g for g in given if g != "ok"]
    expect(not wrong, f"f was called with {wrong[0] if wrong else ''}; the brief says f gets float64 arrays "
                      f"of shape (n,) = ({n},)")
    _expect_float64_array(J, "J", (4, n), hint="one row per output, one column per input, also when n = 1")
    assert_close(J, -np.sin(W @ x)[:, None] * W, rtol=1e-6, atol=1e-8, name="J")


@check("numerical_jacobian", points=1, pins=["float64-result", "f-output-any-dtype"])
def test_jacobian_is_float64_whatever_f_returns():
    # f returns float32 (as a float32 model would): J is still float64, the differences taken in float64.
    rng = _rng(507)
    W, x, eps = rng.normal(size=(3, 4)), rng.normal(size=4), 0.1

    def f(v):
        return np.sin(W @ v).astype(np.float32)

    J = la.numerical_jacobian(f, x.copy(), eps=eps)
    _expect_float64_array(J, "J for an f that returns float32", (3, 4),
                          hint="convert what f returns to float64 (np.asarray(f(...), dtype=float)) before differencing")
    steps = eps * np.eye(4)
    expected = np.stack([(f(x + e).astype(float) - f(x - e).astype(float)) / (2 * eps) for e in steps], axis=1)
    assert_close(J, expected, rtol=1e-5, atol=1e-6, name="J for an f that returns float32")


# =============================================================================================
# grad_least_squares
# =============================================================================================

def _torch_grad(loss, x):
    xt = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    (g,) = torch.autograd.grad(loss(xt), xt)
    return g.numpy()


@check("grad_least_squares", points=2, pins=["half-factor", "tall-and-wide", "ban-any-path"])
@pytest.mark.parametrize("m,n", [(13, 6), (5, 9)], ids=["tall", "wide"])
def test_least_squares_gradient_matches_autograd(m, n):
    rng = _rng(600 + m)
    A, x, b = rng.normal(size=(m, n)), rng.normal(size=n), rng.normal(size=m)
    g = la.grad_least_squares(A.copy(), x.copy(), b.copy())
    _expect_float64_array(g, "gradient", (n,), hint="the gradient has the shape of x")
    At, bt = torch.tensor(A), torch.tensor(b)
    assert_close(g, _torch_grad(lambda v: 0.5 * torch.sum((At @ v - bt) ** 2), x), name="gradient",
                 hint="the loss is 1/2 ||A x - b||^2: the 1/2 cancels the 2 of the square")


@check("grad_least_squares", points=1, pins=["half-factor"])
def test_least_squares_gradient_is_a_descent_direction():
    rng = _rng(601)
    A, x, b = rng.normal(size=(11, 4)), rng.normal(size=4), rng.normal(size=11)
    g = la.grad_least_squares(A, x, b)
    _expect_float64_array(g, "gradient", (4,))

    def loss(v):
        return 0.5 * np.sum((A @ v - b) ** 2)

    expect(loss(x - 1e-3 * g) < loss(x), "a small step against your gradient does not lower the loss: check the sign")
    # Directional derivative along a random d, by central differences of the loss itself.
    d = rng.normal(size=4)
    h = 1e-5
    slope = (loss(x + h * d) - loss(x - h * d)) / (2 * h)
    expect(abs(g @ d - slope) <= 1e-8 + 1e-6 * abs(slope),
           "gradient . d is not the slope of the loss along d: the loss is 1/2 ||A x - b||^2 (mind the 1/2)")


@check("grad_least_squares", points=1, pins=["inputs-unchanged"])
def test_least_squares_gradient_leaves_inputs_alone():
    rng = _rng(602)
    A, x, b = rng.normal(size=(7, 3)), rng.normal(size=3), rng.normal(size=7)
    copies = A.copy(), x.copy(), b.copy()
    g = la.grad_least_squares(A, x, b)
    expect(all(np.array_equal(u, v) for u, v in zip((A, x, b), copies)), "grad_least_squares modified an input")
    _expect_float64_array(g, "gradient", (3,))
    expect(not any(np.shares_memory(g, t) for t in (A, x, b)), "the gradient shares memory with an input")
    assert_close(g, copies[0].T @ (copies[0] @ copies[1] - copies[2]), name="gradient")


@check("grad_least_squares", points=1, pins=["array-likes", "float64-result"])
@pytest.mark.parametrize("case", ["integer_lists", "integer_arrays", "float32"])
def test_least_squares_gradient_is_float64_for_any_input(case):
    A, x, b = [[1, 2], [3, -4], [0, 5]], [2, -1], [1, 0, -3]
    if case == "integer_arrays":
        A, x, b = np.array(A), np.array(x), np.array(b)
    elif case == "float32":
        rng = _rng(603)
        A, x, b = (rng.normal(size=s).astype(np.float32) for s in [(6, 4), 4, 6])
    A64, x64, b64 = (np.asarray(t, dtype=float) for t in (A, x, b))
    g = la.grad_least_squares(A, x, b)
    _expect_float64_array(g, f"gradient for {case.replace('_', ' ')}", x64.shape)
    assert_close(g, A64.T @ (A64 @ x64 - b64), name=f"gradient for {case.replace('_', ' ')}")


# =============================================================================================
# grad_quadratic_form
# =============================================================================================

@check("grad_quadratic_form", points=2, pins=["no-symmetry", "float64-result", "ban-any-path"])
@pytest.mark.parametrize("n", [5, 11], ids=["n5", "n11"])
def test_quadratic_form_gradient_matches_autograd(n):
    rng = _rng(700 + n)
    A, x = rng.normal(size=(n, n)), rng.normal(size=n)      # A is not symmetric
    g = la.grad_quadratic_form(A.copy(), x.copy())
    _expect_float64_array(g, "gradient", (n,))
    At = torch.tensor(A)
    assert_close(g, _torch_grad(lambda v: v @ At @ v, x), name="gradient",
                 hint="x appears twice in x^T A x, and A is not symmetric")


@check("grad_quadratic_form", points=1, pins=["no-symmetry"])
def test_quadratic_form_of_a_skew_matrix_has_zero_gradient():
    # For A = -A^T, x^T A x = 0 for every x, so its gradient is the zero vector.
    B = _rng(701).normal(size=(6, 6))
    g = la.grad_quadratic_form(B - B.T, _rng(702).normal(size=6))
    _expect_float64_array(g, "gradient for a skew-symmetric A", (6,))
    assert_close(g, np.zeros(6), atol=1e-9, name="gradient for a skew-symmetric A",
                 hint="x^T A x is identically 0 when A^T = -A; (A + A^T) x vanishes, 2 A x does not")


@check("grad_quadratic_form", points=1, pins=["inputs-unchanged"])
def test_quadratic_form_gradient_symmetric_and_inputs_alone():
    rng = _rng(703)
    B = rng.normal(size=(4, 4))
    A, x = B + B.T, rng.normal(size=4)
    copies = A.copy(), x.copy()
    g = la.grad_quadratic_form(A, x)
    expect(np.array_equal(A, copies[0]) and np.array_equal(x, copies[1]), "grad_quadratic_form modified an input")
    _expect_float64_array(g, "gradient", (4,))
    expect(not np.shares_memory(g, A) and not np.shares_memory(g, x), "the gradient shares memory with an input")
    assert_close(g, 2 * copies[0] @ copies[1], name="gradient for a symmetric A")


@check("grad_quadratic_form", points=1, pins=["array-likes", "float64-result"])
@pytest.mark.parametrize("case", ["integer_lists", "integer_arrays", "float32"])
def test_quadratic_form_gradient_is_float64_for_any_input(case):
    A, x = [[1, 2, 0], [-3, 1, 4], [2, 0, -1]], [1, -2, 3]
    if case == "integer_arrays":
        A, x = np.array(A), np.array(x)
    elif case == "float32":
        rng = _rng(704)
        A, x = rng.normal(size=(5, 5)).astype(np.float32), rng.normal(size=5).astype(np.float32)
    A64, x64 = np.asarray(A, dtype=float), np.asarray(x, dtype=float)
    g = la.grad_quadratic_form(A, x)
    _expect_float64_array(g, f"gradient for {case.replace('_', ' ')}", x64.shape)
    assert_close(g, (A64 + A64.T) @ x64, name=f"gradient for {case.replace('_', ' ')}")


@check("grad_quadratic_form", points=1, pins=["array-likes", "float64-result"])
@pytest.mark.parametrize("x_dtype", ["float32", "float64"])
def test_quadratic_form_gradient_of_a_float32_A_is_summed_in_float64(x_dtype):
    # A + A^T rounds in float32: 1 + 2^-24 becomes 1. With x = (1, -1, 1) the gradient's first and last
    # entries are -2^-24, exactly the part float32 rounding drops.
    A = np.array([[0.5, 1.0, 0.0], [2.0 ** -24, 0.25, 1.0], [0.0, 2.0 ** -24, 0.5]], dtype=np.float32)
    x = np.array([1.0, -1.0, 1.0], dtype=x_dtype)
    A64, x64 = A.astype(float), x.astype(float)
    g = la.grad_quadratic_form(A, x)
    _expect_float64_array(g, f"gradient for a float32 A and a {x_dtype} x", (3,))
    assert_close(g, (A64 + A64.T) @ x64, rtol=1e-12, atol=1e-12, name=f"gradient for a float32 A and a {x_dtype} x",
                 hint="convert A and x to float64 before any arithmetic: A + A.T in float32 rounds")


# =============================================================================================
# softmax_jacobian
# =============================================================================================

def _torch_softmax_jacobian(z):
    return _torch_jacobian(lambda t: torch.softmax(t, dim=0), z)


@check("softmax_jacobian", points=2, pins=["full-matrix", "float64-result", "ban-any-path"])
def test_softmax_jacobian_matches_autograd():
    z = _rng(800).normal(size=9) * 2.0
    J = la.softmax_jacobian(z.copy())
    _expect_float64_array(J, "J", (9, 9), hint="the full Jacobian of softmax is (n, n)")
    assert_close(J, _torch_softmax_jacobian(z), name="J",
                 hint="J[i, j] = s_i (delta_ij - s_j): off-diagonal entries are -s_i s_j")


@check("softmax_jacobian", points=2, pins=["stable-large-logits", "stable-one-far-above"])
@pytest.mark.parametrize("case", ["huge", "shifted", "one_far_above", "all_very_negative"])
def test_softmax_jacobian_is_stable_at_large_logits(case):
    if case == "huge":
        z = np.array([1000.0, 999.0, -1000.0, 998.5, 0.0])
    elif case == "shifted":
        z = _rng(801).normal(size=6) + 800.0                 # exp(800) overflows float64
    elif case == "one_far_above":
        # max(z) - mean(z) is about 1500: shifting by the mean still overflows, only the max is safe.
        z = np.array([900.0, -900.0, -850.0, -880.0, -920.0, -870.0, 899.0])
    else:
        z = np.array([-1000.0, -1001.0, -999.5, -1002.0])   # exp(-1000) underflows to 0: 0 / 0
    J = la.softmax_jacobian(z.copy())
    _expect_float64_array(J, "J", (z.size, z.size))
    expect(np.all(np.isfinite(J)),
           "J contains NaN or inf at logits around +-1000: exp overflows (or every exp underflows to 0); "
           "shift z so that its largest entry is 0 before exp")
    assert_close(J, _torch_softmax_jacobian(z), name="J")


@check("softmax_jacobian", points=1, pins=["full-matrix"])
def test_softmax_jacobian_properties():
    z = _rng(802).normal(size=7)
    J = la.softmax_jacobian(z.copy())
    _expect_float64_array(J, "J", (7, 7))
    assert_close(J, J.T, name="J - J.T", hint="the softmax Jacobian is symmetric")
    assert_close(J.sum(axis=1), np.zeros(7), atol=1e-12, name="row sums of J",
                 hint="softmax outputs always sum to 1, so each row of J sums to 0")
    expect(np.linalg.eigvalsh(J).min() > -1e-12, "J should be positive semi-definite (diag(s) - s s^T)")


@check("softmax_jacobian", points=1, pins=["inputs-unchanged", "one-logit"])
def test_softmax_jacobian_leaves_z_alone_and_handles_one_logit():
    z = _rng(803).normal(size=5) * 3
    before = z.copy()
    J = la.softmax_jacobian(z)
    expect(np.array_equal(z, before),
           "softmax_jacobian modified z: `z -= z.max()` shifts the caller's array; use z - z.max()")
    expect(isinstance(J, np.ndarray) and not np.shares_memory(J, z), "J shares memory with z: return a new array")
    J1 = la.softmax_jacobian(np.array([42.0]))
    _expect_float64_array(J1, "J for a single logit", (1, 1))
    assert_close(J1, [[0.0]], atol=1e-12, name="J for a single logit", hint="softmax of one logit is the constant 1")


@check("softmax_jacobian", points=1, pins=["array-likes", "float64-result"])
@pytest.mark.parametrize("case", ["integer_list", "float32"])
def test_softmax_jacobian_is_float64_for_any_input(case):
    z = [2, -1, 0, 3] if case == "integer_list" else (_rng(804).normal(size=6) * 3).astype(np.float32)
    z64 = np.asarray(z, dtype=float)
    J = la.softmax_jacobian(z)
    _expect_float64_array(J, f"J for a {case.replace('_', ' ')} z", (z64.size, z64.size))
    assert_close(J, _torch_softmax_jacobian(z64), name=f"J for a {case.replace('_', ' ')} z",
                 hint="convert z to float64 first (np.asarray(z, dtype=float))")
