"""Find a class's submissions and lay each out like exercises/, without touching the original.

A submission is a folder laid out like ``exercises/`` (or holding one somewhere inside, e.g. a
whole clone of the repository), a ``.zip`` of one, or a git repository (graded at HEAD). Only the
learner modules (``<topic>/<topic>.py``; or flat ``<topic>.py`` files) are copied into a scratch
tree; nothing else is read, and the original is never written to.

>>> student_id(Path("submissions/alice.zip"))
'alice'
"""
from __future__ import annotations

import os
import re
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from grader.catalogue import all_topics

MAX_FILE_BYTES = 5 * 1024 * 1024
SKIP_DIRS = {".git", ".venv", "venv", "node_modules", "__pycache__", ".ipynb_checkpoints", "solutions"}


class SubmissionError(Exception):
    """This submission cannot be graded; the message says why in one line."""


@dataclass(frozen=True)
class Submission:
    student: str
    path: Path
    kind: str  # folder | zip | git | invalid

    def submitted_at(self) -> float | None:
        """Commit time for a git repository, else the newest file time (seconds since the epoch)."""
        if self.kind == "git":
            done = subprocess.run(["git", "-C", str(self.path), "log", "-1", "--format=%ct"],
                                  capture_output=True, text=True)
            return float(done.stdout.strip()) if done.returncode == 0 and done.stdout.strip() else None
        if self.kind == "folder":
            times = [p.stat().st_mtime for p in self.path.rglob("*.py") if p.is_file()]
            return max(times) if times else self.path.stat().st_mtime
        return self.path.stat().st_mtime


def student_id(path: Path) -> str:
    name = path.name[:-4] if path.name.lower().endswith(".zip") else path.name
    return re.sub(r"[^A-Za-z0-9_.@-]+", "_", name).strip("._") or "unnamed"


def discover(folder: Path) -> list[Submission]:
    """Every entry of ``folder`` (hidden ones skipped), sorted by student id."""
    found = []
    for entry in sorted(Path(folder).iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            kind = "git" if (entry / ".git").exists() else "folder"
        elif entry.suffix.lower() == ".zip":
            kind = "zip"
        else:
            kind = "invalid"
        found.append(Submission(student_id(entry), entry, kind))
    return sorted(found, key=lambda s: s.student)


# --- listing and reading each kind -------------------------------------------------------------

def _folder_files(root: Path) -> dict[str, Path]:
    files = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS and not d.startswith(".")]
        for name in filenames:
            if name.endswith(".py"):
                path = Path(dirpath) / name
                files[path.relative_to(root).as_posix()] = path
    return files


def _pick(paths: list[str]) -> dict[str, str]:
    """Map topic id -> the path in ``paths`` holding its learner module (best-laid-out prefix wins)."""
    ids = {t.id for t in all_topics()}
    by_prefix: dict[str, dict[str, str]] = {}
    for path in paths:
        parts = PurePosixPath(path).parts
        if len(parts) >= 2 and parts[-2] in ids and parts[-1] == f"{parts[-2]}.py":
            by_prefix.setdefault("/".join(parts[:-2]), {})[parts[-2]] = path
    if not by_prefix:  # flat files: linear_algebra.py next to probability.py
        for path in paths:
            parts = PurePosixPath(path).parts
            stem = parts[-1][:-3] if parts[-1].endswith(".py") else ""
            if stem in ids:
                by_prefix.setdefault("/".join(parts[:-1]), {})[stem] = path
    if not by_prefix:
        return {}
    best = max(by_prefix, key=lambda prefix: (len(by_prefix[prefix]), prefix.startswith("exercises"), -len(prefix)))
    return by_prefix[best]


def materialise(submission: Submission, scratch: Path) -> Path:
    """Copy the submission's learner modules into ``scratch`` laid out like exercises/."""
    if submission.kind == "invalid":
        raise SubmissionError(f"{submission.path.name} is not a folder, a .zip or a git repository")
    contents = _read_modules(submission)
    if not contents:
        raise SubmissionError(f"{submission.path.name} holds no learner module (<topic>/<topic>.py)")
    for topic_id, data in contents.items():
        dest = scratch / topic_id / f"{topic_id}.py"
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)
    return scratch


def _read_modules(submission: Submission) -> dict[str, bytes]:
    if submission.kind == "folder":
        files = _folder_files(submission.path)
        return {t: _read_capped(files[p]) for t, p in _pick(list(files)).items()}
    if submission.kind == "zip":
        if not zipfile.is_zipfile(submission.path):
            raise SubmissionError(f"{submission.path.name} is not a valid zip file: ask the student to upload it again")
        try:
            with zipfile.ZipFile(submission.path) as archive:
                infos = {i.filename: i for i in archive.infolist() if not i.is_dir()}
                chosen = _pick([n for n in infos if not _unsafe(n)])
                out = {}
                for topic_id, name in chosen.items():
                    if infos[name].file_size > MAX_FILE_BYTES:
                        raise SubmissionError(f"{name} in {submission.path.name} is larger than {MAX_FILE_BYTES // 2**20} MiB")
                    out[topic_id] = archive.read(name)
                return out
        except (zipfile.BadZipFile, OSError, RuntimeError) as error:
            raise SubmissionError(f"{submission.path.name} could not be read as a zip file: {error}") from None
    if submission.kind == "git":
        listing = _git(submission, "ls-tree", "-r", "--name-only", "HEAD")
        chosen = _pick(listing.decode().splitlines())
        return {t: _git(submission, "show", f"HEAD:{p}") for t, p in chosen.items()}
    raise SubmissionError(f"unknown submission kind {submission.kind}")


def _git(submission: Submission, *args: str) -> bytes:
    done = subprocess.run(["git", "-C", str(submission.path), *args], capture_output=True)
    if done.returncode != 0:
        reason = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["unknown error"]
        raise SubmissionError(f"{submission.path.name} is a git repository that could not be read at HEAD: {reason[0]}")
    return done.stdout


def _unsafe(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return name.startswith("/") or ".." in parts or any(p in SKIP_DIRS for p in parts)


def _read_capped(path: Path) -> bytes:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise SubmissionError(f"{path.name} is larger than {MAX_FILE_BYTES // 2**20} MiB")
    return path.read_bytes()
