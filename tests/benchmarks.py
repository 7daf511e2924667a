"""`make bench`: what isolation costs. Grades every phase of the reference solutions with the
grader (the learner's code in jails, and with --no-jail in the judge's own workers) and, in the
same run, runs the same public and hidden checks with plain pytest in one process; prints the wall
times and their ratios (aim: jailed <= 1.5x plain pytest); first, one topic's variants graded with
the checks collected once in the parent against pytest.main in every judge. `make bench-classroom`: a synthetic
class graded jailed and --no-jail in the same run (aim: jailed >= 0.7x the unjailed rate).

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
from pathlib import Path

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
    grader_times, one_worker_times, pytest_times, nojail_times = [], [], [], []
    for _ in range(repeat):
        grader_times.append(_timed(grader_cmd, env))
        one_worker_times.append(_timed(grader_cmd + ["--workers", "1"], env))
        nojail_times.append(_timed(grader_cmd + ["--no-jail"], env))
        pytest_times.append(_timed(pytest_cmd, env))
    g, g1, n, p = (statistics.median(t) for t in (grader_times, one_worker_times, nojail_times, pytest_times))
    return {"topics": len(topics), "grader_s": g, "grader_1_s": g1, "nojail_s": n, "pytest_s": p,
            "ratio": g / p, "ratio_1": g1 / p, "ratio_nojail": n / p}


def judge_startup(topic_id: str, repeat: int) -> dict[str, float]:
    """The known-wrong variants and alternatives of one topic (as make test grades them), with the
    checks collected once in the parent for every judge, and with each judge running pytest.main."""
    from grader.catalogue import topic as find_topic
    from grader.worker import Limits, preload, run_jobs
    from tests.kata_cases import variant_jobs

    topic = find_topic(topic_id)
    jobs = variant_jobs(topic, Path(tempfile.mkdtemp(prefix="kata-bench-judges-")))
    preload([topic], jail=False)
    times: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(repeat):
        for once in (False, True):
            start = time.perf_counter()
            run_jobs(jobs, Limits(check_timeout=30, topic_deadline=300, jail=False, collect_once=once), workers=1)
            times[once].append(time.perf_counter() - start)
    each, once = statistics.median(times[False]), statistics.median(times[True])
    return {"jobs": len(jobs), "each_s": each, "once_s": once, "ratio": once / each}


def synthetic_class(root: Path, size: int, phase_spec: str) -> Path:
    """``size`` submissions cycling through: the reference, the stubs, and each known-wrong variant."""
    from grader.catalogue import EXERCISES, select_phases
    from tests.kata_cases import build_variant_tree, copy_tree, variants_of

    topics = [t for p in select_phases(phase_spec) for t in p.topics if t.available]
    variants = [v for t in topics for v in variants_of(t)]
    kinds = ["solution", "stub"] + [f"variant{i}" for i in range(len(variants))]
    subs = root / "submissions"
    for n in range(size):
        kind = kinds[n % len(kinds)]
        dest = subs / f"student{n:03d}"
        if kind == "stub":
            copy_tree(EXERCISES, dest, topics)
        else:
            copy_tree(SOLUTIONS, dest, topics)
            if kind.startswith("variant"):
                variant = variants[int(kind[7:])]
                build_variant_tree(variant, dest)
    return subs


def classroom_vs_sequential(size: int, phase_spec: str) -> dict[str, float]:
    root = Path(tempfile.mkdtemp(prefix="kata-bench-class-"))
    subs = synthetic_class(root, size, phase_spec)
    env = {**os.environ, "KATA_STATE_DIR": str(root / "state")}
    command = [sys.executable, "-m", "grader", "classroom", "--submissions", str(subs), "--phase", phase_spec,
               "--quiet", "--allow-unsandboxed"]
    start = time.perf_counter()
    subprocess.run(command + ["--out", str(root / "out-nojail"), "--no-jail"], cwd=REPO, env=env, check=True,
                   capture_output=True)
    unjailed = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run(command + ["--out", str(root / "out")], cwd=REPO, env=env, check=True, capture_output=True)
    parallel = time.perf_counter() - start
    start = time.perf_counter()
    for sub in sorted(subs.iterdir()):
        subprocess.run(["make", "--no-print-directory", "grade", f"PHASE={phase_spec}", f"TARGET={sub}", "FORMAT=json",
                        f"OUTPUT={root / 'seq.json'}"], cwd=REPO, env=env, check=True, capture_output=True)
    sequential = time.perf_counter() - start
    return {"size": size, "classroom_per_min": 60 * size / parallel, "sequential_per_min": 60 * size / sequential,
            "nojail_per_min": 60 * size / unjailed, "speedup": sequential / parallel, "jail_rate": unjailed / parallel}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--classroom", action="store_true", help="classroom run vs one make grade per submission")
    parser.add_argument("--class-size", type=int, default=60)
    parser.add_argument("--phase", default="1")
    args = parser.parse_args(argv)
    if args.classroom:
        print(f"Synthetic class of {args.class_size} submissions, phase {args.phase} "
              f"(reference, stubs and known-wrong variants mixed)...", flush=True)
        r = classroom_vs_sequential(args.class_size, args.phase)
        print(f"  make classroom (parallel, {os.cpu_count()} cores): {r['classroom_per_min']:.1f} submissions/min (jailed)")
        print(f"  ... with --no-jail:                 {r['nojail_per_min']:.1f} submissions/min")
        print(f"  ratio jailed / --no-jail:           {r['jail_rate']:.2f}x  (aim: >= 0.7)")
        print(f"  make grade, one after another:      {r['sequential_per_min']:.1f} submissions/min")
        print(f"  ratio classroom / sequential:        {r['speedup']:.2f}x")
        return 0
    print(f"Grading one topic's known-wrong variants and alternatives, one judge at a time (median of "
          f"{args.repeat})...", flush=True)
    j = judge_startup("linear_algebra", args.repeat)
    print(f"  jobs (linear_algebra):          {j['jobs']}")
    print(f"  each judge runs pytest.main:    {j['each_s']:.2f} s")
    print(f"  checks collected once (parent): {j['once_s']:.2f} s")
    print(f"  ratio once / each:              {j['ratio']:.2f}")
    print(f"Grading PHASE=all TARGET=solutions vs plain pytest in one process (median of {args.repeat}, "
          f"{os.cpu_count()} cores)...", flush=True)
    r = grade_vs_pytest(args.repeat)
    print(f"  topics graded:                 {r['topics']}")
    print(f"  python -m grader grade:        {r['grader_s']:.2f} s  (jailed, default workers: two jobs per core)")
    print(f"  ... with --no-jail:            {r['nojail_s']:.2f} s  (the learner's code in the judge's workers)")
    print(f"  ... with --workers 1:          {r['grader_1_s']:.2f} s  (same single core as pytest)")
    print(f"  python -m pytest (one process): {r['pytest_s']:.2f} s")
    print(f"  ratio grader / pytest:         {r['ratio']:.2f}  (aim: <= 1.5)")
    print(f"  ratio --no-jail / pytest:      {r['ratio_nojail']:.2f}")
    print(f"  ratio, one worker / pytest:    {r['ratio_1']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
