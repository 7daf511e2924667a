"""The walls of a jail, applied to the current process (Linux): limits, uid, Landlock, seccomp.

Each layer is applied when the kernel offers it and named in :func:`missing` when it does not, so
the grader can say in one line which protection is off:

- setrlimit: memory (address space), processes, open files, file size, CPU time, no core dumps;
- an unprivileged uid of its own when the grader runs as root (and no supplementary groups);
- Landlock: reads only beneath the interpreter, its libraries and the jail's own scratch folder;
  writes only in the scratch folder; no TCP (ABI 4); no signals to, and no abstract sockets of,
  processes outside the jail (ABI 6); ptrace of outside processes is refused by Landlock itself;
- seccomp: no new sockets, no ptrace, no namespaces, no io_uring, bpf, perf or keyrings, and no
  chmod, chown, utime or xattr changes (file metadata that Landlock does not cover).
"""
from __future__ import annotations

import ctypes
import os
import platform
import resource
import struct
import sys
from pathlib import Path

_libc = ctypes.CDLL(None, use_errno=True)
_libc.syscall.restype = ctypes.c_long
_libc.prctl.restype = ctypes.c_int

PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
PR_SET_CHILD_SUBREAPER = 36
PR_SET_PDEATHSIG = 1
SECCOMP_MODE_FILTER = 2

SYS_LANDLOCK_CREATE_RULESET, SYS_LANDLOCK_ADD_RULE, SYS_LANDLOCK_RESTRICT_SELF = 444, 445, 446
LANDLOCK_CREATE_RULESET_VERSION = 1
LANDLOCK_RULE_PATH_BENEATH = 1

FS_EXECUTE, FS_WRITE_FILE, FS_READ_FILE, FS_READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
FS_ALL_BY_ABI = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 4: (1 << 15) - 1, 5: (1 << 16) - 1}
FS_FILE_RIGHTS = FS_EXECUTE | FS_WRITE_FILE | FS_READ_FILE | (1 << 14) | (1 << 15)  # + truncate, ioctl_dev
NET_BIND_TCP, NET_CONNECT_TCP = 1, 2
SCOPE_ABSTRACT_UNIX_SOCKET, SCOPE_SIGNAL = 1, 2

READ = FS_EXECUTE | FS_READ_FILE | FS_READ_DIR


def landlock_abi() -> int:
    if sys.platform != "linux":
        return 0
    abi = _libc.syscall(SYS_LANDLOCK_CREATE_RULESET, None, ctypes.c_size_t(0),
                        ctypes.c_uint32(LANDLOCK_CREATE_RULESET_VERSION))
    return max(0, int(abi))


def missing(as_root: bool) -> list[str]:
    """Protections this machine cannot give a jail, in words (empty when all are on)."""
    if sys.platform != "linux":
        return ["no Linux sandbox on this system (files, network and signals are not walled off)"]
    abi = landlock_abi()
    gaps = []
    if abi < 1:
        gaps.append("file access (Landlock unavailable)")
    if abi < 6 and not as_root:
        gaps.append("signal scoping (Landlock ABI < 6)")
    if _seccomp_arch() is None:
        gaps.append("network and syscall filter (seccomp: unknown architecture)")
    return gaps


# --- rlimits and identity ------------------------------------------------------------------------

def set_limits(memory_bytes: int | None, processes: int, open_files: int, file_bytes: int, cpu_seconds: int) -> None:
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_NOFILE, (open_files, open_files))
    resource.setrlimit(resource.RLIMIT_FSIZE, (file_bytes, file_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 5))
    resource.setrlimit(resource.RLIMIT_NPROC, (processes, processes))
    if memory_bytes is not None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))


def address_space_now() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def drop_to(uid: int) -> None:
    """Become ``uid`` (and its own gid), with no supplementary groups; root only."""
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)


