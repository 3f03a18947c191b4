"""Files the user asks Feltbog to write: where they may go, and how they are written.

Two rules for every output path a person types or picks (a PDF, an access export, a
sync file, a backup copy):

1. ``refuse_unsafe_output``: never over the notebook, its ``-wal``/``-shm``/``-journal``
   or lock file, and never over any existing SQLite file (another notebook, a backup);
   never onto a folder. One typo in ``-o`` must not destroy a notebook.
2. ``write_atomically`` / ``replacing``: the bytes go to a temporary file in the same
   folder (``.<name>.<random>.partial``), are flushed to disk, and only then renamed over
   the target; on any failure (or Ctrl-C) the temporary file is removed. A reader never
   sees half a file and a failed export leaves neither a half file nor a ``.partial``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from fieldapp.domain.i18n import pick
from fieldapp.store.errors import StoreError

SQLITE_HEADER = b"SQLite format 3\x00"
SIDECARS = ("-wal", "-shm", "-journal", ".lock")

_TEXT: dict[str, dict[str, str]] = {
    "is_notebook": {
        "da": "»{path}« er selve notesbogen; vælg et andet filnavn til output.",
        "en": "'{path}' is the notebook itself; choose another file name for the output.",
    },
    "is_sidecar": {
        "da": "»{path}« hører til notesbogen »{notebook}«; vælg et andet filnavn til output.",
        "en": "'{path}' belongs to the notebook '{notebook}'; choose another file name for the output.",
    },
    "is_database": {
        "da": "»{path}« er en SQLite-database (en notesbog eller en sikkerhedskopi) og overskrives ikke; "
        "vælg et andet filnavn.",
        "en": "'{path}' is an SQLite database (a notebook or a backup) and is not overwritten; "
        "choose another file name.",
    },
    "is_folder": {
        "da": "»{path}« er en mappe; angiv et filnavn.",
        "en": "'{path}' is a folder; give a file name.",
    },
}


class OutputRefusedError(StoreError):
    """An output path that would overwrite something it must not; nothing was written."""

    def __init__(self, key: str, **params: object):
        self.refusal = key
        super().__init__(**params)

    def message(self, lang: str | None = None) -> str:
        return pick(_TEXT[self.refusal], lang).format(**self.params)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


# A compressed backup (fieldapp.store.backups.MAGIC) holds a notebook just the same.
BACKUP_HEADER = b"FELTBOG-BACKUP 1\n"


def is_sqlite_file(path: Path) -> bool:
    """True for an existing SQLite database or compressed backup (read from its first bytes).

    Only for files this process has no SQLite connection to (see the design notes:
    closing a second descriptor drops SQLite's locks); the notebook itself is
    recognised by its path, never read here.
    """
    from fieldapp.store.store import open_in_process

    if open_in_process(path):
        return True  # a database a Store of this process has open: never read past SQLite
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(BACKUP_HEADER))
        return head[: len(SQLITE_HEADER)] == SQLITE_HEADER or head == BACKUP_HEADER
    except OSError:
        return False


def refuse_unsafe_output(target: str | os.PathLike[str], notebook: str | os.PathLike[str] | None) -> Path:
    """``target`` if writing it is safe; else ``OutputRefusedError`` saying why."""
    target = Path(target).expanduser()
    resolved = target.resolve()
    if notebook is not None:
        db = Path(notebook).expanduser().resolve()
        if resolved == db or _same(resolved, db):
            raise OutputRefusedError("is_notebook", path=target)
        for suffix in SIDECARS:
            side = Path(str(db) + suffix)
            if resolved == side or _same(resolved, side):
                raise OutputRefusedError("is_sidecar", path=target, notebook=db)
    if target.is_dir():
        raise OutputRefusedError("is_folder", path=target)
    for suffix in SIDECARS:  # the -wal of some other database is as precious as the database
        if resolved.name.endswith(suffix) and is_sqlite_file(Path(str(resolved)[: -len(suffix)])):
            raise OutputRefusedError("is_sidecar", path=target, notebook=str(resolved)[: -len(suffix)])
    if target.exists() and is_sqlite_file(target):
        raise OutputRefusedError("is_database", path=target)
    return target


@contextlib.contextmanager
def replacing(target: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside ``target``; renamed over it when the block succeeds.

    For writers that want a path (SQLite's backup API, pikepdf) rather than bytes.
    """
    target = Path(target)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        _fsync(temporary)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)


def write_atomically(target: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``target`` via a temporary file and a rename (``OSError`` on failure)."""
    target = Path(target)
    with replacing(target) as temporary, open(temporary, "wb") as out:
        out.write(data)
    return target


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        _fsync(folder)
