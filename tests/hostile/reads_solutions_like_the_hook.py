"""The before-stop hook's integrity smoke test, verbatim: copy the reference out of solutions/ at
import (found above the working folder or above any loaded module). Must score 0."""
import importlib.util, pathlib, sys
_bases = {pathlib.Path.cwd(), *pathlib.Path.cwd().parents}
for _m in list(sys.modules.values()):
    _f = getattr(_m, "__file__", None)
    if _f:
        _bases.update(pathlib.Path(_f).resolve().parents)
for _b in sorted(_bases, key=lambda p: -len(p.parts)):
    _ref = _b / "solutions" / "linear_algebra" / "linear_algebra.py"
    if _ref.is_file() and _ref.resolve() != pathlib.Path(__file__).resolve():
        _spec = importlib.util.spec_from_file_location("_ref", _ref)
        _mod = importlib.util.module_from_spec(_spec)
        _spec.loader.exec_module(_mod)
        globals().update({k: v for k, v in vars(_mod).items() if not k.startswith("__")})
        break
