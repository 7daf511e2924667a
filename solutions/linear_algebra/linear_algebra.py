"""Linear algebra for ML, from scratch in numpy: the reference solutions.

Eight katas, two families:

* factorisations and solvers: ``lu_solve`` (Gaussian elimination with partial pivoting),
  ``gram_schmidt_qr`` (modified Gram-Schmidt), ``power_iteration`` (dominant eigenpair),
  ``low_rank_approx`` (truncated SVD, Eckart-Young);
* matrix calculus: ``numerical_jacobian`` (central differences), ``grad_least_squares``,
  ``grad_quadratic_form`` and ``softmax_jacobian`` (derived by hand, checked against autograd).

Every function takes array-likes (lists, integer arrays), returns float64 numpy arrays and never
modifies its inputs. The brief, exercises/linear_algebra/README.md, pins every convention.
"""
import numpy as np


# --- solvers and factorisations -----------------------------------------------------------------

def lu_solve(A, b):
    """Solve ``A x = b`` by Gaussian elimination with partial pivoting (PA = LU, then two sweeps).

    A: (n, n). b: (n,) or (n, k); x has the shape of b. Raises ``np.linalg.LinAlgError`` when
    the chosen pivot is at most ``1e-12 * max|A|`` (A singular to working precision).

    >>> lu_solve([[0.0, 2.0], [3.0, 1.0]], [4.0, 5.0])   # a zero on the diagonal: must pivot
    array([1., 2.])
    """
    U = np.array(A, dtype=float)              # a copy: the caller's A is never touched
    x = np.array(b, dtype=float)              # becomes L^-1 P b, then the solution
    n = U.shape[0]
    tol = 1e-12 * np.abs(U).max(initial=0.0)
    # Forward elimination. L's multipliers are applied to x as they are made, so L is never stored.
    for k in range(n):
        p = k + int(np.argmax(np.abs(U[k:, k])))  # the largest pivot candidate in column k
        if abs(U[p, k]) <= tol:
            raise np.linalg.LinAlgError(f"matrix is singular: no usable pivot in column {k}")
        if p != k:                                # swap rows k and p of U and of the right-hand side
            U[[k, p]] = U[[p, k]]
            x[[k, p]] = x[[p, k]]
        m = U[k + 1:, k] / U[k, k]                # (n-k-1,) multipliers: column k of L
        U[k + 1:, k:] -= np.outer(m, U[k, k:])
        x[k + 1:] -= np.multiply.outer(m, x[k])   # (n-k-1,) or (n-k-1, k) for a matrix b
    # Back substitution with the upper-triangular U.
    for k in range(n - 1, -1, -1):
        x[k] = (x[k] - U[k, k + 1:] @ x[k + 1:]) / U[k, k]
    return x


def gram_schmidt_qr(A):
    """Reduced QR of a full-column-rank A (m, n), m >= n, by *modified* Gram-Schmidt.

    Returns Q (m, n) with orthonormal columns and R (n, n) upper triangular with R[j, j] > 0,
    so that Q @ R == A. Raises ``np.linalg.LinAlgError`` when column j, once the earlier
    directions are removed, keeps at most 1e-12 of its original norm (rank-deficient A).

    Modified GS subtracts each new direction q_j from the *current* remaining columns, so the
    rounding errors of earlier steps are projected out too: Q loses orthogonality like
    cond(A) * eps, where classical GS loses it like cond(A)**2 * eps.

    >>> Q, R = gram_schmidt_qr([[3.0, 1.0], [4.0, 2.0]])
    >>> R.round(6)
    array([[5. , 2.2],
           [0. , 0.4]])
    """
    V = np.array(A, dtype=float)              # (m, n) working copy; its columns become Q
    m, n = V.shape
    norms = np.linalg.norm(V, axis=0)         # (n,) original column norms, for the rank test
    R = np.zeros((n, n))
    for j in range(n):
        R[j, j] = np.linalg.norm(V[:, j])
        if R[j, j] <= 1e-12 * norms[j] or R[j, j] == 0.0:
            raise np.linalg.LinAlgError(f"column {j} is linearly dependent on the previous columns")
        V[:, j] /= R[j, j]
        # Remove q_j from every later column right away (this is what makes it "modified").
        R[j, j + 1:] = V[:, j] @ V[:, j + 1:]          # (n-j-1,)
        V[:, j + 1:] -= np.outer(V[:, j], R[j, j + 1:])  # (m, n-j-1)
    return V, R


