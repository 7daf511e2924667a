"""Root conftest: every pytest run here (make check, make test) gets the grader's plugin
(the `kata` marker, banned shortcuts, one-line "not attempted" reports) and one BLAS/OpenMP thread:
the checks are tiny, and thread start-up on a busy 2-core machine costs more than it saves."""
import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

pytest_plugins = ["grader.plugin"]
