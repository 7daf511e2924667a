"""The part of the ban watch that the learner's code cannot switch off.

A kata that bans names gets a jail of its own (the judge keeps one jail per topic and ban list),
and that jail is armed before the learner's module is imported:

- a profile hook whose state cannot be changed: ``types.MethodType`` over a tuple of frozensets
  (banned code objects, banned builtins by id) and the builtins it needs, using no globals. A call of a banned function's code, a method of a banned class, or a banned builtin
  raises the audit event ``kata.ban``;
- an audit hook (``sys.addaudithook``: once added, never removed, and reachable from nothing the
  learner can walk). It sends each ``kata.ban`` at once to the judge as one datagram on a socket of
  its own (``SOCK_SEQPACKET``: a datagram cannot be swallowed by a half-written frame), on a
  descriptor that seccomp keeps from being closed or replaced; if sending fails, the jail exits.
  It refuses ``sys.setprofile`` and ``sys.settrace`` (the profile hook stays), new audit hooks,
  and the ``gc`` walks that would reach its state; and it reads every code object the learner's
  code execs or makes a function of: a copy of a banned function (recompiled under another name
  or line number) is watched as the original is;
- seccomp refuses new threads in every jail, so the main thread's profile hook is the only one;
  a forked child inherits all of the above.

What the judge receives counts for the check that is running; the judge decides.
"""
from __future__ import annotations

import os
import socket
import sys
import types
from typing import Any

HIT_FD = 250  # below the jail's cap on open files; seccomp refuses close/dup2/dup3 onto it
_chain: list[Any] = [None]  # a best-effort helper (bans.Watch) called after the sentinel's own check
_armed: list[bool] = [False]


def armed() -> bool:
    return _armed[0]


def chain(profile: Any) -> None:
    """Let ``profile`` (bans.Watch, for the learner's line numbers) see the events too."""
    _chain[0] = profile


def _key(code: types.CodeType) -> tuple:
    """What a code object does, whatever its file name and first line."""
    return (code.co_code, code.co_names, code.co_varnames, code.co_argcount, code.co_kwonlyargcount,
            tuple(c for c in code.co_consts if not isinstance(c, types.CodeType)))


def _profile(state, frame, event, arg):  # no globals, no builtins: everything comes from state
    if event == "call":
        if frame.f_code in state[0]:
            state[2]("kata.ban", frame.f_code)
    elif event == "c_call":
        if state[3](arg) in state[1]:
            state[2]("kata.ban", arg)
    helper = state[4][0]
    if helper is not None:
        try:
            helper(frame, event, arg)
        except BaseException:
            pass


def arm(names: list[str], fd: int = HIT_FD) -> None:
    """Install the profile and audit hooks for ``names``; call once, before the learner's code runs."""
    from grader.jail.bans import _codes_of, _op_builtins, resolve, same_operation  # bans imports this module

    names_by_code: dict[types.CodeType, str] = {}
    names_by_id: dict[int, tuple[str, Any]] = {}  # the object too: its id cannot be recycled
    for dotted in same_operation(names):
        try:
            obj = resolve(dotted)
        except Exception:
            continue
        for builtin in _op_builtins(obj):  # torch.ops.aten.X(...) calls X._op: a builtin the hook sees
            names_by_id[id(builtin)] = (dotted, builtin)
        if isinstance(obj, types.MethodType) and not isinstance(obj.__self__, type):
            continue  # a method bound to one object: bans.Watch tells it by its self
        found = _codes_of(obj)
        for code in found:
            names_by_code.setdefault(code, dotted)
        if not found or isinstance(obj, (types.BuiltinFunctionType, types.BuiltinMethodType)):
            names_by_id[id(obj)] = (dotted, obj)
    copies = {_key(code): name for code, name in names_by_code.items()}
    # frozensets: membership is decided in C, by no method a learner's object could provide
    state = (frozenset(names_by_code), frozenset(names_by_id), sys.audit, id, _chain)
    hook = types.MethodType(_profile, state)
    send = socket.socket(fileno=fd).send
    exit_now, set_profile, code_type, is_instance, key_of = os._exit, sys.setprofile, types.CodeType, isinstance, _key
    installing = [True]
    refused = frozenset({"sys.setprofile", "sys.settrace", "sys.addaudithook", "gc.get_referrers",
                         "gc.get_referents", "gc.get_objects", "sys._current_frames"})

    def tell(text: str) -> None:
        try:
            send(text.encode()[:200])
        except BaseException:
            exit_now(70)  # the channel is gone: the judge sees the jail die, and the check fails

    def look_for_copies(code, depth=0):
        if depth > 8 or not is_instance(code, code_type):
            return
        name = copies.get(key_of(code))
        if name is not None and code not in names_by_code:
            tell(f"copy:{name}")
        for const in code.co_consts:
            if is_instance(const, code_type):
                look_for_copies(const, depth + 1)

    def audit(event, args):
        if event == "object.__getattr__":  # the profile hook's frame.f_code, every call: first and fast
            return
        if event == "kata.ban":
            what = args[0]
            tell(names_by_code.get(what) or names_by_id.get(id(what), ("?",))[0])
            return
        if event in refused or event.startswith("ctypes."):
            if installing[0]:
                return
            tell(f"tamper:{event}")  # trying to switch the watch off, in a kata that bans, is a hit too
            raise RuntimeError(f"{event} is not available inside the grader's jail")
        if event == "exec" or event == "function.__new__":
            if args:
                look_for_copies(args[0])
        elif event == "object.__setattr__" and len(args) > 2 and args[1] == "__code__":
            look_for_copies(args[2])

    sys.addaudithook(audit)
    set_profile(hook)
    installing[0] = False
    _armed[0] = True