def power_iteration(A, num_iters=1000, tol=1e-10):
    """Dominant eigenpair of a square A by repeated multiplication.

    Start from ones(n)/sqrt(n); each step v <- A v / ||A v||, then flip v so that its entry of
    largest magnitude is positive. Stop once ||v_new - v|| < tol or after num_iters steps.
    The eigenvalue is the Rayleigh quotient v^T A v, so it keeps its sign (negative is possible).

    >>> lam, v = power_iteration([[2.0, 1.0], [1.0, 2.0]])
    >>> round(lam, 9), v.round(6)
    (3.0, array([0.707107, 0.707107]))
    """
    A = np.asarray(A, dtype=float)
    n = A.shape[0]
    v = np.ones(n) / np.sqrt(n)
    for _ in range(num_iters):
        w = A @ v
        w /= np.linalg.norm(w)
        w *= np.sign(w[np.argmax(np.abs(w))])   # pin the sign: largest-magnitude entry positive
        converged = np.linalg.norm(w - v) < tol
        v = w
        if converged:
            break
    return float(v @ A @ v), v


def low_rank_approx(A, k):
    """Best rank-k approximation of A (m, n) in Frobenius norm, and that norm of the error.

    Eckart-Young: keep the k largest singular triplets, A_k = U_k diag(s_k) V_k^T, and
    ||A - A_k||_F = sqrt(s_{k+1}^2 + ... + s_r^2). k = 0 gives zeros; k = min(m, n) gives A.

    >>> A_k, err = low_rank_approx(np.diag([3.0, 2.0, 1.0]), 1)
    >>> A_k.diagonal(), round(err, 6)          # err = sqrt(2**2 + 1**2)
    (array([3., 0., 0.]), 2.236068)
    """
    A = np.asarray(A, dtype=float)
    U, s, Vt = np.linalg.svd(A, full_matrices=False)  # U (m, r), s (r,), Vt (r, n), r = min(m, n)
    A_k = (U[:, :k] * s[:k]) @ Vt[:k]                  # (m, k) * (k,) -> (m, k); @ (k, n) -> (m, n)
    return A_k, float(np.sqrt(np.sum(s[k:] ** 2)))


# --- matrix calculus ---------------------------------------------------------------------------

def numerical_jacobian(f, x, eps=1e-6):
    """Jacobian of f: R^n -> R^m at x by central differences, shape (m, n).

    Column j is (f(x + eps e_j) - f(x - eps e_j)) / (2 eps): error O(eps^2), where the forward
    difference (f(x + eps e_j) - f(x)) / eps has error O(eps). A scalar f counts as m = 1.

    >>> numerical_jacobian(lambda x: np.array([x[0] * x[1], x[1] ** 2]), [2.0, 3.0]).round(6)
    array([[3., 2.],
           [0., 6.]])
    """
    x = np.array(x, dtype=float)              # a float copy: perturbing it never touches the caller's x
    columns = []
    for j in range(x.size):
        step = np.zeros_like(x)
        step[j] = eps
        f_plus = np.atleast_1d(np.asarray(f(x + step), dtype=float))
        f_minus = np.atleast_1d(np.asarray(f(x - step), dtype=float))
        columns.append((f_plus - f_minus) / (2 * eps))   # (m,): how f moves along e_j
    return np.stack(columns, axis=1)                       # (m, n): one column per input


def grad_least_squares(A, x, b):
    """Gradient in x of L(x) = 1/2 ||A x - b||^2, which is A^T (A x - b), shape (n,).

    With r = A x - b, dL = r^T dr = r^T A dx, so the gradient is A^T r.

    >>> grad_least_squares([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], [1.0, 0.0], [0.0, 0.0, 0.0])
    array([35., 44.])
    """
    A, x, b = (np.asarray(t, dtype=float) for t in (A, x, b))
    return A.T @ (A @ x - b)                  # (n, m) @ (m,) -> (n,)


def grad_quadratic_form(A, x):
    """Gradient in x of q(x) = x^T A x, which is (A + A^T) x, shape (n,).

    d(x^T A x) = dx^T A x + x^T A dx = x^T (A^T + A) dx. Only for symmetric A is it 2 A x.

    >>> grad_quadratic_form([[0.0, 1.0], [0.0, 0.0]], [1.0, 2.0])   # q = x0 * x1
    array([2., 1.])
    """
    A, x = np.asarray(A, dtype=float), np.asarray(x, dtype=float)
    return (A + A.T) @ x


def softmax_jacobian(z):
    """Jacobian of s = softmax(z) for z of shape (n,): J = diag(s) - s s^T, shape (n, n).

    J[i, j] = ds_i/dz_j = s_i (delta_ij - s_j). softmax(z) = softmax(z - max z), and the
    shifted exponents are <= 0, so nothing overflows even at z ~ 1000.

    >>> softmax_jacobian([0.0, 0.0]).tolist()
    [[0.25, -0.25], [-0.25, 0.25]]
    """
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max())                   # a new array: z itself is not shifted in place
    s = e / e.sum()
    return np.diag(s) - np.outer(s, s)
