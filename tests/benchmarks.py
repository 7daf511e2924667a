"""`make bench`: what isolation costs. Grades every phase of the reference solutions with the
grader (forked, isolated workers) and, in the same run, runs the same public and hidden checks
with plain pytest in one process; prints both wall times and their ratio (aim: <= 1.3).

    python -m tests.benchmarks [--repeat 3]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

from grader.catalogue import REPO, SOLUTIONS, all_topics
from grader.worker import GRADING_INI, check_files


def _timed(command: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"error: benchmark command failed ({done.returncode}): {' '.join(command)}\n{done.stderr[-2000:]}")
    return elapsed


def grade_vs_pytest(repeat: int) -> dict[str, float]:
    topics = [t for t in all_topics() if t.available]
    files = [str(f) for t in topics for f in check_files(t, hidden=True)]
    out = os.path.join(tempfile.mkdtemp(), "grade.json")
    grader_cmd = [sys.executable, "-m", "grader", "grade", "--phase", "all", "--target", str(SOLUTIONS),
                  "--format", "json", "--output", out]
    pytest_cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--import-mode=importlib",
                  "-c", str(GRADING_INI), "--rootdir", str(REPO), "--assert=plain", *files]
    env = {**os.environ, "KATA_TARGET": str(SOLUTIONS), "KATA_STATE_DIR": tempfile.mkdtemp()}
    grader_times, pytest_times = [], []
    for _ in range(repeat):
        grader_times.append(_timed(grader_cmd, env))
        pytest_times.append(_timed(pytest_cmd, env))
    g, p = statistics.median(grader_times), statistics.median(pytest_times)
    return {"topics": len(topics), "grader_s": g, "pytest_s": p, "ratio": g / p}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"Grading PHASE=all TARGET=solutions vs plain pytest in one process (median of {args.repeat}, "
          f"{os.cpu_count()} cores)...", flush=True)
    r = grade_vs_pytest(args.repeat)
    print(f"  topics graded:                 {r['topics']}")
    print(f"  python -m grader grade:        {r['grader_s']:.2f} s  (isolated workers, {os.cpu_count()} at a time)")
    print(f"  python -m pytest (one process): {r['pytest_s']:.2f} s")
    print(f"  ratio grader / pytest:         {r['ratio']:.2f}  (aim: <= 1.3)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
