import numpy as np
from grader.check import check, learner, assert_close

la = learner("linear_algebra")


@check("gram_schmidt_qr", points=1)
def test_qr_reconstructs():
    A = np.random.default_rng(0).normal(size=(12, 5))
    Q, R = la.gram_schmidt_qr(A)
    assert_close(Q @ R, A, name="Q @ R")
