"""Public checks for the linear_algebra topic: the basics. `make check TOPIC=linear_algebra`.

The hidden checks (`make grade PHASE=1`) go further: other shapes, matrix right-hand sides,
singular and ill-conditioned inputs, sign conventions, logits at +-1000, inputs not mutated.
"""
import numpy as np

from grader.check import assert_close, assert_shape, check, expect, learner

la = learner("linear_algebra")


# --- lu_solve ----------------------------------------------------------------------------------

@check("lu_solve", points=1)
def test_lu_solve_matches_numpy():
    rng = np.random.default_rng(0)
    A = rng.normal(size=(6, 6))
    b = rng.normal(size=6)
    x = la.lu_solve(A.copy(), b.copy())
    assert_shape(x, (6,), name="x", hint="x has the shape of b")
    assert_close(A @ x, b, name="A @ x", hint="x does not solve the system")


@check("lu_solve", points=1)
def test_lu_solve_pivots_past_a_zero_diagonal():
    A = np.array([[0.0, 2.0, 1.0], [1.0, 1.0, 0.0], [2.0, 0.0, 3.0]])
    b = np.array([3.0, 2.0, 5.0])
    try:
        x = la.lu_solve(A.copy(), b.copy())
    except np.linalg.LinAlgError:
        raise AssertionError("lu_solve raised LinAlgError, but this A is invertible: A[0, 0] is 0, so swap "
                             "in the row with the largest |entry| of column 0 before eliminating") from None
    expect(np.all(np.isfinite(np.asarray(x, dtype=float))),
           "x is not finite: A[0, 0] is 0, so you must swap rows before eliminating (partial pivoting)")
    assert_close(A @ x, b, name="A @ x")


# --- gram_schmidt_qr -----------------------------------------------------------------------------

@check("gram_schmidt_qr", points=1)
def test_qr_factorises_with_orthonormal_q():
    A = np.random.default_rng(1).normal(size=(7, 4))
    Q, R = la.gram_schmidt_qr(A.copy())
    assert_shape(Q, (7, 4), name="Q", hint="the reduced QR has Q of shape (m, n)")
    assert_shape(R, (4, 4), name="R", hint="R is (n, n)")
    assert_close(np.asarray(Q).T @ Q, np.eye(4), name="Q.T @ Q", hint="the columns of Q must be orthonormal")
    assert_close(np.triu(R), R, name="R", hint="R must be upper triangular")
    assert_close(Q @ R, A, name="Q @ R")


@check("gram_schmidt_qr", points=1)
def test_qr_r_diagonal_is_positive():
    A = np.array([[-3.0, 1.0], [-4.0, 2.0], [0.0, 5.0]])
    Q, R = la.gram_schmidt_qr(A.copy())
    expect(np.all(np.diag(R) > 0), "R has a non-positive diagonal entry: R[j, j] is the norm of what is left of column j")


# --- power_iteration -----------------------------------------------------------------------------

@check("power_iteration", points=1)
def test_power_iteration_small_symmetric():
    lam, v = la.power_iteration(np.array([[2.0, 1.0], [1.0, 2.0]]))
    assert_close(float(lam), 3.0, rtol=1e-8, name="eigenvalue")
    assert_close(v, np.array([1.0, 1.0]) / np.sqrt(2.0), rtol=1e-6, atol=1e-8, name="eigenvector")


@check("power_iteration", points=1)
def test_power_iteration_satisfies_eigen_equation():
    rng = np.random.default_rng(2)
    B = rng.normal(size=(5, 5))
    A = B @ B.T + np.diag([6.0, 0, 0, 0, 0])   # symmetric, with a clear dominant eigenvalue
    lam, v = la.power_iteration(A.copy())
    assert_shape(v, (5,), name="eigenvector")
    assert_close(np.linalg.norm(v), 1.0, name="||v||", hint="return a unit vector")
    assert_close(A @ v, float(lam) * np.asarray(v), rtol=1e-6, atol=1e-6, name="A @ v",
                 hint="A v should equal lambda v")


# --- low_rank_approx -----------------------------------------------------------------------------

