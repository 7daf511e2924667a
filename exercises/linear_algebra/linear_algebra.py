"""Linear algebra for ML, from scratch in numpy.

Fill in each function, then run `make check TOPIC=linear_algebra` (public checks) and
`make grade PHASE=1` (the grade). The brief, exercises/linear_algebra/README.md, pins every
convention; `make hint TOPIC=linear_algebra` when stuck.

For every kata: accept array-likes (lists, integer and float32 arrays), return float64 numpy
arrays whatever the input dtype (scalars as Python floats, pairs as tuples), never modify the
arrays you are given (copy before working in place), and return new arrays, never an argument
itself or a view of it.
"""
import numpy as np


# --- solvers and factorisations -----------------------------------------------------------------

def lu_solve(A, b):
    """Solve A x = b by Gaussian elimination with partial pivoting.

    A: (n, n). b: (n,) or (n, k). Returns x (float64) with the shape of b: (n, 1) stays (n, 1).
    Partial pivoting: at step k, swap in the row (k or below) whose entry in column k has the
    largest absolute value (that entry may be negative). If it is <= 1e-12 * max|A|, raise
    np.linalg.LinAlgError.
    Banned: numpy.linalg.solve / inv, scipy.linalg.solve / inv / lu / lu_factor / lu_solve.

    >>> lu_solve([[0.0, 2.0], [3.0, 1.0]], [4.0, 5.0])   # a zero on the diagonal: must pivot
    array([1., 2.])
    """
    raise NotImplementedError("lu_solve: see exercises/linear_algebra/README.md")


def gram_schmidt_qr(A):
    """Reduced QR of A (m, n), m >= n, by modified Gram-Schmidt.

    Returns the tuple (Q, R): Q (m, n) with orthonormal columns and R (n, n) upper triangular, R[j, j] > 0,
    Q @ R == A. If column j, after removing the earlier directions, keeps a norm of at most
    1e-12 times its original norm (or is zero), raise np.linalg.LinAlgError.
    Banned: numpy.linalg.qr, scipy.linalg.qr.

    >>> Q, R = gram_schmidt_qr([[3.0, 1.0], [4.0, 2.0]])
    >>> R.round(6)
    array([[5. , 2.2],
           [0. , 0.4]])
    """
    raise NotImplementedError("gram_schmidt_qr: see exercises/linear_algebra/README.md")


def power_iteration(A, num_iters=1000, tol=1e-10):
    """Dominant eigenvalue (largest |lambda|) and its unit eigenvector, as the tuple
    (lam: Python float, v: float64 array of shape (n,)).

    v <- A v / ||A v||, at most num_iters times, stopping early once ||v_new - v|| < tol
    (compared after fixing the sign). Sign: the entry of v with the largest absolute value is
    positive, at every step. The eigenvalue is the Rayleigh quotient v^T A v of the v returned
    (after any number of steps): it may be negative.
    Banned: numpy.linalg.eig / eigh / eigvals / eigvalsh / svd, scipy.linalg.eig / eigh / eigvals /
    eigvalsh / svd, scipy.sparse.linalg.eigs / eigsh / svds.

    >>> lam, v = power_iteration([[2.0, 1.0], [1.0, 2.0]])
    >>> round(lam, 9), v.round(6)
    (3.0, array([0.707107, 0.707107]))
    """
    raise NotImplementedError("power_iteration: see exercises/linear_algebra/README.md")


def low_rank_approx(A, k):
    """Best rank-k approximation A_k of A (m, n) and the Frobenius norm of A - A_k.

    Returns the tuple (A_k, err): A_k a new float64 array of shape (m, n), err a Python float.
    0 <= k <= min(m, n); at the edges too (k = 0: float64 zeros; k = min(m, n): a copy of A and
    err = 0.0, a float). numpy.linalg.svd is allowed (and expected) here.

    >>> A_k, err = low_rank_approx(np.diag([3.0, 2.0, 1.0]), 1)
    >>> A_k.diagonal(), round(err, 6)          # err = sqrt(2**2 + 1**2)
    (array([3., 0., 0.]), 2.236068)
    """
    raise NotImplementedError("low_rank_approx: see exercises/linear_algebra/README.md")


# --- matrix calculus ---------------------------------------------------------------------------

def numerical_jacobian(f, x, eps=1e-6):
    """Jacobian of f: R^n -> R^m at x by central differences, shape (m, n).

    J[:, j] = (f(x + eps e_j) - f(x - eps e_j)) / (2 eps). x may be a list or an integer array,
    n = 1 included. Call f with float64 arrays of shape (n,); f returns shape (m,); a scalar
    return counts as m = 1, giving shape (1, n).
    Banned: scipy.optimize.approx_fprime, scipy.differentiate.jacobian, torch.autograd.functional.jacobian,
    torch.func.jacrev, torch.func.jacfwd.

    >>> numerical_jacobian(lambda x: np.array([x[0] * x[1], x[1] ** 2]), [2.0, 3.0]).round(6)
    array([[3., 2.],
           [0., 6.]])
    """
    raise NotImplementedError("numerical_jacobian: see exercises/linear_algebra/README.md")


def grad_least_squares(A, x, b):
    """Gradient in x of L(x) = 1/2 ||A x - b||^2 (note the 1/2), shape (n,).

    A: (m, n), x: (n,), b: (m,). Banned: torch autograd (torch.autograd.grad, Tensor.backward, torch.func.grad).

    >>> grad_least_squares([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], [1.0, 0.0], [0.0, 0.0, 0.0])
    array([35., 44.])
    """
    raise NotImplementedError("grad_least_squares: see exercises/linear_algebra/README.md")


def grad_quadratic_form(A, x):
    """Gradient in x of q(x) = x^T A x for any square A (not necessarily symmetric), shape (n,).

    A: (n, n), x: (n,). Banned: torch autograd (torch.autograd.grad, Tensor.backward, torch.func.grad).

    >>> grad_quadratic_form([[0.0, 1.0], [0.0, 0.0]], [1.0, 2.0])   # q = x0 * x1
    array([2., 1.])
    """
    raise NotImplementedError("grad_quadratic_form: see exercises/linear_algebra/README.md")


def softmax_jacobian(z):
    """Jacobian of s = softmax(z) for z of shape (n,): J[i, j] = ds_i / dz_j, shape (n, n).

    Must stay finite for z with entries around +-1000 (no NaN, no inf), also when one logit is far
    above the others. Banned: scipy.special.softmax / log_softmax / logsumexp, torch's softmax and
    log_softmax (functions and Tensor methods), autograd Jacobians.

    >>> softmax_jacobian([0.0, 0.0]).tolist()
    [[0.25, -0.25], [-0.25, 0.25]]
    """
    raise NotImplementedError("softmax_jacobian: see exercises/linear_algebra/README.md")