def processes_of_current_uid() -> int:
    uid = os.getuid()
    count = 0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.stat(f"/proc/{entry}").st_uid == uid:
                    count += 1
            except OSError:
                pass
    return count


def prctl(option: int, arg: int = 0) -> None:
    if _libc.prctl(option, ctypes.c_ulong(arg), 0, 0, 0) != 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err))


# --- Landlock -----------------------------------------------------------------------------------

def read_paths(extra: list[str] = ()) -> list[str]:
    """What a jailed interpreter must read: Python, its libraries, shared libraries, a few /etc and /proc files."""
    paths = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix,
             str(Path(sys.executable).resolve().parent.parent),
             "/usr", "/lib", "/lib64", "/lib32", "/etc/ld.so.cache", "/etc/localtime", "/etc/nsswitch.conf",
             "/etc/passwd", "/etc/group", "/etc/os-release", "/etc/ssl",
             "/proc/cpuinfo", "/proc/meminfo", "/proc/stat", "/proc/self", "/sys/devices/system/cpu",
             "/sys/fs/cgroup", "/dev/urandom", "/dev/random", "/dev/null", "/dev/zero"}
    for entry in sys.path:
        if entry and "site-packages" in entry or entry.endswith((".zip", "lib-dynload")):
            paths.add(entry)
    paths.update(extra)
    return sorted(p for p in paths if p and os.path.exists(p))


def apply_landlock(read: list[str], write: list[str]) -> int:
    """Restrict this process (and what it starts) to ``read`` and ``write``; returns the ABI used (0: none)."""
    abi = landlock_abi()
    if abi < 1:
        return 0
    handled_fs = FS_ALL_BY_ABI.get(abi, FS_ALL_BY_ABI[5])
    fields = [handled_fs]
    if abi >= 4:
        fields.append(NET_BIND_TCP | NET_CONNECT_TCP)
    if abi >= 6:
        fields.append(SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL)
    attr = struct.pack(f"<{len(fields)}Q", *fields)
    buf = ctypes.create_string_buffer(attr, len(attr))
    fd = _libc.syscall(SYS_LANDLOCK_CREATE_RULESET, buf, ctypes.c_size_t(len(attr)), ctypes.c_uint32(0))
    if fd < 0:
        raise OSError(ctypes.get_errno(), "landlock_create_ruleset failed")
    try:
        writable = [(p, handled_fs) for p in write] + [("/dev/null", FS_WRITE_FILE | FS_READ_FILE)]
        for path, rights in [(p, READ) for p in read] + writable:
            _add_path_rule(fd, path, rights, handled_fs)
        prctl(PR_SET_NO_NEW_PRIVS, 1)
        if _libc.syscall(SYS_LANDLOCK_RESTRICT_SELF, ctypes.c_int(fd), ctypes.c_uint32(0)) != 0:
            raise OSError(ctypes.get_errno(), "landlock_restrict_self failed")
    finally:
        os.close(fd)
    return abi


def _add_path_rule(ruleset_fd: int, path: str, rights: int, handled: int) -> None:
    try:
        parent = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return
    try:
        is_dir = os.path.isdir(path)
        allowed = rights & handled
        if not is_dir:
            allowed &= FS_FILE_RIGHTS
        rule = struct.pack("<Qi", allowed, parent)
        buf = ctypes.create_string_buffer(rule, len(rule))
        if _libc.syscall(SYS_LANDLOCK_ADD_RULE, ctypes.c_int(ruleset_fd), ctypes.c_int(LANDLOCK_RULE_PATH_BENEATH),
                         buf, ctypes.c_uint32(0)) != 0:
            raise OSError(ctypes.get_errno(), f"landlock_add_rule failed for {path}")
    finally:
        os.close(parent)


# --- seccomp ------------------------------------------------------------------------------------

