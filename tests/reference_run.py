"""Run checks against the reference in one process, under coverage.py, with the contract log on.

What the strength tests (tests/test_check_strength.py) and the mutation tool (tests/mutants.py)
read: which checks ran (their kata and pins), which parameters they set (grader.contracts), and
which lines and branches of the reference they reached (per check, with ``contexts=True``).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from grader.catalogue import REPO, SOLUTIONS, Topic


@dataclass
class ReferenceRun:
    returncode: int
    output: str  # the tail of pytest's output
    log: dict  # grader.contracts.write_log: {"katas": {...}, "checks": [...]}
    coverage: dict  # coverage.py's JSON report: {"files": {path: {...}}}

    def file(self, path: Path) -> dict:
        """The coverage entry of one reference module ({} when coverage saw nothing of it)."""
        return next((v for k, v in self.coverage.get("files", {}).items() if Path(k).resolve() == path.resolve()), {})


def run(topics: list[Topic], *, public: bool = False, contexts: bool = False, stop_at_first: bool = False,
        processes: int = 1) -> ReferenceRun:
    """The hidden checks (and the public ones with ``public``) of ``topics`` against solutions/.

    ``processes=2`` splits the topics between two runs at once (every other topic to each, so the
    heavy torch topics share out) and merges what they saw: the topics never share a file.
    """
    groups = [topics[i::processes] for i in range(max(1, processes)) if topics[i::processes]]
    if len(groups) > 1:
        with ThreadPoolExecutor(len(groups)) as pool:
            runs = list(pool.map(lambda g: run(g, public=public, contexts=contexts, stop_at_first=stop_at_first), groups))
        log: dict = {"katas": {}, "checks": []}
        for one in runs:
            log["katas"].update(one.log.get("katas", {}))
            log["checks"] += one.log.get("checks", [])
        files = {k: v for one in runs for k, v in one.coverage.get("files", {}).items()}
        failed = [one for one in runs if one.returncode != 0]
        return ReferenceRun(failed[0].returncode if failed else 0, (failed or runs)[0].output, log, {"files": files})
    scratch = Path(tempfile.mkdtemp(prefix="kata-reference-run-"))
    rc, data, report, log = scratch / "rc", scratch / ".coverage", scratch / "coverage.json", scratch / "log.json"
    rc.write_text("[run]\nbranch = true\n" + ("dynamic_context = test_function\n" if contexts else ""))
    sources = [str(t.module_in(SOLUTIONS)) for t in topics]
    checks = [str(p) for t in topics for p in ([t.public_checks] if public else []) + [t.hidden_checks] if p.is_file()]
    env = {**os.environ, "KATA_TARGET": str(SOLUTIONS), "COVERAGE_RCFILE": str(rc), "KATA_CONTRACT_LOG": str(log)}
    done = subprocess.run(
        [sys.executable, "-m", "coverage", "run", f"--data-file={data}", f"--include={','.join(sources)}",
         "-m", "pytest", *checks, "-q", "-p", "no:cacheprovider", "-o", "addopts=", "--timeout=120",
         *(["-x"] if stop_at_first else [])],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=1200)
    subprocess.run([sys.executable, "-m", "coverage", "json", f"--data-file={data}", "-o", str(report), "-q",
                    *(["--show-contexts"] if contexts else [])],
                   cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    return ReferenceRun(done.returncode, (done.stdout + done.stderr)[-3000:],
                        json.loads(log.read_text()) if log.is_file() else {},
                        json.loads(report.read_text()) if report.is_file() else {})
