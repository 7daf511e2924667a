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

from grader.check import assert_close, assert_shape, check, expect, expect_raises, learner

la = learner("linear_algebra")


def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def _solve_nonsingular(A, b, what: str):
    """lu_solve on a matrix that is invertible but needs a row swap: LinAlgError is a mistake here."""
    try:
        return la.lu_solve(A.copy(), b.copy())
    except np.linalg.LinAlgError:
        raise AssertionError(
            f"lu_solve raised LinAlgError on {what}, which is invertible: pick the pivot as the largest "
            "|entry| of the column on or below the diagonal, swap it into place, and only then test it"
        ) from None


def _with_spectrum(eigenvalues, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """A symmetric matrix with the given eigenvalues, and the unit eigenvector of the first one."""
    n = len(eigenvalues)
    Q, _ = np.linalg.qr(_rng(seed).normal(size=(n, n)))     # a random orthogonal basis (check code may use qr)
    return (Q * np.asarray(eigenvalues, dtype=float)) @ Q.T, Q[:, 0]


def _same_up_to_sign(v, u, name: str, hint: str = "") -> None:
    v = np.asarray(v, dtype=float)
    sign = 1.0 if v @ u >= 0 else -1.0
    # Power iteration stops at ||v_new - v|| < tol = 1e-10, so the vector is only that accurate.
    assert_close(sign * v, u, rtol=1e-6, atol=1e-7, name=name, hint=hint)


# =============================================================================================
# lu_solve
# =============================================================================================

@check("lu_solve", points=1)
@pytest.mark.parametrize("n", [7, 13], ids=["n7", "n13"])
def test_lu_solve_random_systems_match_scipy(n):
    rng = _rng(100 + n)
    A, b = rng.normal(size=(n, n)), rng.normal(size=n)
    x = la.lu_solve(A.copy(), b.copy())
    assert_shape(x, (n,), name="x", hint="for a vector b, x is a vector of the same shape")
    assert_close(x, scipy.linalg.solve(A, b), name="x")


@check("lu_solve", points=2)
def test_lu_solve_matrix_right_hand_side():
    rng = _rng(101)
    A, B = rng.normal(size=(9, 9)), rng.normal(size=(9, 4))
    X = la.lu_solve(A.copy(), B.copy())
    assert_shape(X, (9, 4), name="x", hint="for b of shape (n, k), solve all k columns at once: x is (n, k)")
    assert_close(X, scipy.linalg.solve(A, B), name="x",
                 hint="every row operation on A must be applied to whole rows of b")


@check("lu_solve", points=2)
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


@check("lu_solve", points=1)
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


@check("lu_solve", points=1)
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


@check("lu_solve", points=1)
def test_lu_solve_leaves_inputs_alone_and_accepts_integers():
    rng = _rng(104)
    A, b = rng.normal(size=(6, 6)), rng.normal(size=6)
    A_before, b_before = A.copy(), b.copy()
    x = la.lu_solve(A, b)
    expect(np.array_equal(A, A_before), "lu_solve modified A: eliminate on a copy (np.array(A, dtype=float))")
    expect(np.array_equal(b, b_before), "lu_solve modified b: work on a copy of the right-hand side")
    assert_close(x, scipy.linalg.solve(A_before, b_before), name="x")
    A_int = np.array([[2, 1, 1], [4, -6, 0], [-2, 7, 2]])
    b_int = np.array([5, -2, 9])
    assert_close(la.lu_solve(A_int, b_int), scipy.linalg.solve(A_int.astype(float), b_int.astype(float)),
                 name="x for an integer A and b",
                 hint="an integer array copied with .copy() stays integer and truncates every division: "
                      "convert to float first")


# =============================================================================================
# gram_schmidt_qr
# =============================================================================================

def _reference_qr(A):
    """numpy's Householder QR with R's diagonal made positive: the unique reduced QR."""
    Q, R = np.linalg.qr(A)
    signs = np.sign(np.diag(R))
    return Q * signs, signs[:, None] * R       # flip column j of Q and row j of R together


@check("gram_schmidt_qr", points=2)
@pytest.mark.parametrize("shape", [(14, 6), (9, 9)], ids=["tall", "square"])
def test_qr_matches_the_unique_reduced_qr(shape):
    A = _rng(200 + shape[1]).normal(size=shape)
    Q, R = la.gram_schmidt_qr(A.copy())
    assert_shape(Q, shape, name="Q", hint="the reduced QR has Q of shape (m, n)")
    assert_shape(R, (shape[1], shape[1]), name="R", hint="R is (n, n)")
    Q_ref, R_ref = _reference_qr(A)
    assert_close(R, R_ref, name="R", hint="R must be upper triangular with a positive diagonal")
    assert_close(Q, Q_ref, name="Q")


@check("gram_schmidt_qr", points=1)
def test_qr_r_is_upper_triangular_with_positive_diagonal():
    A = _rng(201).normal(size=(11, 5)) - 2.0
    Q, R = la.gram_schmidt_qr(A.copy())
    R = np.asarray(R, dtype=float)
    expect(np.allclose(np.tril(R, -1), 0.0, atol=1e-12), "R has nonzero entries below the diagonal")
    expect(np.all(np.diag(R) > 0),
           "R has a non-positive diagonal entry: R[j, j] is the (positive) norm of what is left of column j")
    assert_close(Q @ R, A, name="Q @ R")


@check("gram_schmidt_qr", points=2)
def test_qr_stays_orthogonal_on_an_ill_conditioned_matrix():
    # cond(A) = 1e9. Modified GS loses orthogonality like cond * eps (~1e-7 here); classical GS
    # like cond^2 * eps, i.e. completely. Householder QR would reach 1e-15; we ask for 1e-5.
    rng = _rng(202)
    m, n = 20, 7
    U, _ = np.linalg.qr(rng.normal(size=(m, n)))
    V, _ = np.linalg.qr(rng.normal(size=(n, n)))
    A = (U * np.logspace(0, -9, n)) @ V.T                     # (m, n) with singular values 1 .. 1e-9
    Q, R = la.gram_schmidt_qr(A.copy())
    Q = np.asarray(Q, dtype=float)
    loss = np.linalg.norm(Q.T @ Q - np.eye(n))
    expect(loss < 1e-5,
           "Q is far from orthogonal on an ill-conditioned A (cond 1e9): classical Gram-Schmidt projects "
           "column j on the *original* columns; modified GS removes each q_j from the *updated* later columns")
    assert_close(Q @ R, A, rtol=1e-7, atol=1e-12, name="Q @ R")


@check("gram_schmidt_qr", points=1)
@pytest.mark.parametrize("case", ["dependent_column", "zero_column"])
def test_qr_rank_deficient_raises(case):
    A = _rng(203).normal(size=(10, 4))
    if case == "dependent_column":
        A[:, 2] = 2.0 * A[:, 0] - A[:, 1]
    else:
        A[:, 3] = 0.0
    expect_raises(np.linalg.LinAlgError, lambda: la.gram_schmidt_qr(A.copy()),
                  f"gram_schmidt_qr on a rank-deficient A ({case}) should raise np.linalg.LinAlgError")


@check("gram_schmidt_qr", points=1)
@pytest.mark.parametrize("case", ["tiny_column", "huge_dependent_column"])
def test_qr_rank_test_is_relative_to_each_column(case):
    # Scaling a column by a power of 2 changes no rounding in Gram-Schmidt: only a test relative to
    # that column's own norm gives the same verdict at every scale.
    A = _rng(205).normal(size=(10, 4))
    if case == "tiny_column":
        scales = np.array([1.0, 2.0 ** -50, 1.0, 1.0])            # column 1 around 1e-15, independent
        try:
            Q, R = la.gram_schmidt_qr(A * scales)
        except np.linalg.LinAlgError:
            raise AssertionError(
                "gram_schmidt_qr raised LinAlgError on a full-rank A whose column 1 is tiny (about 1e-15): "
                "compare what is left of column j with 1e-12 * ||A[:, j]||, its own original norm, "
                "not with an absolute threshold or the norm of the whole matrix") from None
        Q_ref, R_ref = _reference_qr(A)
        assert_close(Q, Q_ref, name="Q with a tiny column")
        assert_close(np.asarray(R, dtype=float) / scales, R_ref, name="R with a tiny column (column 1 rescaled)")
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


@check("gram_schmidt_qr", points=1)
def test_qr_leaves_input_alone_and_accepts_integers():
    A = _rng(204).normal(size=(8, 3))
    before = A.copy()
    la.gram_schmidt_qr(A)
    expect(np.array_equal(A, before), "gram_schmidt_qr modified A: orthogonalise a copy (np.array(A, dtype=float))")
    A_int = np.array([[1, 2, 0], [3, -1, 4], [0, 5, 1], [2, 2, 2], [-3, 0, 1]])
    Q, R = la.gram_schmidt_qr(A_int)
    assert_close(Q @ R, A_int, name="Q @ R for an integer A",
                 hint="an integer copy truncates every division: convert to float first")


# =============================================================================================
# power_iteration
# =============================================================================================

@check("power_iteration", points=2)
def test_power_iteration_symmetric_matches_eigh():
    A, _ = _with_spectrum([10.0, 6.0, -5.0, 4.0, 3.0, 2.0, 1.0, 0.5, 0.1], seed=300)   # (9, 9)
    w, U = np.linalg.eigh(A)
    top = int(np.argmax(np.abs(w)))
    lam, v = la.power_iteration(A.copy())
    assert_shape(v, (9,), name="eigenvector")
    assert_close(float(lam), w[top], rtol=1e-8, name="eigenvalue")
    _same_up_to_sign(v, U[:, top], name="eigenvector")


@check("power_iteration", points=2)
def test_power_iteration_negative_dominant_eigenvalue():
    A, u = _with_spectrum([-8.0, 5.0, 3.0, -2.0, 1.0, 0.5, 0.2], seed=301)           # (7, 7)
    lam, v = la.power_iteration(A.copy())
    assert_close(float(lam), -8.0, rtol=1e-8, name="eigenvalue",
                 hint="the dominant eigenvalue here is negative: ||A v|| drops the sign, the Rayleigh "
                      "quotient v @ A @ v keeps it")
    _same_up_to_sign(v, u, name="eigenvector")


@check("power_iteration", points=1)
def test_power_iteration_non_symmetric_matches_eig():
    rng = _rng(302)
    S = rng.normal(size=(6, 6)) + 3 * np.eye(6)
    A = S @ np.diag([7.0, -3.0, 2.5, 1.0, -0.5, 0.2]) @ np.linalg.inv(S)   # real spectrum, not symmetric
    w, U = np.linalg.eig(A)
    top = int(np.argmax(np.abs(w)))
    u = np.real(U[:, top]) / np.linalg.norm(np.real(U[:, top]))
    lam, v = la.power_iteration(A.copy())
    # For a non-symmetric A the Rayleigh quotient is only as accurate as v (~tol), not tol^2.
    assert_close(float(lam), np.real(w[top]), rtol=1e-7, atol=1e-8, name="eigenvalue")
    _same_up_to_sign(v, u, name="eigenvector")


@check("power_iteration", points=2)
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
        lam, v = la.power_iteration(A.copy())
        v = np.asarray(v, dtype=float)
        assert_close(np.linalg.norm(v), 1.0, name=f"||v|| ({name} matrix)", hint="return a unit vector")
        expect(v[np.argmax(np.abs(v))] > 0,
               f"on the {name} test matrix the entry of v with the largest magnitude is negative: "
               "the sign is pinned, flip v when that entry is negative")


@check("power_iteration", points=1)
def test_power_iteration_normalises_every_step():
    # tol = 0 runs all num_iters steps; with eigenvalues near 1e3, A^1000 v overflows unless v is
    # rescaled at every step.
    A, u = _with_spectrum([1500.0, 900.0, -700.0, 300.0, 100.0], seed=306)
    before = A.copy()
    lam, v = la.power_iteration(A, num_iters=1000, tol=0.0)
    expect(np.array_equal(A, before), "power_iteration modified A")
    v = np.asarray(v, dtype=float)
    expect(np.all(np.isfinite(v)) and np.isfinite(float(lam)),
           "the result is inf or NaN after 1000 steps: divide A v by its norm at every step, not only at the end")
    assert_close(float(lam), 1500.0, rtol=1e-8, name="eigenvalue")
    _same_up_to_sign(v, u, name="eigenvector")


@check("power_iteration", points=1)
def test_power_iteration_honours_num_iters_and_tol():
    # Eigenvalues 1 and 0.99: the error shrinks by 1% a step, so a few steps (or a loose tol) leave v
    # visibly short of the eigenvector, whatever start is chosen. Converging anyway means a limit is ignored.
    A, u = _with_spectrum([1.0, 0.99, 0.5, 0.2, 0.1, 0.05], seed=307)

    def distance(v) -> float:                 # sin of the angle between v and u: 0 when converged
        v = np.asarray(v, dtype=float)
        v = v / np.linalg.norm(v)
        return float(np.linalg.norm(v - (v @ u) * u))

    _, v = la.power_iteration(A.copy(), num_iters=3, tol=0.0)
    expect(distance(v) > 1e-3, "with num_iters=3 and a slowly converging A, v came back already converged: "
                               "stop after num_iters steps")
    _, v = la.power_iteration(A.copy(), num_iters=1000, tol=0.1)
    expect(distance(v) > 1e-3, "with tol=0.1 and a slowly converging A, v came back fully converged: "
                               "stop as soon as ||v_new - v|| < tol")


# =============================================================================================
# low_rank_approx
# =============================================================================================

def _reference_low_rank(A, k):
    U, s, Vt = scipy.linalg.svd(A, full_matrices=False)
    return U[:, :k] @ np.diag(s[:k]) @ Vt[:k], float(np.sqrt(np.sum(s[k:] ** 2)))


@check("low_rank_approx", points=2)
@pytest.mark.parametrize("shape,k", [((15, 8), 3), ((6, 11), 2)], ids=["tall", "wide"])
def test_low_rank_matches_truncated_svd(shape, k):
    A = _rng(400 + k).normal(size=shape)
    A_k, err = la.low_rank_approx(A.copy(), k)
    A_ref, err_ref = _reference_low_rank(A, k)
    assert_shape(A_k, shape, name="A_k", hint="A_k has the shape of A")
    expect(np.linalg.matrix_rank(np.asarray(A_k, dtype=float)) == k,
           f"A_k should have rank exactly k = {k}: keep the first k singular triplets (slice [:k])")
    assert_close(A_k, A_ref, name="A_k")
    assert_close(float(err), err_ref, name="err",
                 hint="err is the Frobenius norm ||A - A_k||_F = sqrt(sum of the discarded s_i^2)")


@check("low_rank_approx", points=1)
def test_low_rank_error_is_frobenius_pythagoras():
    # ||A||_F^2 = ||A_k||_F^2 + ||A - A_k||_F^2 for the truncated SVD (orthogonal pieces).
    A = _rng(402).normal(size=(10, 7)) @ np.diag([5.0, 4.0, 3.0, 1.0, 0.5, 0.2, 0.1])
    A_k, err = la.low_rank_approx(A.copy(), 4)
    assert_close(float(err) ** 2 + np.linalg.norm(A_k) ** 2, np.linalg.norm(A) ** 2, name="err^2 + ||A_k||^2",
                 hint="err is the Frobenius norm of A - A_k: the root of the sum of the squared discarded "
                      "singular values (not s[k] alone, not without the root)")
    assert_close(float(err), np.linalg.norm(A - np.asarray(A_k, dtype=float)), name="err")


@check("low_rank_approx", points=1)
def test_low_rank_error_is_accurate_when_the_tail_is_tiny():
    # The discarded singular values are 1e-4 and 1e-5 next to 1e3: sqrt(||A||^2 - ||A_k||^2) loses every
    # digit of err to cancellation; sqrt(sum(s[k:]^2)) or ||A - A_k||_F keep it.
    rng = _rng(405)
    U, _ = np.linalg.qr(rng.normal(size=(9, 6)))
    V, _ = np.linalg.qr(rng.normal(size=(6, 6)))
    A = (U * np.array([1e3, 1e2, 10.0, 1.0, 1e-4, 1e-5])) @ V.T          # (9, 6)
    A_k, err = la.low_rank_approx(A.copy(), 4)
    assert_close(float(err), _reference_low_rank(A, 4)[1], name="err with a tiny discarded tail",
                 hint="compute err from the discarded singular values, sqrt(sum(s[k:] ** 2)); "
                      "sqrt(||A||^2 - ||A_k||^2) cancels catastrophically when A_k is close to A")


@check("low_rank_approx", points=1)
@pytest.mark.parametrize("k", [0, 5], ids=["k0", "k_full"])
def test_low_rank_edge_ranks(k):
    A = _rng(403).normal(size=(12, 5))
    A_k, err = la.low_rank_approx(A.copy(), k)
    if k == 0:
        assert_close(A_k, np.zeros_like(A), name="A_k for k = 0", hint="keeping no triplet leaves the zero matrix")
        assert_close(float(err), np.linalg.norm(A), name="err for k = 0")
    else:
        assert_close(A_k, A, name="A_k for k = min(m, n)", hint="keeping every triplet gives A back")
        assert_close(float(err), 0.0, atol=1e-9, name="err for k = min(m, n)")


@check("low_rank_approx", points=1)
def test_low_rank_leaves_input_alone():
    A = _rng(404).normal(size=(9, 13))
    before = A.copy()
    A_k, _ = la.low_rank_approx(A, 3)
    expect(np.array_equal(A, before), "low_rank_approx modified A")
    assert_close(A_k, _reference_low_rank(before, 3)[0], name="A_k")


# =============================================================================================
# numerical_jacobian
# =============================================================================================

def _torch_jacobian(f_torch, x):
    return torch.autograd.functional.jacobian(f_torch, torch.tensor(x, dtype=torch.float64)).numpy()


@check("numerical_jacobian", points=2)
@pytest.mark.parametrize("m,n", [(7, 4), (3, 6)], ids=["m7_n4", "m3_n6"])
def test_jacobian_matches_autograd(m, n):
    rng = _rng(500 + m)
    W, c, x = rng.normal(size=(m, n)), rng.normal(size=m), rng.normal(size=n)
    Wt, ct = torch.tensor(W), torch.tensor(c)

    def f(v):
        return np.tanh(W @ v + c) + 0.1 * (W @ v) ** 2

    J = la.numerical_jacobian(f, x.copy())
    assert_shape(J, (m, n), name="J", hint="row i is output i, column j is input j: shape (m, n)")
    # Central differences with eps = 1e-6: truncation ~1e-12, rounding ~1e-16 / 1e-6 = 1e-10.
    assert_close(J, _torch_jacobian(lambda v: torch.tanh(Wt @ v + ct) + 0.1 * (Wt @ v) ** 2, x),
                 rtol=1e-6, atol=1e-8, name="J")


@check("numerical_jacobian", points=2)
def test_jacobian_is_the_central_difference_with_the_given_eps():
    # For f(x) = sin(W x), the central difference is exactly cos(W x)_i * sin(eps W_ij) / eps.
    rng = _rng(501)
    W, x, eps = rng.normal(size=(5, 3)), rng.normal(size=3), 0.1
    J = la.numerical_jacobian(lambda v: np.sin(W @ v), x.copy(), eps=eps)
    expected = np.cos(W @ x)[:, None] * np.sin(eps * W) / eps      # (5, 1) * (5, 3) -> (5, 3)
    assert_close(J, expected, rtol=1e-9, atol=1e-10, name="J with eps = 0.1",
                 hint="use (f(x + eps e_j) - f(x - eps e_j)) / (2 eps) with the eps you are given")


@check("numerical_jacobian", points=1)
def test_jacobian_of_a_scalar_function_is_a_row():
    rng = _rng(502)
    x = rng.normal(size=4)
    J = la.numerical_jacobian(lambda v: float(np.sum(v ** 3) + v[0] * v[3]), x.copy())
    assert_shape(J, (1, 4), name="J", hint="a scalar f counts as m = 1 (np.atleast_1d)")
    assert_close(J, _torch_jacobian(lambda v: torch.sum(v ** 3) + v[0] * v[3], x)[None, :],
                 rtol=1e-6, atol=1e-8, name="J")


@check("numerical_jacobian", points=1)
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


@check("numerical_jacobian", points=1)
def test_jacobian_at_an_integer_point():
    M = _rng(504).normal(size=(3, 4))
    x = np.array([1, -2, 0, 3])
    J = la.numerical_jacobian(lambda v: M @ (np.asarray(v, dtype=float) ** 2), x)
    assert_close(J, M * (2.0 * x)[None, :], rtol=1e-6, atol=1e-6, name="J at an integer x",
                 hint="an integer x cannot hold x + eps: convert x to float first")


# =============================================================================================
# grad_least_squares
# =============================================================================================

def _torch_grad(loss, x):
    xt = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    (g,) = torch.autograd.grad(loss(xt), xt)
    return g.numpy()


@check("grad_least_squares", points=2)
@pytest.mark.parametrize("m,n", [(13, 6), (5, 9)], ids=["tall", "wide"])
def test_least_squares_gradient_matches_autograd(m, n):
    rng = _rng(600 + m)
    A, x, b = rng.normal(size=(m, n)), rng.normal(size=n), rng.normal(size=m)
    g = la.grad_least_squares(A.copy(), x.copy(), b.copy())
    assert_shape(g, (n,), name="gradient", hint="the gradient has the shape of x")
    At, bt = torch.tensor(A), torch.tensor(b)
    assert_close(g, _torch_grad(lambda v: 0.5 * torch.sum((At @ v - bt) ** 2), x), name="gradient",
                 hint="the loss is 1/2 ||A x - b||^2: the 1/2 cancels the 2 of the square")


@check("grad_least_squares", points=1)
def test_least_squares_gradient_is_a_descent_direction():
    rng = _rng(601)
    A, x, b = rng.normal(size=(11, 4)), rng.normal(size=4), rng.normal(size=11)
    g = np.asarray(la.grad_least_squares(A, x, b), dtype=float)

    def loss(v):
        return 0.5 * np.sum((A @ v - b) ** 2)

    expect(loss(x - 1e-3 * g) < loss(x), "a small step against your gradient does not lower the loss: check the sign")
    # Directional derivative along a random d, by central differences of the loss itself.
    d = rng.normal(size=4)
    h = 1e-5
    assert_close(g @ d, (loss(x + h * d) - loss(x - h * d)) / (2 * h), rtol=1e-6, atol=1e-8,
                 name="gradient . d")


@check("grad_least_squares", points=1)
def test_least_squares_gradient_leaves_inputs_alone():
    rng = _rng(602)
    A, x, b = rng.normal(size=(7, 3)), rng.normal(size=3), rng.normal(size=7)
    copies = A.copy(), x.copy(), b.copy()
    g = la.grad_least_squares(A, x, b)
    expect(all(np.array_equal(u, v) for u, v in zip((A, x, b), copies)), "grad_least_squares modified an input")
    assert_close(g, copies[0].T @ (copies[0] @ copies[1] - copies[2]), name="gradient")


# =============================================================================================
# grad_quadratic_form
# =============================================================================================

@check("grad_quadratic_form", points=2)
@pytest.mark.parametrize("n", [5, 11], ids=["n5", "n11"])
def test_quadratic_form_gradient_matches_autograd(n):
    rng = _rng(700 + n)
    A, x = rng.normal(size=(n, n)), rng.normal(size=n)      # A is not symmetric
    g = la.grad_quadratic_form(A.copy(), x.copy())
    assert_shape(g, (n,), name="gradient")
    At = torch.tensor(A)
    assert_close(g, _torch_grad(lambda v: v @ At @ v, x), name="gradient",
                 hint="x appears twice in x^T A x, and A is not symmetric")


@check("grad_quadratic_form", points=1)
def test_quadratic_form_of_a_skew_matrix_has_zero_gradient():
    # For A = -A^T, x^T A x = 0 for every x, so its gradient is the zero vector.
    B = _rng(701).normal(size=(6, 6))
    g = la.grad_quadratic_form(B - B.T, _rng(702).normal(size=6))
    assert_close(g, np.zeros(6), atol=1e-9, name="gradient for a skew-symmetric A",
                 hint="x^T A x is identically 0 when A^T = -A; (A + A^T) x vanishes, 2 A x does not")


@check("grad_quadratic_form", points=1)
def test_quadratic_form_gradient_symmetric_and_inputs_alone():
    rng = _rng(703)
    B = rng.normal(size=(4, 4))
    A, x = B + B.T, rng.normal(size=4)
    copies = A.copy(), x.copy()
    g = la.grad_quadratic_form(A, x)
    expect(np.array_equal(A, copies[0]) and np.array_equal(x, copies[1]), "grad_quadratic_form modified an input")
    assert_close(g, 2 * copies[0] @ copies[1], name="gradient for a symmetric A")


# =============================================================================================
# softmax_jacobian
# =============================================================================================

def _torch_softmax_jacobian(z):
    return _torch_jacobian(lambda t: torch.softmax(t, dim=0), z)


@check("softmax_jacobian", points=2)
def test_softmax_jacobian_matches_autograd():
    z = _rng(800).normal(size=9) * 2.0
    J = la.softmax_jacobian(z.copy())
    assert_shape(J, (9, 9), name="J", hint="the full Jacobian of softmax is (n, n)")
    assert_close(J, _torch_softmax_jacobian(z), name="J",
                 hint="J[i, j] = s_i (delta_ij - s_j): off-diagonal entries are -s_i s_j")


@check("softmax_jacobian", points=2)
@pytest.mark.parametrize("case", ["huge", "shifted"])
def test_softmax_jacobian_is_stable_at_large_logits(case):
    if case == "huge":
        z = np.array([1000.0, 999.0, -1000.0, 998.5, 0.0])
    else:
        z = _rng(801).normal(size=6) + 800.0                 # exp(800) overflows float64
    J = la.softmax_jacobian(z.copy())
    expect(np.all(np.isfinite(np.asarray(J, dtype=float))),
           "J contains NaN or inf at logits around 1000: exp overflows; subtract max(z) before exp")
    assert_close(J, _torch_softmax_jacobian(z), name="J")


@check("softmax_jacobian", points=1)
def test_softmax_jacobian_properties():
    z = _rng(802).normal(size=7)
    J = np.asarray(la.softmax_jacobian(z.copy()), dtype=float)
    assert_close(J, J.T, name="J - J.T", hint="the softmax Jacobian is symmetric")
    assert_close(J.sum(axis=1), np.zeros(7), atol=1e-12, name="row sums of J",
                 hint="softmax outputs always sum to 1, so each row of J sums to 0")
    expect(np.linalg.eigvalsh(J).min() > -1e-12, "J should be positive semi-definite (diag(s) - s s^T)")


@check("softmax_jacobian", points=1)
def test_softmax_jacobian_leaves_z_alone_and_handles_one_logit():
    z = _rng(803).normal(size=5) * 3
    before = z.copy()
    la.softmax_jacobian(z)
    expect(np.array_equal(z, before),
           "softmax_jacobian modified z: `z -= z.max()` shifts the caller's array; use z - z.max()")
    J1 = la.softmax_jacobian(np.array([42.0]))
    assert_close(J1, [[0.0]], atol=1e-12, name="J for a single logit", hint="softmax of one logit is the constant 1")
