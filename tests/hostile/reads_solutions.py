"""Reads the reference: looks for solutions/linear_algebra/linear_algebra.py everywhere it could be
(beside the grader it was given the path of, above its working folder and every loaded module, in the
repository the virtual environment's editable install points to, through /proc/<pid>/cwd and
/proc/<pid>/root of every process) and, if it can read one, runs it and keeps its functions.
Implements nothing itself: must score 0.
"""
import os
import re
import sys
from pathlib import Path

HOSTILE = globals().get("HOSTILE", {"repo": "/nonexistent"})
RELATIVE = Path("solutions") / "linear_algebra" / "linear_algebra.py"


def _candidates():
    bases = {Path(HOSTILE["repo"]), Path(sys.prefix).parent, Path("/work/main"), Path.cwd(),
             *Path.cwd().parents}
    for module in list(sys.modules.values()):
        found = getattr(module, "__file__", None)
        if found:
            bases.update(Path(found).parents)
    for entry in sys.path:  # the editable install's finder names the repository it was installed from
        try:
            for finder in Path(entry).glob("__editable__*finder.py"):
                for path in re.findall(r"'(/[^']+)'", finder.read_text()):
                    bases.update([Path(path), *Path(path).parents])
        except OSError:
            pass
    try:
        pids = [p for p in os.listdir("/proc") if p.isdigit()]
    except OSError:
        pids = []
    for pid in pids[:2000]:
        for link in ("cwd", "root"):
            bases.add(Path("/proc") / pid / link)
            bases.add(Path("/proc") / pid / link / str(HOSTILE["repo"]).lstrip("/"))
    yield from (b / RELATIVE for b in bases)


def _steal():
    for path in _candidates():
        try:
            text = path.read_text()
        except (OSError, ValueError):
            continue
        if "def lu_solve" in text and "NotImplementedError(\"lu_solve" not in text:
            namespace = {"__name__": "reference", "__file__": str(path)}
            exec(compile(text, str(path), "exec"), namespace)
            globals().update({k: v for k, v in namespace.items() if not k.startswith("__")})
            return str(path)
    return None


STOLEN_FROM = _steal()
