"""Grade a whole class: every submission of a phase, in parallel, never stopped by one bad one.

    python -m grader classroom --submissions DIR --phase N [--out DIR] [--workers N]
        [--roster roster.csv] [--resume] [--deadline 2026-12-01T23:59] [--penalty-per-day 10]
        [--dask tcp://scheduler:8786]

Writes, as each student finishes: ``OUT/students/<id>.json`` (the grader's JSON plus the
classroom fields), ``.md`` and ``.html`` feedback; and ``OUT/gradebook.csv`` and
``OUT/report.html`` for the instructor. ``--resume`` skips students whose JSON is already there.
"""
from __future__ import annotations

import csv
import json
import math
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from grader.catalogue import Topic
from grader.feedback import instructor_report, student_html, student_markdown
from grader.grade import GradingError, hidden_checks_present, phases_for
from grader.results import GradeReport
from grader.submissions import Submission, SubmissionError, discover, materialise, normalise_id
from grader.worker import Job, Limits, preload, run_jobs


@dataclass
class ClassroomOptions:
    submissions: Path
    phase: str
    out: Path
    workers: int | None = None
    roster: Path | None = None
    resume: bool = False
    deadline: datetime | None = None
    penalty_per_day: float = 0.0  # percent of the raw score per day late
    dask: str | None = None
    limits: Limits = field(default_factory=Limits)
    show_progress: bool = True


def read_roster(path: Path) -> list[str]:
    """Student ids from a CSV: the column named student_id/id/student/login, else the first one."""
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
    except OSError as error:
        raise GradingError(f"cannot read roster {path}: {error.strerror}") from None
    if not rows:
        return []
    header = [h.strip().lower() for h in rows[0]]
    for name in ("student_id", "id", "student", "login", "github_username"):
        if name in header:
            column = header.index(name)
            return [normalise_id(r[column]) for r in rows[1:] if len(r) > column and r[column].strip()]
    return [normalise_id(r[0]) for r in rows if r and r[0].strip()]


def late_days(submitted_at: float | None, deadline: datetime | None) -> int:
    if deadline is None or submitted_at is None:
        return 0
    late = submitted_at - deadline.timestamp()
    return max(0, math.ceil(late / 86400))


def _record(student: str, status: str, report: dict | None, message: str, submitted_at: float | None,
            options: ClassroomOptions) -> dict:
    raw = report["score"] if report else 0.0
    days = late_days(submitted_at, options.deadline) if status == "graded" else 0
    penalty = round(raw * min(1.0, options.penalty_per_day * days / 100), 6)
    max_score = report["max_score"] if report else 0.0
    score = round(raw - penalty, 6)
    return {
        "student": student, "status": status, "message": message,
        "submitted_at": datetime.fromtimestamp(submitted_at, timezone.utc).isoformat() if submitted_at else None,
        "late_days": days, "raw_score": raw, "penalty": penalty, "score": score, "max_score": max_score,
        "percentage": 100 * score / max_score if max_score else 0.0,
        "topics": {t["topic"]: t["score"] for t in report["topics"] if t["status"] != "coming"} if report else {},
        "report": report,
    }