_ARCHES = {
    # audit arch, denied syscalls, clone, socket
    "x86_64": (0xC000003E, {
        "socket": 41, "ptrace": 101, "process_vm_readv": 310, "process_vm_writev": 311,
        "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427, "bpf": 321,
        "perf_event_open": 298, "keyctl": 250, "add_key": 248, "request_key": 249, "mount": 165,
        "umount2": 166, "pivot_root": 155, "unshare": 272, "setns": 308, "kexec_load": 246,
        "kexec_file_load": 320, "init_module": 175, "finit_module": 313, "delete_module": 176,
        "reboot": 169, "userfaultfd": 323, "swapon": 167, "acct": 163, "open_tree": 428,
        "move_mount": 429, "fsopen": 430, "fsmount": 432, "fspick": 433, "mount_setattr": 442,
        # metadata Landlock does not cover: a jail with the instructor's uid must not chmod their files
        "chmod": 90, "fchmod": 91, "fchmodat": 268, "fchmodat2": 452, "chown": 92, "fchown": 93, "lchown": 94,
        "fchownat": 260, "utime": 132, "utimes": 235, "futimesat": 261, "utimensat": 280, "setxattr": 188,
        "lsetxattr": 189, "fsetxattr": 190, "removexattr": 197, "lremovexattr": 198, "fremovexattr": 199,
        "clone3": 435, "close_range": 436}, 56),
    "aarch64": (0xC00000B7, {
        "socket": 198, "ptrace": 117, "process_vm_readv": 270, "process_vm_writev": 271,
        "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427, "bpf": 280,
        "perf_event_open": 241, "keyctl": 219, "add_key": 217, "request_key": 218, "mount": 40,
        "umount2": 39, "pivot_root": 41, "unshare": 97, "setns": 268, "kexec_load": 104,
        "kexec_file_load": 294, "init_module": 105, "finit_module": 273, "delete_module": 106,
        "reboot": 142, "userfaultfd": 282, "swapon": 224, "acct": 89, "open_tree": 428,
        "move_mount": 429, "fsopen": 430, "fsmount": 432, "fspick": 433, "mount_setattr": 442,
        "fchmod": 52, "fchmodat": 53, "fchmodat2": 452, "fchown": 55, "fchownat": 54, "utimensat": 88,
        "setxattr": 5, "lsetxattr": 6, "fsetxattr": 7, "removexattr": 14, "lremovexattr": 15, "fremovexattr": 16,
        "clone3": 435, "close_range": 436}, 220),
}
CLONE_NAMESPACES = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000
CLONE_THREAD = 0x00010000
# the calls that could close or replace a descriptor, and which argument is that descriptor
_FD_CALLS = {"x86_64": {3: 0, 33: 1, 292: 1}, "aarch64": {57: 0, 24: 1}}  # close, dup2, dup3


def _seccomp_arch():
    return _ARCHES.get(platform.machine())


