"""The desktop app's "one instance per notebook" lock, read and taken without Qt.

The app holds a ``QLockFile`` at ``<notebook>.lock`` (``fieldapp.ui.app.NotebookLock``)
for as long as the notebook is open. Commands that write to a notebook must honour it,
and the command line has no Qt, so this module speaks ``QLockFile``'s file format:

    <pid>\\n<process name>\\n<host name>\\n<machine id>\\n<boot id>\\n

(Qt 6 writes all five lines; older Qt only the first three). The rule is Qt's own, with
the lock's stale time set to 0 as the app does:

- the lock is held while the file exists and its owner may be alive;
- on this machine (same host name, and the same machine id where both are known) it is
  stale when its pid is not running, when the machine has been rebooted since (another
  boot id), or when the pid now belongs to another program (another process name);
- a lock from another machine (a notebook on a network drive) cannot be checked and is
  always honoured;
- an unreadable or half-written lock file is honoured too (it is being written now).

A command that writes takes the same lock (``hold``) in the same format, so the app
started during a command's write also refuses to open the notebook.

``open_elsewhere`` answers a second question: does any other process have a SQLite
connection to the notebook right now (another command, a script)? A WAL connection holds
a shared lock on one byte of the ``-shm`` file for as long as it is open; this module
probes that byte (POSIX only, and only while this process has no connection of its own
to the notebook: closing the probe's descriptor would drop such a connection's locks).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import socket
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

LOCK_SUFFIX = ".lock"
# SQLite's unix VFS: the "dead man switch" lock byte of the -shm file (os_unix.c UNIX_SHM_DMS).
_SHM_DMS_OFFSET = 128


def lock_path(db_path: str | os.PathLike[str]) -> Path:
    """Where the app's lock of ``db_path`` lives (the app resolves the path the same way)."""
    path = Path(db_path).expanduser().resolve()
    return path.with_name(path.name + LOCK_SUFFIX)


@dataclass(frozen=True)
class LockOwner:
    pid: int
    process: str
    host: str
    machine_id: str = ""
    boot_id: str = ""

    @classmethod
    def parse(cls, data: bytes) -> LockOwner | None:
        lines = data.decode("utf-8", "replace").split("\n")
        try:
            pid = int(lines[0])
        except (ValueError, IndexError):
            return None
        fields = [*lines[1:5], "", "", "", ""]
        return cls(pid, fields[0], fields[1], fields[2], fields[3])

    def describe(self) -> str:
        return f"{self.process or '?'}, pid {self.pid}, {self.host or '?'}"


def current_owner() -> LockOwner:
    """This process, as ``QLockFile`` would describe it."""
    return LockOwner(os.getpid(), _process_name(os.getpid()), socket.gethostname(), _machine_id(), _boot_id())


def holder(db_path: str | os.PathLike[str]) -> str | None:
    """Who holds the notebook's lock (for a message), or ``None`` if nobody does (or it is stale)."""
    path = lock_path(db_path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        return str(path)  # there, but unreadable: honoured
    owner = LockOwner.parse(data)
    if owner is None:
        return str(path)  # being written right now, or not Qt's: honoured
    return None if is_stale(owner) else owner.describe()


def is_stale(owner: LockOwner) -> bool:
    me = current_owner()
    if owner.host and owner.host != me.host:
        return False  # another machine: its processes cannot be seen from here
    if owner.machine_id and me.machine_id and owner.machine_id != me.machine_id:
        return False
    if owner.boot_id and me.boot_id and owner.boot_id != me.boot_id:
        return True  # written before this machine last started
    if not _running(owner.pid):
        return True
    name = _process_name(owner.pid)
    return bool(name and owner.process and name != owner.process)


class LockHeldError(Exception):
    def __init__(self, who: str):
        self.who = who
        super().__init__(who)


@contextlib.contextmanager
def hold(db_path: str | os.PathLike[str]) -> Iterator[None]:
    """Take the notebook's lock for the block (``LockHeldError`` names the holder)."""
    path = lock_path(db_path)
    me = current_owner()
    content = "\n".join([str(me.pid), me.process, me.host, me.machine_id, me.boot_id]) + "\n"
    for _attempt in range(2):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            who = holder(db_path)
            if who is not None:
                raise LockHeldError(who) from None
            logger.info("removing the stale lock %s", path)
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            continue
        try:
            os.write(fd, content.encode("utf-8"))
        finally:
            os.close(fd)
        break
    else:
        raise LockHeldError(str(path))
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            if path.read_bytes().decode("utf-8", "replace") == content:
                path.unlink()


def open_elsewhere(db_path: str | os.PathLike[str]) -> bool:
    """True when another process has the notebook open through SQLite (POSIX; else False).

    Call it only while this process has no connection to the notebook.
    """
    from fieldapp.store.store import open_in_process

    if open_in_process(db_path):  # closing our descriptor of its -shm would drop the Store's locks
        raise RuntimeError(f"{db_path} is open in this process; close its Store first")
    shm = Path(str(Path(db_path).expanduser().resolve()) + "-shm")
    if os.name != "posix" or not shm.is_file():
        return False
    import fcntl

    try:
        fd = os.open(shm, os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _SHM_DMS_OFFSET)
    except OSError as error:
        return error.errno in (errno.EACCES, errno.EAGAIN)
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, _SHM_DMS_OFFSET)
        return False
    finally:
        os.close(fd)


# ------------------------------------------------------------------ the process table
def _running(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill(pid, 0) would send CTRL_C_EVENT on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _process_name(pid: int) -> str:
    """The executable's file name, as ``QLockFile`` records it ("" where unknown)."""
    if sys.platform.startswith("linux"):
        try:
            return Path(os.readlink(f"/proc/{pid}/exe")).name
        except OSError:
            return ""
    if pid == os.getpid():
        return Path(sys.executable).name
    return ""


def _read_first_line(*paths: str) -> str:
    for name in paths:
        try:
            return Path(name).read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            continue
    return ""


def _machine_id() -> str:
    if sys.platform.startswith("linux"):
        return _read_first_line("/etc/machine-id", "/var/lib/dbus/machine-id")
    return ""


def _boot_id() -> str:
    if sys.platform.startswith("linux"):
        return _read_first_line("/proc/sys/kernel/random/boot_id")
    return ""
