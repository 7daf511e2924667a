"""``python -m grader``: grade, check, hint, next, progress.

Every command prints a one-line ``error: ...`` and exits 2 when it cannot do its job; ``grade``
exits 0 whatever the score.
"""
from __future__ import annotations

import argparse
import os
import sys

# One BLAS/OpenMP thread per worker: topics are graded in parallel processes instead.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def _sandbox_notice(jail: bool) -> list[str]:
    """Print, once and in one line, which protections this machine cannot give the jail."""
    if not jail:
        print("note: --no-jail: the learner's code runs beside the checks (for benchmarks only)", file=sys.stderr)
        return ["no jail"]
    from grader.jails import missing_protections

    gaps = missing_protections()
    if gaps:
        print(f"note: the jail runs without {'; '.join(gaps)} on this machine", file=sys.stderr)
    return gaps


def _topic_or_fail(topic_id: str):
    from grader.catalogue import all_topics, topic

    try:
        return topic(topic_id)
    except KeyError:
        names = ", ".join(t.id for t in all_topics())
        raise SystemExit(_fail(f"unknown topic {topic_id!r}: use one of {names}"))


def cmd_grade(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from grader.grade import GradingError, grade
    from grader.progress import record
    from grader.report import print_report
    from grader.worker import Limits

    limits = Limits(check_timeout=args.check_timeout, topic_deadline=args.topic_deadline,
                    memory_mb=args.memory_mb, jail=not args.no_jail)
    _sandbox_notice(limits.jail)
    try:
        report = grade(args.target, args.phase, limits=limits, workers=args.workers, topic_id=args.topic)
    except GradingError as error:
        return _fail(str(error))
    record(report)
    if args.format == "json":
        text = json.dumps(report.to_dict(), indent=2)
        if args.output:
            Path(args.output).write_text(text + "\n", encoding="utf-8")
        else:
            print(text)
    else:
        from rich.console import Console

        if args.output:
            with open(args.output, "w", encoding="utf-8") as handle:
                print_report(report, Console(file=handle, width=120))
        else:
            print_report(report)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    if not args.topic:
        from grader.catalogue import all_topics

        names = ", ".join(t.id for t in all_topics() if t.available)
        return _fail(f"name a topic: make check TOPIC=<topic> (available: {names})")
    topic = _topic_or_fail(args.topic)
    if not topic.available:
        return _fail(f"topic {topic.id!r} is coming soon: it has no exercises yet")
    os.execv(sys.executable, [sys.executable, "-m", "pytest", str(topic.public_checks), "-q",
                              "-p", "no:cacheprovider", "--rootdir", str(topic.folder.parent.parent),
                              *args.pytest_args])
    return 0  # pragma: no cover


def cmd_next(args: argparse.Namespace) -> int:
    from grader.catalogue import REPO
    from grader.progress import next_kata

    found = next_kata()
    if found is None:
        print("Every kata passed at your last grade. Run `make grade PHASE=all` to confirm.")
        return 0
    topic, kata = found
    print(f"Next kata: {kata.name} — {kata.title}")
    print(f"  topic:  {topic.title} (phase {topic.phase})")
    print(f"  brief:  {topic.brief.relative_to(REPO)}")
    print(f"  code:   exercises/{topic.id}/{topic.id}.py")
    print(f"  check:  make check TOPIC={topic.id}   then   make grade PHASE={topic.phase}")
    print(f"  stuck?  make hint TOPIC={topic.id}")
    return 0


def cmd_hint(args: argparse.Namespace) -> int:
    from grader.katas import katas_of
    from grader.progress import next_hints, next_kata

    if args.topic:
        topic = _topic_or_fail(args.topic)
        if not topic.available:
            return _fail(f"topic {topic.id!r} is coming soon: it has no exercises yet")
        found = next_kata(topic)
        if found is None:
            print(f"Every kata of {topic.id} passed at your last grade: no hints needed.")
            return 0
    else:
        found = next_kata()
        if found is None:
            print("Every kata passed at your last grade: no hints needed.")
            return 0
    topic, kata = found
    if args.kata:
        kata = next((k for k in katas_of(topic) if k.name == args.kata), None)
        if kata is None:
            return _fail(f"{topic.id} has no kata {args.kata!r}: use one of {', '.join(k.name for k in katas_of(topic))}")
    hints, all_shown = next_hints(topic, kata, all_at_once=args.all)
    print(f"Hints for {topic.id} / {kata.name} — {kata.title}")
    for number, hint in enumerate(hints, 1):
        print(f"  {number}. {hint}")
    if all_shown:
        print("That is every hint for this kata; the brief's 'Conventions' section pins the details.")
    else:
        print(f"Run `make hint TOPIC={topic.id}` again for the next hint.")
    return 0


def cmd_progress(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table

    from grader.catalogue import PHASES
    from grader.katas import katas_of
    from grader.progress import last_grades

    progress = last_grades()
    table = Table(title="Your progress (from your last grades of exercises/)", title_justify="left")
    for column in ("phase", "topic", "katas passed", "points"):
        table.add_column(column)
    for phase in PHASES:
        for topic in phase.topics:
            if not topic.available:
                table.add_row(f"{phase.number} {phase.title}", topic.title, "coming soon", "")
                continue
            seen = progress.get(topic.id)
            katas = katas_of(topic)
            if seen is None:
                table.add_row(f"{phase.number} {phase.title}", topic.title, f"? / {len(katas)}",
                              f"not graded yet: make grade PHASE={phase.number}")
                continue
            passed = sum(1 for k in katas if seen["exercises"].get(k.name) == "passed")
            table.add_row(f"{phase.number} {phase.title}", topic.title, f"{passed} / {len(katas)}",
                          f"{seen['score']:g} / {seen['max_score']:g}")
    Console().print(table)
    return 0


def cmd_classroom(args: argparse.Namespace) -> int:
    from datetime import datetime, timezone
    from pathlib import Path

    from rich.console import Console

    from grader.classroom import Classroom, ClassroomOptions
    from grader.grade import GradingError
    from grader.worker import Limits

    deadline = None
    if args.deadline:
        try:
            deadline = datetime.fromisoformat(args.deadline)
        except ValueError:
            return _fail(f"--deadline {args.deadline!r} is not a date: use e.g. 2026-12-01T23:59 (UTC)")
        if deadline.tzinfo is None:
            deadline = deadline.replace(tzinfo=timezone.utc)
    if args.roster and not Path(args.roster).is_file():
        return _fail(f"roster {args.roster!r} does not exist: pass ROSTER=<csv file with a student_id column>")
    gaps = _sandbox_notice(not args.no_jail)
    if gaps and not args.allow_unsandboxed:
        return _fail("a class is graded only in a full jail (see the note above): fix the machine, or pass "
                     "--allow-unsandboxed (ALLOW_UNSANDBOXED=1) to grade without those protections")
    options = ClassroomOptions(
        submissions=Path(args.submissions), phase=args.phase, out=Path(args.out), workers=args.workers,
        roster=Path(args.roster) if args.roster else None, resume=args.resume, deadline=deadline,
        penalty_per_day=args.penalty_per_day, dask=args.dask,
        limits=Limits(check_timeout=args.check_timeout, topic_deadline=args.topic_deadline, memory_mb=args.memory_mb,
                      jail=not args.no_jail),
        show_progress=not args.quiet)
    try:
        classroom = Classroom(options)
        records = classroom.run()
    except GradingError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return _fail(f"interrupted: {len(classroom.records)} students saved in {args.out}; run again with --resume")
    graded = sum(r["status"] == "graded" for r in records)
    Console().print(f"Graded {graded} of {len(records)} students; gradebook: {Path(args.out) / 'gradebook.csv'}, "
                    f"report: {Path(args.out) / 'report.html'}, feedback: {Path(args.out) / 'students'}/")
    return 0


def cmd_gradescope(args: argparse.Namespace) -> int:
    from pathlib import Path

    from grader.gradescope import build_autograder_zip, run_autograder

    if args.build:
        path = build_autograder_zip(Path(args.build), args.phase)
        print(f"Wrote {path}: upload it as the assignment's autograder (Ubuntu 24.04 base image).")
        return 0
    return run_autograder(Path(args.root), args.phase)


def cmd_release(args: argparse.Namespace) -> int:
    from pathlib import Path

    from grader.edition import EditionError, build_student_edition

    try:
        out = build_student_edition(Path(args.out))
    except EditionError as error:
        return _fail(str(error))
    print(f"Wrote the student edition to {out} (a git repository with one commit): push it as the class template.")
    return 0


def cmd_notebooks(args: argparse.Namespace) -> int:
    from pathlib import Path

    from grader.catalogue import SOLUTIONS
    from grader.grade import GradingError

    if not SOLUTIONS.is_dir():
        return _fail("this is a student edition: build the nbgrader course from the instructor's repository")
    try:
        from grader.notebooks import build_course

        out = build_course(Path(args.out), args.phase)
    except ImportError:
        return _fail("the nbgrader course needs the notebooks extra: pip install -e '.[notebooks]'")
    except GradingError as error:
        return _fail(str(error))
    print(f"Wrote the nbgrader course to {out}: cd {out} && nbgrader generate_assignment phase1")
    return 0


def build_parser() -> argparse.ArgumentParser:
    from grader.catalogue import EXERCISES

    parser = argparse.ArgumentParser(prog="python -m grader", description="ML Stack Katas autograder")
    sub = parser.add_subparsers(dest="command", required=True)

    grade = sub.add_parser("grade", help="grade a tree laid out like exercises/")
    grade.add_argument("--phase", default="all", help="phase number or 'all' (default: all)")
    grade.add_argument("--topic", help="grade just this topic (instead of a phase)")
    grade.add_argument("--target", default=str(EXERCISES), help="folder laid out like exercises/")
    grade.add_argument("--format", choices=("table", "json"), default="table")
    grade.add_argument("--output", help="write the report to this file instead of the terminal")
    grade.add_argument("--workers", type=int, default=None, help="topics graded at once (default: two per core)")
    grade.add_argument("--check-timeout", type=float, default=10.0, help="seconds per check")
    grade.add_argument("--topic-deadline", type=float, default=180.0, help="seconds per topic")
    grade.add_argument("--memory-mb", type=int, default=3072, help="memory a topic may use, in MiB")
    grade.add_argument("--no-jail", action="store_true", help=argparse.SUPPRESS)  # benchmarks only
    grade.set_defaults(func=cmd_grade)

    check = sub.add_parser("check", help="run one topic's public checks with pytest")
    check.add_argument("topic", nargs="?")
    check.add_argument("pytest_args", nargs=argparse.REMAINDER)
    check.set_defaults(func=cmd_check)

    hint = sub.add_parser("hint", help="the next hint for the first kata not yet passing")
    hint.add_argument("topic", nargs="?")
    hint.add_argument("--kata", help="a kata of the topic (default: the first not passing)")
    hint.add_argument("--all", action="store_true", help="show every hint at once")
    hint.set_defaults(func=cmd_hint)

    classroom = sub.add_parser("classroom", help="grade a whole class of submissions")
    classroom.add_argument("--submissions", required=True, help="folder of submissions (folders, .zip files, git repos)")
    classroom.add_argument("--phase", default="all")
    classroom.add_argument("--out", default="classroom-out", help="where the gradebook and feedback go")
    classroom.add_argument("--workers", type=int, default=None, help="topics graded at once (default: two per core)")
    classroom.add_argument("--roster", help="CSV of student ids; students without a submission are marked missing")
    classroom.add_argument("--resume", action="store_true", help="skip students already graded in --out")
    classroom.add_argument("--deadline", help="ISO date-time (UTC if no zone); later submissions are penalised")
    classroom.add_argument("--penalty-per-day", type=float, default=0.0, help="percent of the score lost per day late")
    classroom.add_argument("--dask", metavar="ADDRESS", help="grade on a Dask distributed cluster (tcp://host:8786)")
    classroom.add_argument("--check-timeout", type=float, default=10.0)
    classroom.add_argument("--topic-deadline", type=float, default=180.0)
    classroom.add_argument("--memory-mb", type=int, default=3072)
    classroom.add_argument("--quiet", action="store_true", help="no progress bar")
    classroom.add_argument("--allow-unsandboxed", action="store_true",
                           help="grade even where the jail lacks a protection (the note says which)")
    classroom.add_argument("--no-jail", action="store_true", help=argparse.SUPPRESS)  # benchmarks only
    classroom.set_defaults(func=cmd_classroom)

    gradescope = sub.add_parser("gradescope", help="build autograder.zip, or run inside Gradescope")
    gradescope.add_argument("--phase", default="all")
    gradescope.add_argument("--build", metavar="ZIP", help="write the Gradescope autograder zip here")
    gradescope.add_argument("--root", default="/autograder", help="Gradescope's root (submission/, results/)")
    gradescope.set_defaults(func=cmd_gradescope)

    release = sub.add_parser("release", help="write the student edition (no solutions, no hidden checks)")
    release.add_argument("--out", required=True)
    release.set_defaults(func=cmd_release)

    notebooks = sub.add_parser("notebooks", help="write the nbgrader course (source notebooks + config)")
    notebooks.add_argument("--out", required=True)
    notebooks.add_argument("--phase", default="all")
    notebooks.set_defaults(func=cmd_notebooks)

    sub.add_parser("next", help="which kata to do next").set_defaults(func=cmd_next)
    sub.add_parser("progress", help="every phase and topic, from your last grades").set_defaults(func=cmd_progress)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return _fail("interrupted")