class Classroom:
    def __init__(self, options: ClassroomOptions):
        self.options = options
        self.out = Path(options.out)
        self.records: dict[str, dict] = {}
        self.phase_topics: list[Topic] = [t for p in phases_for(options.phase) for t in p.topics]
        self.topics = [t for t in self.phase_topics if t.available]

    # -- output ------------------------------------------------------------------------------
    def save(self, record: dict) -> None:
        self.records[record["student"]] = record
        folder = self.out / "students"
        folder.mkdir(parents=True, exist_ok=True)
        sid = record["student"]
        (folder / f"{sid}.md").write_text(student_markdown(record), encoding="utf-8")
        (folder / f"{sid}.html").write_text(student_html(record), encoding="utf-8")
        tmp = folder / f".{sid}.json.tmp"
        tmp.write_text(json.dumps(record, indent=1), encoding="utf-8")
        tmp.replace(folder / f"{sid}.json")  # last: its presence means "done" for --resume
        self.write_gradebook()

    def write_gradebook(self) -> None:
        records = [self.records[s] for s in sorted(self.records)]
        max_score = max((r["max_score"] for r in records), default=0.0)
        for r in records:  # missing or broken submissions are out of the class's maximum
            if not r["max_score"]:
                r["max_score"] = max_score
        columns = ["student_id", "status", *[t.id for t in self.topics], "raw_score", "late_days", "penalty",
                   "total", "max_score", "percentage", "message"]
        tmp = self.out / ".gradebook.csv.tmp"
        with open(tmp, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            for r in records:
                writer.writerow([r["student"], r["status"], *[f"{r['topics'].get(t.id, 0):g}" for t in self.topics],
                                 f"{r['raw_score']:g}", r["late_days"], f"{r['penalty']:g}", f"{r['score']:g}",
                                 f"{r['max_score']:g}", f"{100 * r['score'] / r['max_score'] if r['max_score'] else 0:.1f}",
                                 r["message"]])
        tmp.replace(self.out / "gradebook.csv")

    # -- the run -----------------------------------------------------------------------------
    def run(self) -> list[dict]:
        options = self.options
        if not Path(options.submissions).is_dir():
            raise GradingError(f"submissions folder {str(options.submissions)!r} does not exist: pass SUBMISSIONS=<folder>")
        self.out.mkdir(parents=True, exist_ok=True)
        submissions = discover(Path(options.submissions))
        roster = read_roster(options.roster) if options.roster else []
        if options.resume:
            self._load_done({s.student for s in submissions} | set(roster))
            for sub in submissions:  # started in an earlier run that never finished it: not again
                if sub.student not in self.records and self._started_marker(sub.student).exists():
                    self.save(_record(sub.student, "error", None,
                                      "grading this submission stopped an earlier run before it finished; "
                                      "it is not graded again (grade it alone to see why)", None, options))
        todo = [s for s in submissions if s.student not in self.records]
        scratch = Path(tempfile.mkdtemp(prefix="kata-classroom-"))
        try:
            trees: dict[str, Path] = {}
            for sub in todo:
                try:
                    trees[sub.student] = materialise(sub, scratch / sub.student)
                except SubmissionError as error:
                    self.save(_record(sub.student, "error", None, str(error), None, options))
            by_student = {s.student: s for s in todo}
            try:
                with _progress(len(todo), options.show_progress, done=len(todo) - len(trees)) as advance:
                    grade = self._grade_dask if options.dask else self._grade_local
                    grade(trees, by_student, advance)
            except KeyboardInterrupt:  # a clean stop, not a crash: those students are simply not graded yet
                for student in trees:
                    if student not in self.records:
                        self._started_marker(student).unlink(missing_ok=True)
                raise
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        for student in roster:
            if student not in self.records:
                self.save(_record(student, "missing", None, "no submission", None, options))
        self.write_gradebook()
        (self.out / "report.html").write_text(
            instructor_report([self.records[s] for s in sorted(self.records)], options.phase), encoding="utf-8")
        return [self.records[s] for s in sorted(self.records)]

    def _started_marker(self, student: str) -> Path:
        return self.out / "students" / f".{student}.started"

    def mark_started(self, student: str) -> None:
        """Written before a student's first job runs, so --resume can tell a crash from not-yet-graded."""
        marker = self._started_marker(student)
        if not marker.exists():
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.write_text(datetime.now(timezone.utc).isoformat(), encoding="utf-8")

    def _load_done(self, students: set[str]) -> None:
        for student in students:
            path = self.out / "students" / f"{student}.json"
            if path.is_file():
                try:
                    self.records[student] = json.loads(path.read_text(encoding="utf-8"))
                except ValueError:
                    continue  # a torn file: grade again

    def _finish(self, sub: Submission, report: dict) -> None:
        self.save(_record(sub.student, "graded", report, "", sub.submitted_at(), self.options))

    def _grade_local(self, trees: dict[str, Path], subs: dict[str, Submission], advance) -> None:
        hidden = hidden_checks_present(self.topics)
        preload(self.topics, jail=self.options.limits.jail)
        jobs = [Job(t, tree, hidden=hidden, key=(student, t.id)) for student, tree in trees.items() for t in self.topics]
        waiting = {student: len(self.topics) for student in trees}
        results: dict[str, dict] = {student: {} for student in trees}

        def on_result(job: Job, result) -> None:
            student, topic_id = job.key
            results[student][topic_id] = result
            waiting[student] -= 1
            if waiting[student] == 0:
                topics = [results[student].get(t.id) for t in self.topics]
                report = GradeReport(self.options.phase, str(subs[student].path), topics, hidden_checks=hidden)
                self._finish(subs[student], self._with_coming(report.to_dict()))
                advance()

        if not self.topics:  # a phase whose topics are all still coming
            for student in trees:
                self._finish(subs[student], self._with_coming(GradeReport(self.options.phase, "", []).to_dict()))
                advance()
        run_jobs(jobs, self.options.limits, self.options.workers, on_result=on_result,
                 on_start=lambda job: self.mark_started(job.key[0]))

    def _with_coming(self, report: dict) -> dict:
        present = {t["topic"] for t in report["topics"]}
        report["topics"] += [{"topic": t.id, "title": t.title, "phase": t.phase, "status": "coming", "message": "",
                              "score": 0.0, "max_score": 0.0, "exercises": [], "checks": []}
                             for t in self.phase_topics if t.id not in present]
        order = [t.id for t in self.phase_topics]
        report["topics"].sort(key=lambda t: order.index(t["topic"]))
        return report

    def _grade_dask(self, trees: dict[str, Path], subs: dict[str, Submission], advance) -> None:
        try:
            from distributed import Client, as_completed
        except ImportError:
            raise GradingError("--dask needs the optional extra: pip install -e '.[dask]'") from None
        try:
            client = Client(self.options.dask, timeout="20s")
        except (OSError, TimeoutError) as error:
            raise GradingError(f"cannot reach the Dask scheduler at {self.options.dask}: {error}") from None
        with client:
            futures = {}
            for student, tree in trees.items():
                files = {p.relative_to(tree).as_posix(): p.read_bytes() for p in tree.rglob("*.py")}
                future = client.submit(grade_files, files, self.options.phase, self.options.limits,
                                       key=f"kata-grade-{student}-{time.time_ns()}", pure=False)
                futures[future] = student
            for future in as_completed(futures):
                student = futures[future]
                try:
                    report = future.result()
                except Exception as error:  # a worker died: this student only
                    self.save(_record(student, "error", None, f"grading failed on the cluster: {error}", None, self.options))
                else:
                    self._finish(subs[student], report)
                advance()


def grade_files(files: dict[str, bytes], phase: str, limits: Limits) -> dict:
    """Runs on a Dask worker: grade one submission given as {relative path: bytes}.

    The grade runs in a fresh ``python -m grader`` process (the worker's own checkout), so a
    hostile submission cannot take the Dask worker down with it.
    """
    import subprocess
    import sys

    with tempfile.TemporaryDirectory(prefix="kata-dask-") as tmp:
        tree = Path(tmp) / "tree"
        for rel, data in files.items():
            path = tree / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        tree.mkdir(exist_ok=True)
        out = Path(tmp) / "grade.json"
        env = {**os.environ, "KATA_STATE_DIR": str(Path(tmp) / "state")}
        done = subprocess.run(
            [sys.executable, "-m", "grader", "grade", "--phase", phase, "--target", str(tree), "--format", "json",
             "--output", str(out), "--workers", "1", "--check-timeout", str(limits.check_timeout),
             "--topic-deadline", str(limits.topic_deadline), "--memory-mb", str(limits.memory_mb)],
            capture_output=True, text=True, env=env, cwd=Path(__file__).resolve().parent.parent)
        if done.returncode != 0:
            raise RuntimeError((done.stderr.strip().splitlines() or ["grader failed"])[-1])
        return json.loads(out.read_text(encoding="utf-8"))


class _progress:
    """A rich progress bar: count done, submissions per minute, time left."""

    def __init__(self, total: int, enabled: bool, done: int = 0):
        self.total, self.enabled, self.done = total, enabled, done

    def __enter__(self):
        if not self.enabled:
            return lambda: None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(TextColumn("grading"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[rate]}"), TextColumn("left"), TimeRemainingColumn(),
                                 console=Console(stderr=True))
        self.progress.start()
        self.task = self.progress.add_task("grading", total=self.total, completed=self.done, rate="")
        self.started = time.monotonic()
        self.count = 0

        def advance() -> None:
            self.count += 1
            minutes = (time.monotonic() - self.started) / 60
            self.progress.update(self.task, advance=1, rate=f"{self.count / minutes:.1f}/min" if minutes else "")

        return advance

    def __exit__(self, *exc) -> None:
        if self.enabled:
            self.progress.stop()
