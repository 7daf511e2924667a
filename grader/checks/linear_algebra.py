import numpy as np
from grader.check import check, learner, assert_close

la = learner("linear_algebra")


@check("gram_schmidt_qr", points=2)
def test_q_orthonormal():
    A = np.random.default_rng(1).normal(size=(16, 4))
    Q, R = la.gram_schmidt_qr(A)
    assert_close(Q.T @ Q, np.eye(4), name="Q.T @ Q")
