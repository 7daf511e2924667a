"""Find a class's submissions and lay each out like exercises/, without touching the original.

A submission is a folder laid out like ``exercises/`` (or holding one somewhere inside, e.g. a
whole clone of the repository), a ``.zip`` of one, or a git repository (graded at HEAD). Only the
learner modules (``<topic>/<topic>.py``; or flat ``<topic>.py`` files) are copied into a scratch
tree; nothing else is read, and the original is never written to.

>>> student_id(Path("submissions/Alice.zip"))
'alice'
"""
from __future__ import annotations

import os
import re
import stat
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from grader.catalogue import all_topics

MAX_FILE_BYTES = 5 * 1024 * 1024  # one learner module
MAX_SUBMISSION_BYTES = 32 * 1024 * 1024  # all of a submission's learner modules together
MAX_ENTRIES = 20_000  # files looked at in a folder or a zip
MAX_RATIO = 200  # a zip member that inflates more than this is a zip bomb
SKIP_DIRS = {".git", ".venv", "venv", "node_modules", "__pycache__", ".ipynb_checkpoints", "solutions"}


class SubmissionError(Exception):
    """This submission cannot be graded; the message says why in one line."""


@dataclass(frozen=True)
class Submission:
    student: str
    path: Path
    kind: str  # folder | zip | git | invalid
    reason: str = ""  # why an invalid entry cannot be graded

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


def normalise_id(name: str) -> str:
    """The id a name stands for: safe as a file name, the same for 'Bob Smith' and a roster's 'bob smith'.

    >>> normalise_id("../Bob Smith")
    'bob_smith'
    """
    return re.sub(r"[^a-z0-9_.@-]+", "_", name.strip().lower()).strip("._")[:100] or "unnamed"


def student_id(path: Path) -> str:
    name = path.name[:-4] if path.name.lower().endswith(".zip") else path.name
    return normalise_id(name)


def discover(folder: Path) -> list[Submission]:
    """Every entry of ``folder`` (hidden ones skipped), sorted by student id; symlinks are not followed.

    Two entries that stand for the same student id (``alice/`` and ``alice.zip``, ``Bob Smith`` and
    ``bob_smith``) are never merged: that id gets one invalid entry naming both.
    """
    found: dict[str, list[Submission]] = {}
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            reason = ""
            if entry.is_symlink():
                kind, reason = "invalid", f"{entry.name} is a symbolic link, which the grader does not follow"
            elif entry.is_dir(follow_symlinks=False):
                kind = "git" if (path / ".git").is_dir() and not (path / ".git").is_symlink() else "folder"
            elif entry.is_file(follow_symlinks=False) and entry.name.lower().endswith(".zip"):
                kind = "zip"
            elif entry.is_file(follow_symlinks=False):
                kind, reason = "invalid", f"{entry.name} is not a folder, a .zip or a git repository"
            else:
                kind, reason = "invalid", f"{entry.name} is a FIFO, device or socket: refused"
            found.setdefault(student_id(path), []).append(Submission(student_id(path), path, kind, reason))
    out = []
    for sid, subs in found.items():
        if len(subs) > 1:
            names = ", ".join(s.path.name for s in subs)
            out.append(Submission(sid, subs[0].path, "invalid",
                                  f"two submissions stand for student {sid} ({names}): keep one and grade again"))
        else:
            out.append(subs[0])
    return sorted(out, key=lambda s: s.student)


# --- listing and reading each kind -------------------------------------------------------------

def _folder_files(root: Path) -> dict[str, Path]:
    files = {}
    seen = 0
    for dirpath, dirnames, filenames in os.walk(root):  # never into symlinked folders
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS and not d.startswith(".")]
        seen += len(filenames) + len(dirnames)
        if seen > MAX_ENTRIES:
            raise SubmissionError(f"{root.name} holds more than {MAX_ENTRIES} files: submit just the exercises folder")
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
        raise SubmissionError(submission.reason or f"{submission.path.name} is not a folder, a .zip or a git repository")
    contents = _read_modules(submission)
    if not contents:
        raise SubmissionError(f"{submission.path.name} holds no learner module (<topic>/<topic>.py)")
    if sum(len(data) for data in contents.values()) > MAX_SUBMISSION_BYTES:
        raise SubmissionError(f"{submission.path.name} is larger than {MAX_SUBMISSION_BYTES // 2**20} MiB of learner modules")
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
                listing = archive.infolist()
                if len(listing) > MAX_ENTRIES:
                    raise SubmissionError(f"{submission.path.name} holds more than {MAX_ENTRIES} entries")
                infos = {i.filename: i for i in listing if not i.is_dir() and not _zip_symlink(i)}
                chosen = _pick([n for n in infos if not _unsafe(n)])
                out = {}
                for topic_id, name in chosen.items():
                    info = infos[name]
                    if info.file_size > MAX_FILE_BYTES:
                        raise SubmissionError(f"{name} in {submission.path.name} is larger than {MAX_FILE_BYTES // 2**20} MiB")
                    if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 1 << 20:
                        raise SubmissionError(f"{name} in {submission.path.name} inflates {info.file_size // info.compress_size}x: "
                                              "a zip bomb is not graded")
                    with archive.open(info) as member:  # never trust the declared size: read at most the cap
                        data = member.read(MAX_FILE_BYTES + 1)
                    if len(data) > MAX_FILE_BYTES:
                        raise SubmissionError(f"{name} in {submission.path.name} is larger than {MAX_FILE_BYTES // 2**20} MiB")
                    out[topic_id] = data
                return out
        except (zipfile.BadZipFile, OSError, RuntimeError) as error:
            raise SubmissionError(f"{submission.path.name} could not be read as a zip file: {error}") from None
    if submission.kind == "git":
        listing = _git(submission, "ls-tree", "-r", "-l", "HEAD").decode(errors="replace").splitlines()
        files = {}
        for line in listing[:MAX_ENTRIES + 1]:
            meta, _, path = line.partition("\t")
            mode, kind, _, size = (meta.split() + ["", "", "", "-"])[:4]
            if kind == "blob" and mode != "120000":  # no symlinks
                files[path] = int(size) if size.isdigit() else 0
        if len(listing) > MAX_ENTRIES:
            raise SubmissionError(f"{submission.path.name} holds more than {MAX_ENTRIES} files at HEAD")
        chosen = _pick(list(files))
        for path in chosen.values():
            if files[path] > MAX_FILE_BYTES:
                raise SubmissionError(f"{path} in {submission.path.name} is larger than {MAX_FILE_BYTES // 2**20} MiB")
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


def _zip_symlink(info: zipfile.ZipInfo) -> bool:
    return (info.external_attr >> 16) & 0o170000 == 0o120000


def _read_capped(path: Path) -> bytes:
    """A learner module's bytes: a regular file, not through a symlink, at most the cap."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        if error.errno == 40:  # ELOOP: the module is a symlink
            raise SubmissionError(f"{path.name} is a symbolic link, which the grader does not follow") from None
        raise SubmissionError(f"{path.name} cannot be read: {error.strerror}") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise SubmissionError(f"{path.name} is not a regular file (a FIFO, device or socket): refused")
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise SubmissionError(f"{path.name} is larger than {MAX_FILE_BYTES // 2**20} MiB")
    return data