@check("low_rank_approx", points=1)
def test_low_rank_of_diagonal():
    A_k, err = la.low_rank_approx(np.diag([5.0, 3.0, 2.0, 1.0]), 2)
    assert_close(A_k, np.diag([5.0, 3.0, 0.0, 0.0]), name="A_k", hint="keep the k largest singular values")
    assert_close(float(err), np.sqrt(2.0 ** 2 + 1.0 ** 2), name="err", hint="Frobenius norm of A - A_k")


@check("low_rank_approx", points=1)
def test_low_rank_has_rank_k_and_consistent_error():
    A = np.random.default_rng(3).normal(size=(8, 5))
    A_k, err = la.low_rank_approx(A.copy(), 3)
    assert_shape(A_k, (8, 5), name="A_k")
    expect(np.linalg.matrix_rank(A_k) == 3, "A_k should have rank exactly k")
    assert_close(float(err), np.linalg.norm(A - A_k), name="err", hint="err is ||A - A_k|| in Frobenius norm")


# --- numerical_jacobian --------------------------------------------------------------------------

@check("numerical_jacobian", points=1)
def test_jacobian_of_linear_map_is_the_matrix():
    M = np.random.default_rng(4).normal(size=(3, 5))
    J = la.numerical_jacobian(lambda x: M @ x, np.zeros(5))
    assert_shape(J, (3, 5), name="J", hint="one row per output (m), one column per input (n)")
    assert_close(J, M, rtol=1e-6, atol=1e-8, name="J")


@check("numerical_jacobian", points=1)
def test_jacobian_of_a_curve():
    J = la.numerical_jacobian(lambda x: np.array([x[0] * x[1], np.sin(x[0])]), np.array([0.5, 2.0]))
    assert_close(J, [[2.0, 0.5], [np.cos(0.5), 0.0]], rtol=1e-6, atol=1e-8, name="J")


# --- grad_least_squares --------------------------------------------------------------------------

@check("grad_least_squares", points=1)
def test_least_squares_gradient_small():
    A = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    g = la.grad_least_squares(A, np.array([1.0, -1.0]), np.array([0.0, 1.0, 2.0]))
    # r = A x - b = (-1, -2, -3); A^T r = (-1 - 6 - 15, -2 - 8 - 18)
    assert_close(g, [-22.0, -28.0], name="gradient", hint="gradient of 1/2 ||Ax - b||^2 (mind the 1/2)")


@check("grad_least_squares", points=1)
def test_least_squares_gradient_vanishes_at_the_solution():
    rng = np.random.default_rng(5)
    A, b = rng.normal(size=(9, 4)), rng.normal(size=9)
    x_star = np.linalg.lstsq(A, b, rcond=None)[0]
    assert_close(la.grad_least_squares(A, x_star, b), np.zeros(4), atol=1e-9, name="gradient at the minimiser")


# --- grad_quadratic_form -------------------------------------------------------------------------

@check("grad_quadratic_form", points=1)
def test_quadratic_form_gradient_non_symmetric():
    A = np.array([[0.0, 1.0], [0.0, 0.0]])       # x^T A x = x0 * x1
    g = la.grad_quadratic_form(A, np.array([1.0, 2.0]))
    assert_close(g, [2.0, 1.0], name="gradient", hint="A is not symmetric: 2 A x is not the answer")


@check("grad_quadratic_form", points=1)
def test_quadratic_form_gradient_symmetric():
    A = np.array([[2.0, 1.0], [1.0, 3.0]])
    g = la.grad_quadratic_form(A, np.array([1.0, -1.0]))
    assert_close(g, 2 * A @ np.array([1.0, -1.0]), name="gradient")


# --- softmax_jacobian ----------------------------------------------------------------------------

@check("softmax_jacobian", points=1)
def test_softmax_jacobian_small():
    z = np.array([1.0, 2.0, 0.5])
    s = np.exp(z) / np.exp(z).sum()
    J = la.softmax_jacobian(z.copy())
    assert_shape(J, (3, 3), name="J", hint="the full Jacobian is (n, n)")
    assert_close(J, np.diag(s) - np.outer(s, s), name="J")


@check("softmax_jacobian", points=1)
def test_softmax_jacobian_large_logits_are_finite():
    J = la.softmax_jacobian(np.array([1000.0, 999.0, -1000.0]))
    expect(np.all(np.isfinite(np.asarray(J, dtype=float))),
           "J has NaN or inf at z ~ 1000: exp overflows; subtract max(z) first")