def apply_seccomp(guarded_fd: int | None = None) -> bool:
    """Deny the syscalls above with EPERM (clone3 and close_range with ENOSYS, so libc falls back
    to clone and close); refuse new threads (clone with CLONE_THREAD) and namespaces; and where
    ``guarded_fd`` is given, refuse to close that descriptor or to dup another onto it."""
    arch = _seccomp_arch()
    if arch is None:
        return False
    audit, denied, clone_nr = arch
    LD, JEQ, JGE, JSET, RET = 0x20, 0x15, 0x35, 0x45, 0x06
    ALLOW, ERRNO = 0x7FFF0000, 0x00050000
    EPERM, ENOSYS = 1, 38
    prog: list[tuple[int, int, int, int]] = [
        (LD, 0, 0, 4),                      # arch
        (JEQ, 1, 0, audit),
        (RET, 0, 0, ERRNO | EPERM),         # another ABI: refuse everything
        (LD, 0, 0, 0),                      # syscall number
    ]
    if audit == 0xC000003E:
        prog.append((JGE, 0, 1, 0x40000000))  # x32 syscalls
        prog.append((RET, 0, 0, ERRNO | EPERM))
    for name, nr in denied.items():
        prog.append((JEQ, 0, 1, nr))
        prog.append((RET, 0, 0, ERRNO | (ENOSYS if name in ("clone3", "close_range") else EPERM)))
    if guarded_fd is not None:
        for nr, argument in _FD_CALLS[platform.machine()].items():
            prog += [
                (JEQ, 0, 4, nr),
                (LD, 0, 0, 16 + 8 * argument),  # the descriptor (the kernel reads an unsigned int)
                (JEQ, 0, 1, guarded_fd),
                (RET, 0, 0, ERRNO | EPERM),
                (RET, 0, 0, ALLOW),
            ]
    prog += [
        (JEQ, 0, 3, clone_nr),
        (LD, 0, 0, 16),                     # clone's flags (low 32 bits)
        (JSET, 0, 1, CLONE_NAMESPACES | CLONE_THREAD),
        (RET, 0, 0, ERRNO | EPERM),
        (RET, 0, 0, ALLOW),
    ]
    filters = b"".join(struct.pack("<HBBI", code, jt, jf, k) for code, jt, jf, k in prog)
    buf = ctypes.create_string_buffer(filters, len(filters))

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    fprog = SockFprog(len(prog), ctypes.addressof(buf))
    prctl(PR_SET_NO_NEW_PRIVS, 1)
    if _libc.prctl(PR_SET_SECCOMP, ctypes.c_ulong(SECCOMP_MODE_FILTER), ctypes.byref(fprog), 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "seccomp filter refused")
    return True


# --- mounts (root only) -----------------------------------------------------------------------

CLONE_NEWNS = 0x00020000
MS_NOSUID, MS_NODEV, MS_BIND, MS_REC, MS_PRIVATE = 2, 4, 4096, 16384, 1 << 18
_libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]


def _mount(source: str | None, target: str, fstype: str | None, flags: int, data: str | None = None) -> None:
    if _libc.mount(source.encode() if source else None, target.encode(), fstype.encode() if fstype else None,
                   flags, data.encode() if data else None) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"mount {target}: {os.strerror(err)}")


def private_mounts(needed: list[str], scratch: str, scratch_bytes: int, uid: int) -> bool:
    """A mount namespace of the jail's own: its scratch folder a size-capped tmpfs, and the
    interpreter reachable for an unprivileged uid even where it lives under a private home
    (``/root/.pyenv``): the blocking folder is covered by an empty tmpfs that holds only what
    the jail needs. Returns False (and changes nothing) where the kernel refuses.
    """
    if _libc.unshare(CLONE_NEWNS) != 0:
        return False
    _mount(None, "/", None, MS_REC | MS_PRIVATE)
    _mount("tmpfs", scratch, "tmpfs", MS_NOSUID | MS_NODEV, f"size={scratch_bytes},mode=0700,uid={uid},gid={uid}")
    blocked: dict[str, list[str]] = {}
    for path in needed:
        parts = Path(path).parts
        for depth in range(2, len(parts)):
            ancestor = str(Path(*parts[:depth]))
            mode = os.stat(ancestor).st_mode
            if not mode & 0o001:  # others cannot pass through: cover it
                blocked.setdefault(ancestor, []).append(path)
                break
    for ancestor, paths in blocked.items():
        keep = []
        for path in paths:
            try:
                keep.append((path, os.open(path, os.O_PATH | os.O_CLOEXEC)))
            except OSError:
                pass
        _mount("tmpfs", ancestor, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0755")
        for path, fd in keep:
            os.makedirs(path, mode=0o755, exist_ok=True) if os.path.isdir(f"/proc/self/fd/{fd}") else None
            if not os.path.isdir(f"/proc/self/fd/{fd}"):
                Path(path).parent.mkdir(parents=True, exist_ok=True)
                Path(path).touch()
            _mount(f"/proc/self/fd/{fd}", path, None, MS_BIND | MS_REC)
            os.close(fd)
    return True
