"""Backup copies of a notebook: making, rotating, listing and restoring them.

All copies of a notebook live in one folder, ``default_backup_dir(path)`` (a
``backups`` folder beside the notebook), named ``<stem>-<kind>-<YYYYmmdd-HHMMSS>``
in local time. Daily, manual and before-import copies are compressed
(``.feltbak``: one text line ``FELTBOG-BACKUP 1``, one JSON line with the copy's
counts and schema, then an xz (daily) or gzip (the others: they are taken while
the user waits) stream of the SQLite file). Copies taken before a migration or a
restore, and copies from older versions, are plain ``.sqlite`` files; all kinds
are listed and restored alike. A copy is first taken with SQLite's online backup
API, in steps, from its own read transaction (so it neither blocks edits nor
restarts when the app saves meanwhile), then compressed; both steps write to
``*.<pid>.partial`` files and only a rename makes a copy visible, so a copy
exists whole or not at all. A partial file whose process is gone is removed on
the next start or copy (``remove_leftovers``).

Rotation (run after every automatic copy), every kind bounded:
- ``daily``: the newest copy of each of the 7 most recent days with a copy, plus
  the newest copy of each of the 4 most recent ISO weeks before those (at most 11);
- ``before-import``: the newest 3; ``before-migration``: the newest 2;
  ``before-restore``: the newest 3; ``manual``: the newest 10;
- and a size budget: when the copies together exceed ``BUDGET_FACTOR`` times the
  notebook's own size, the oldest are removed (weekly and daily copies first) until
  they fit; the newest copy of each kind is always kept.

A restore never destroys anything: the current notebook (with its -wal) is first
kept as a ``before-restore`` copy; erasures made since the backup are carried over
into the restored notebook, so a restore cannot bring an erased person back.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import sqlite3
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from fieldapp.store import migrations as schema
from fieldapp.store.errors import (
    BadBackupError,
    CannotOpenError,
    CorruptDatabaseError,
    DatabaseLockedError,
    ErasuresUnknownError,
    NoGoodBackupError,
    NotANotebookError,
    translate_os_error,
    translate_sqlite_error,
)
from fieldapp.store.outputs import BACKUP_HEADER, SQLITE_HEADER
from fieldapp.store.store import (
    Store,
    _backup_connection,
    _discard,
    _fsync,
    _fsync_dir,
    default_backup_dir,
    open_in_process,
)

logger = logging.getLogger(__name__)

DAILY, MANUAL = "daily", "manual"
BEFORE_IMPORT, BEFORE_MIGRATION, BEFORE_RESTORE = "before-import", "before-migration", "before-restore"
KINDS = (DAILY, MANUAL, BEFORE_IMPORT, BEFORE_MIGRATION, BEFORE_RESTORE)
EVENT_KINDS = (BEFORE_IMPORT, BEFORE_MIGRATION, BEFORE_RESTORE)
KEEP_DAILY = 7
KEEP_WEEKLY = 4
# How many copies of each other kind are kept (newest first).
KEEP_NEWEST = {BEFORE_IMPORT: 3, BEFORE_MIGRATION: 2, BEFORE_RESTORE: 3, MANUAL: 10}
# All copies together stay under this many times the notebook's own size.
BUDGET_FACTOR = 2.0
STAMP = "%Y%m%d-%H%M%S"
# What the restore dialog shows per copy.
COUNTED_TABLES = ("people", "activities", "observations", "actions")

# Compressed copies: a first line naming the format, a JSON line, then the stream.
MAGIC = BACKUP_HEADER  # b"FELTBOG-BACKUP 1\n"; outputs never writes over such a file
PACKED_SUFFIX = ".feltbak"
PLAIN_SUFFIX = ".sqlite"
# xz for the daily copy (taken in the background: about half gzip's size, slower);
# gzip (fast) for copies the user waits for. Kinds not listed stay plain SQLite files.
CODEC_OF_KIND = {DAILY: "xz", MANUAL: "gz", BEFORE_IMPORT: "gz"}
CHUNK = 1 << 20
STEP_PAGES = 2048  # pages per step of the online backup (8 MB at 4 KB pages)
# A partial file whose writer cannot be asked (see _being_written) is stale after this long
# without a write: a copy writes a chunk every few seconds.
STALE_PARTIAL_S = 600

_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<kind>" + "|".join([*KINDS, "before-sync"]) + r")-(?P<stamp>\d{8}-\d{6})"
    r"(?:-(?P<n>\d+))?(?P<suffix>\.sqlite|\.feltbak)$"
)
# Copies that older versions' sync import took are listed as before-import copies.
_KIND_ALIASES = {"before-sync": BEFORE_IMPORT}


class BackupCancelled(Exception):
    """The copy was stopped (the app is closing); nothing was left behind."""


__all__ = [
    "BackupCancelled",
    "BackupInfo",
    "RestoreResult",
    "backup_now",
    "daily_backup_if_due",
    "default_backup_dir",
    "list_backups",
    "newest_good_backup",
    "open_notebook",
    "quick_check",
    "remove_leftovers",
    "restore",
    "rotate",
]


@dataclass(frozen=True)
class BackupInfo:
    """One backup copy as the restore dialog lists it."""

    path: Path
    kind: str
    taken_at: datetime  # local time, from the file name
    size: int
    counts: dict[str, int] = field(default_factory=dict)
    problem: str | None = None  # why it cannot be restored, or None

    @property
    def usable(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_copy: Path | None  # the notebook as it was before the restore
    erasures_carried: int  # erased people kept erased in the restored notebook


# ---------------------------------------------------------------------- making
def backup_path(db_path: Path, kind: str, folder: Path | None = None, now: datetime | None = None) -> Path:
    """A fresh, unused file name for a copy of ``db_path`` (compressed if the kind is)."""
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    folder = folder or default_backup_dir(db_path)
    suffix = PACKED_SUFFIX if kind in CODEC_OF_KIND else PLAIN_SUFFIX
    stamp = (now or datetime.now()).strftime(STAMP)
    target = folder / f"{db_path.stem}-{kind}-{stamp}{suffix}"
    n = 1
    while any(target.with_suffix(s).exists() for s in (PLAIN_SUFFIX, PACKED_SUFFIX)):
        n += 1
        target = folder / f"{db_path.stem}-{kind}-{stamp}-{n}{suffix}"
    return target


def backup_now(
    store: Store,
    kind: str = MANUAL,
    *,
    folder: Path | None = None,
    now: datetime | None = None,
    cancel: threading.Event | None = None,
    progress: Callable[[float], None] | None = None,
) -> Path:
    """Copy ``store`` into its backup folder (then rotate, unless it is a manual copy)."""
    if store.path is None:
        raise ValueError("an in-memory notebook has no backup folder")
    return backup_file(store.path, kind, folder=folder, now=now, cancel=cancel, progress=progress)


def backup_file(
    db_path: Path,
    kind: str = MANUAL,
    *,
    folder: Path | None = None,
    now: datetime | None = None,
    cancel: threading.Event | None = None,
    progress: Callable[[float], None] | None = None,
) -> Path:
    """Copy the notebook file at ``db_path`` (open or not, also from another thread) and rotate."""
    folder = folder or default_backup_dir(db_path)
    remove_leftovers(db_path, folder)
    target = write_copy(
        db_path,
        backup_path(db_path, kind, folder, now),
        CODEC_OF_KIND.get(kind),
        cancel=cancel,
        progress=progress,
    )
    logger.info("%s backup of %s written to %s", kind, db_path, target)
    rotate(db_path, folder, today=(now or datetime.now()).date())
    return target


_writing: set[Path] = set()  # partial files this process is writing right now
_writing_lock = threading.Lock()


def _partial(target: Path, what: str) -> Path:
    path = target.with_name(f"{target.name}.{what}.{os.getpid()}.partial")
    with _writing_lock:
        _writing.add(path)
    return path


def _done_with(*paths: Path) -> None:
    for path in paths:
        _discard(path)
        with _writing_lock:
            _writing.discard(path)


def write_copy(
    db_path: Path,
    target: Path,
    codec: str | None,
    *,
    cancel: threading.Event | None = None,
    progress: Callable[[float], None] | None = None,
) -> Path:
    """A consistent copy of the notebook at ``db_path`` as ``target`` (compressed with ``codec``).

    The copy is read from a read transaction of its own, so that edits made meanwhile
    (through the app's connection) neither wait nor restart it; it runs in steps and
    stops, leaving nothing behind, when ``cancel`` is set (``BackupCancelled``).
    """
    snapshot = _partial(target, "copy") if codec else _partial(target, "sqlite")
    packed = _partial(target, "pack") if codec else None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _snapshot(db_path, snapshot, cancel, progress)
        if codec and packed is not None:
            _pack(snapshot, packed, codec, cancel, progress)
            _discard(snapshot)
            os.replace(packed, target)
        else:
            _fsync(snapshot)
            os.replace(snapshot, target)
        _fsync_dir(target.parent)
        return target
    except sqlite3.Error as error:
        raise (translate_sqlite_error(error) or CannotOpenError(path=target, detail=str(error))) from error
    except OSError as error:
        raise translate_os_error(error, target) from error
    finally:
        _done_with(*(p for p in (snapshot, packed) if p is not None))


def _snapshot(
    db_path: Path, target: Path, cancel: threading.Event | None, progress: Callable[[float], None] | None
) -> None:
    def step(_status: int, remaining: int, total: int) -> None:
        if cancel is not None and cancel.is_set():
            raise BackupCancelled()
        if progress is not None and total:
            progress(0.5 * (total - remaining) / total)

    source = sqlite3.connect(db_path, isolation_level=None, timeout=10)
    try:
        source.execute("BEGIN")  # one read transaction for all steps: a consistent copy
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()
        destination = sqlite3.connect(target, isolation_level=None)
        try:
            source.backup(destination, pages=STEP_PAGES, progress=step)
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
        source.execute("COMMIT")
    finally:
        source.close()


def _pack(
    snapshot: Path,
    target: Path,
    codec: str,
    cancel: threading.Event | None,
    progress: Callable[[float], None] | None,
) -> None:
    import gzip  # the codecs load when a copy is made, not when the app starts

    try:
        import lzma
    except ImportError:  # a Python built without liblzma: gzip it is
        codec = "gz"
    counts, migrations = _describe(snapshot)
    size = snapshot.stat().st_size
    header = {"codec": codec, "size": size, "counts": counts, "migrations": migrations}

    done = 0
    with open(target, "wb") as out:
        out.write(MAGIC + json.dumps(header).encode() + b"\n")
        stream = (
            lzma.open(out, "wb", preset=0)  # noqa: SIM115 - the with statement below closes it
            if codec == "xz"
            else gzip.GzipFile(fileobj=out, mode="wb", compresslevel=1)
        )
        with stream, open(snapshot, "rb") as source:
            while chunk := source.read(CHUNK):
                if cancel is not None and cancel.is_set():
                    raise BackupCancelled()
                stream.write(chunk)
                done += len(chunk)
                if progress is not None and size:
                    progress(0.5 + 0.5 * done / size)
        out.flush()
        os.fsync(out.fileno())


def _describe(path: Path) -> tuple[dict[str, int], list[str]]:
    """Counts and applied migrations of a plain copy."""
    conn = _open_read_only(path)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        counts = {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED_TABLES if t in tables
        }
        migrations = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (schema.MIGRATION_SET,)
            )
        ]
        return counts, migrations
    finally:
        conn.close()


def remove_leftovers(db_path: Path, folder: Path | None = None) -> list[Path]:
    """Remove partial copies a killed copy or restore left behind (never one still being written)."""
    folder = folder or default_backup_dir(db_path)
    removed = []
    candidates = list(folder.glob(f"{db_path.stem}-*.partial")) if folder.is_dir() else []
    building = db_path.with_name(db_path.name + ".restoring")
    for path in candidates:
        if _being_written(path):
            continue
        _discard(path)
        removed.append(path)
    if building.exists() and not _restore_running(db_path):
        _remove_with_sidecars(building)
        removed.append(building)
    if removed:
        logger.info("removed %d leftover partial file(s) of %s", len(removed), db_path)
    return removed


def _being_written(partial: Path) -> bool:
    with _writing_lock:
        if partial in _writing:
            return True
    match = re.search(r"\.(\d+)\.partial$", partial.name)
    if match is not None and os.name == "posix":
        pid = int(match[1])
        return pid != os.getpid() and _alive(pid)
    # Written by an older version, or no cheap process check (Windows): gone once untouched a while.
    try:
        return partial.stat().st_mtime > datetime.now().timestamp() - STALE_PARTIAL_S
    except OSError:
        return True  # removed meanwhile: nothing to do


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


_restoring: set[Path] = set()


def _restore_running(db_path: Path) -> bool:
    return db_path in _restoring


def before_import(store: Store) -> Path | None:
    """The copy the sync import takes before changing anything (hook for fieldapp.sync)."""
    return backup_now(store, BEFORE_IMPORT) if store.path is not None else None


def daily_backup_due(db_path: Path, folder: Path | None = None, now: datetime | None = None) -> bool:
    """True when no daily copy has been taken yet on this (local) day."""
    folder = folder or default_backup_dir(db_path)
    today = (now or datetime.now()).date()
    return not any(b.kind == DAILY and b.taken_at.date() == today for b in _scan(db_path, folder))


def daily_backup_if_due(
    store: Store,
    *,
    folder: Path | None = None,
    now: datetime | None = None,
    cancel: threading.Event | None = None,
) -> Path | None:
    """On the first open of a (local) day, take the day's copy; else do nothing."""
    if store.path is None or not daily_backup_due(store.path, folder, now):
        return None
    return backup_now(store, DAILY, folder=folder, now=now, cancel=cancel)


def open_notebook(
    path: str | os.PathLike[str],
    *,
    backup_dir: str | os.PathLike[str] | None = None,
    now: datetime | None = None,
) -> Store:
    """How the app opens its notebook: check it, migrate it, take the day's copy.

    Raises ``CorruptDatabaseError`` when ``quick_check`` finds damage — or when the
    file no longer even reads as SQLite although backups of it exist (a damaged
    first page) — and the caller then offers ``newest_good_backup`` + ``restore``.
    """
    folder = Path(backup_dir) if backup_dir else None
    try:
        store = Store.open(path, backup_dir=folder, check=True)
    except NotANotebookError as error:
        if not Path(path).is_file() or not _scan(Path(path), folder or default_backup_dir(Path(path))):
            raise
        raise CorruptDatabaseError(path=path, detail="the file header is unreadable") from error
    try:
        daily_backup_if_due(store, folder=folder, now=now)
    except Exception:
        # A failed daily copy (full disk) must not stop the user from working;
        # the next open tries again.
        logger.exception("daily backup of %s failed", path)
    return store


# -------------------------------------------------------------------- rotating
@dataclass(frozen=True)
class _Found:
    path: Path
    kind: str
    taken_at: datetime
    size: int = 0
    mtime: float = 0.0  # orders copies taken within the same second


def _scan(db_path: Path, folder: Path) -> list[_Found]:
    """This notebook's copies in ``folder``, newest first."""
    found: list[_Found] = []
    if not folder.is_dir():
        return found
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if not match or match["stem"] != db_path.stem:
            continue
        try:
            stat = entry.stat()
        except OSError:
            continue  # removed meanwhile
        if not entry.is_file():
            continue
        taken = datetime.strptime(match["stamp"], STAMP)
        kind = _KIND_ALIASES.get(match["kind"], match["kind"])
        n = int(match["n"] or 0) % 1_000_000
        found.append(_Found(entry, kind, taken.replace(microsecond=n), stat.st_size, stat.st_mtime))
    found.sort(key=lambda f: (f.taken_at, f.mtime), reverse=True)
    return found


def plan_rotation(copies: Iterable[_Found], today: date, budget: int | None = None) -> set[Path]:
    """Which copies to keep (see the module doc for the policy)."""
    keep: set[Path] = set()
    copies = sorted(copies, key=lambda f: (f.taken_at, f.mtime), reverse=True)
    daily = [c for c in copies if c.kind == DAILY]
    days: list[date] = []
    for copy in daily:
        day = copy.taken_at.date()
        if day not in days and len(days) < KEEP_DAILY:
            days.append(day)
            keep.add(copy.path)
    oldest_daily = min(days) if days else None
    weeks: list[tuple[int, int]] = []
    for copy in daily:
        if oldest_daily is not None and copy.taken_at.date() >= oldest_daily:
            continue
        week = copy.taken_at.isocalendar()[:2]
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.append(week)
            keep.add(copy.path)
    for kind, count in KEEP_NEWEST.items():
        keep.update(c.path for c in [c for c in copies if c.kind == kind][:count])
    if budget is not None:
        newest_of_kind: dict[str, Path] = {}
        for copy in copies:
            newest_of_kind.setdefault(copy.kind, copy.path)
        kept = [c for c in copies if c.path in keep]
        total = sum(c.size for c in kept)
        # Oldest first, daily (and weekly) copies before the rarer kinds.
        for copy in sorted(kept, key=lambda c: (c.kind != DAILY, c.taken_at)):
            if total <= budget:
                break
            if copy.path in newest_of_kind.values():
                continue
            keep.discard(copy.path)
            total -= copy.size
    return keep


def rotate(db_path: Path, folder: Path | None = None, *, today: date | None = None) -> list[Path]:
    """Delete the copies the policy no longer keeps (and partial files left by killed copies)."""
    folder = folder or default_backup_dir(db_path)
    copies = _scan(db_path, folder)
    # The notebook's size: its file and what its -wal holds that the file does not yet.
    sizes = [Path(str(db_path) + s).stat().st_size for s in ("", "-wal") if Path(str(db_path) + s).exists()]
    budget = int(BUDGET_FACTOR * sum(sizes)) if sizes else None
    keep = plan_rotation(copies, today or date.today(), budget)
    removed = []
    for copy in copies:
        if copy.path not in keep:
            copy.path.unlink(missing_ok=True)
            removed.append(copy.path)
    remove_leftovers(db_path, folder)
    if removed:
        logger.info("rotated away %d old backup(s) of %s", len(removed), db_path)
    return removed


# --------------------------------------------------------------------- listing
def _open_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def read_header(path: Path) -> dict | None:
    """The JSON line of a compressed copy; None if ``path`` is not one."""
    with open(path, "rb") as handle:
        if handle.read(len(MAGIC)) != MAGIC:
            return None
        line = handle.readline(64 * 1024)
    try:
        header = json.loads(line)
    except ValueError:
        return {}
    return header if isinstance(header, dict) else {}


def _stream(path: Path):
    """The decompressing reader of a compressed copy (positioned after its header)."""
    import gzip

    handle = open(path, "rb")  # noqa: SIM115 - the returned stream owns (and closes) it
    try:
        handle.readline()
        header = json.loads(handle.readline(64 * 1024))
        codec = header.get("codec") if isinstance(header, dict) else None
        if codec == "xz":
            import lzma

            return lzma.open(handle, "rb")
        if codec == "gz":
            return gzip.GzipFile(fileobj=handle, mode="rb")
        raise ValueError("unknown compression")
    except BaseException:
        handle.close()
        raise


def unpack(source: Path, target: Path) -> None:
    """Write the plain SQLite file of the copy ``source`` (compressed or not) to ``target``."""
    if read_header(source) is None:
        reader = _open_read_only(source)
        try:
            _backup_connection(reader, target)
        finally:
            reader.close()
        return
    with _stream(source) as stream, open(target, "wb") as out:
        while chunk := stream.read(CHUNK):
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())


def inspect_copy(path: Path, *, check: bool = False) -> tuple[dict[str, int], str | None]:
    """Row counts of a copy, and why it is unusable (None if usable).

    A compressed copy tells its counts in its header; ``check`` then reads the whole
    stream, whose checksums find any damage. A plain copy is read by SQLite, never through
    a descriptor of our own (see Store.open); a copy is never a database this process has open.
    """
    if not path.is_file():
        return {}, "no such file"
    try:
        header = read_header(path)
    except OSError as error:
        return {}, error.strerror or str(error)
    if header is not None:
        return _inspect_packed(path, header, check)
    try:
        conn = _open_read_only(path)
    except sqlite3.Error as error:
        return {}, str(error)
    try:
        if check:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
            if rows != ["ok"]:
                return {}, "; ".join(rows[:3])
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "_sqlite_migrations" not in tables:
            return {}, "not a Feltbog notebook"
        applied = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (schema.MIGRATION_SET,)
            )
        ]
        if any(name not in schema.MIGRATION_NAMES for name in applied):
            return {}, "made by a newer version of Feltbog"
        counts = {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED_TABLES if t in tables
        }
        return counts, None
    except sqlite3.DatabaseError as error:
        return {}, "not an SQLite database" if "not a database" in str(error) else str(error)
    finally:
        conn.close()


def _inspect_packed(path: Path, header: dict, check: bool) -> tuple[dict[str, int], str | None]:
    counts = header.get("counts")
    migrations = header.get("migrations")
    if (
        not isinstance(counts, dict)
        or not isinstance(migrations, list)
        or header.get("codec") not in ("xz", "gz")
    ):
        return {}, "damaged header"
    if any(name not in schema.MIGRATION_NAMES for name in migrations):
        return {}, "made by a newer version of Feltbog"
    if check:
        import gzip
        from zlib import error as zlib_error

        errors: tuple[type[BaseException], ...] = (OSError, EOFError, gzip.BadGzipFile, zlib_error)
        try:
            import lzma

            errors += (lzma.LZMAError,)
        except ImportError:
            if header.get("codec") == "xz":
                return {}, "xz copies cannot be read by this installation"
        try:
            with _stream(path) as stream:
                first = stream.read(len(SQLITE_HEADER))
                size = len(first)
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
            if first != SQLITE_HEADER or size != header.get("size"):
                return {}, "not an SQLite database"
        except errors as error:
            return {}, str(error) or "damaged"
    return {t: int(n) for t, n in counts.items() if t in COUNTED_TABLES}, None


def list_backups(
    db_path: str | os.PathLike[str], folder: str | os.PathLike[str] | None = None, *, check: bool = False
) -> list[BackupInfo]:
    """The notebook's copies, newest first, each opened read-only (or its header read) for its counts."""
    db_path = Path(db_path)
    folder = Path(folder) if folder else default_backup_dir(db_path)
    return [_info(copy, check) for copy in _scan(db_path, folder)]


def _info(copy: _Found, check: bool) -> BackupInfo:
    counts, problem = inspect_copy(copy.path, check=check)
    return BackupInfo(copy.path, copy.kind, copy.taken_at.replace(microsecond=0), copy.size, counts, problem)


def newest_good_backup(
    db_path: str | os.PathLike[str], folder: str | os.PathLike[str] | None = None
) -> BackupInfo | None:
    """The newest copy that has data, reads whole and this version can open.

    A sound copy of an empty notebook is only chosen when no copy with data is sound.
    """
    db_path = Path(db_path)
    folder = Path(folder) if folder else default_backup_dir(db_path)
    copies = _scan(db_path, folder)
    # Cheap look first (counts), the full check only for the candidates in turn.
    listed = [(copy, _info(copy, check=False)) for copy in copies]
    ordered = [c for c, i in listed if i.usable and any(i.counts.values())]
    ordered += [c for c, i in listed if i.usable and not any(i.counts.values())]
    for copy in ordered:
        info = _info(copy, check=True)
        if info.usable:
            return info
    return None


# ------------------------------------------------------------------- restoring
def restore(
    db_path: str | os.PathLike[str],
    backup: str | os.PathLike[str] | None = None,
    *,
    folder: str | os.PathLike[str] | None = None,
    now: datetime | None = None,
    accept_lost_erasures: bool = False,
) -> RestoreResult:
    """Replace the notebook at ``db_path`` by ``backup`` (default: the newest good copy).

    The notebook must not be open (the app closes its ``Store`` first). Steps: check
    the copy; keep the current notebook (database and -wal) as a ``before-restore``
    copy; build the restored file beside the notebook, rebuild its full-text
    indexes, carry the clock and every erasure over; only then swap it in, after
    removing the old -wal/-shm so that SQLite cannot replay them onto it.

    Erasures come from the erasure ledger beside the notebook and from the notebook
    itself; when neither can be read, ``ErasuresUnknownError`` is raised before anything
    changes, unless ``accept_lost_erasures`` (the user confirmed).
    """
    db_path = Path(db_path)
    if open_in_process(db_path):
        raise DatabaseLockedError(path=db_path)  # its Store must be closed first
    folder = Path(folder) if folder else default_backup_dir(db_path)
    if backup is None:
        best = newest_good_backup(db_path, folder)
        if best is None:
            raise NoGoodBackupError(path=db_path, folder=folder)
        source = best.path
    else:
        source = Path(backup)
        _, problem = inspect_copy(source, check=True)
        if problem:
            raise BadBackupError(path=source, detail=problem)

    erasures = _known_erasures(db_path)
    if erasures is None and not accept_lost_erasures:
        raise ErasuresUnknownError(path=db_path)
    safety = _keep_current(db_path, folder, now) if db_path.exists() else None
    building = db_path.with_name(db_path.name + ".restoring")
    _restoring.add(db_path)
    try:
        _remove_with_sidecars(building)
        unpack(source, building)  # a compressed copy, or a plain SQLite file
        carried = _prepare_restored(building, safety, folder, erasures or [])
        _move_ledger(building, db_path)
        _fsync(building)
        _remove_sidecars(db_path)
        os.replace(building, db_path)
        _fsync_dir(db_path.parent)
    except BaseException:
        _remove_with_sidecars(building)  # a failed restore leaves no half-built notebook
        raise
    finally:
        _restoring.discard(db_path)
    logger.info("restored %s from %s (previous state kept in %s)", db_path, source, safety)
    return RestoreResult(restored_from=source, safety_copy=safety, erasures_carried=carried)


def _keep_current(db_path: Path, folder: Path, now: datetime | None) -> Path:
    """Copy the notebook as it is now; a damaged one is copied file by file."""
    target = backup_path(db_path, BEFORE_RESTORE, folder, now)
    try:
        conn = sqlite3.connect(db_path, isolation_level=None)
        try:
            if [r[0] for r in conn.execute("PRAGMA quick_check")] != ["ok"]:
                raise sqlite3.DatabaseError("damaged")
            _backup_connection(conn, target)
            # Fold the WAL into the file so nothing is left only in the -wal.
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except (sqlite3.DatabaseError, CorruptDatabaseError):
        target.unlink(missing_ok=True)
        folder.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal"):
            part = Path(str(db_path) + suffix)
            if part.exists():
                shutil.copy2(part, Path(str(target) + suffix))
                _fsync(Path(str(target) + suffix))
        logger.warning("notebook %s is damaged; kept its raw files as %s", db_path, target)
    return target


def _known_erasures(db_path: Path) -> list | None:
    """Every erasure the notebook knew: its ledger plus the notebook itself (None: unknowable)."""
    from fieldapp.store import privacy  # privacy builds on Store, which this module also does

    try:
        ledger = privacy.read_ledger(db_path)
    except privacy.LedgerError as error:
        logger.warning("erasure ledger of %s cannot be read: %s", db_path, error)
        ledger = None
    if not db_path.exists():
        return ledger or []
    try:
        conn = _open_read_only(db_path)
        try:
            own = privacy.erasure_versions(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        logger.warning("could not read erasures from %s", db_path)
        return ledger
    return (ledger or []) + own


def _prepare_restored(building: Path, safety: Path | None, folder: Path, erasures: list) -> int:
    """Rebuild the full-text indexes and carry clock and erasures into ``building``."""
    from fieldapp.store import privacy  # privacy builds on Store, which this module also does

    conn = sqlite3.connect(building, isolation_level=None)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        conn.execute("BEGIN IMMEDIATE")
        for tbl in schema.FTS_COLUMNS:
            if f"{tbl}_fts" in tables:
                conn.execute(f"INSERT INTO {tbl}_fts({tbl}_fts) VALUES ('rebuild')")
        conn.execute("COMMIT")
    finally:
        conn.close()
    last_hlc = 0
    try:
        old = _open_read_only(safety) if safety is not None else None
        if old is not None:
            try:
                row = old.execute("SELECT value FROM meta WHERE key = 'hlc'").fetchone()
                last_hlc = int(row[0] or 0) if row else 0
            finally:
                old.close()
    except sqlite3.DatabaseError:
        logger.warning("could not read the clock from %s", safety)
    last_hlc = max([last_hlc, *(v.hlc for v in erasures)])
    # An older copy gets migrated here; its own pre-migration copy is pointless
    # (the backup itself is that), so it goes to a scratch folder.
    scratch = folder / ".restoring"
    store = Store.open(building, backup_dir=scratch)
    try:
        store.clock.observe(last_hlc)
        carried = privacy.carry_erasures(store, erasures)
        with store.transaction():
            pass  # persists the clock
    finally:
        store.close()
        shutil.rmtree(scratch, ignore_errors=True)
    _remove_sidecars(building)
    return carried


def _move_ledger(building: Path, db_path: Path) -> None:
    """The restored notebook's erasure ledger (all it now knows) replaces the old one."""
    from fieldapp.store import privacy

    built = privacy.ledger_path(building)
    if built.exists():
        os.replace(built, privacy.ledger_path(db_path))


def _remove_sidecars(db_path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)


def _remove_with_sidecars(db_path: Path) -> None:
    db_path.unlink(missing_ok=True)
    _remove_sidecars(db_path)


# ------------------------------------------------------------------- checking
def quick_check(db_path: Path, cancel: threading.Event | None = None) -> list[str]:
    """SQLite's ``quick_check`` of the notebook file on a connection of its own: empty when
    sound, else SQLite's description of the damage. Reads only (a WAL reader never blocks
    the app's writes); raises ``BackupCancelled`` when ``cancel`` is set meanwhile."""
    conn = sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    if cancel is not None:
        conn.set_progress_handler(lambda: 1 if cancel.is_set() else 0, 10_000)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
    except sqlite3.OperationalError as error:
        if cancel is not None and cancel.is_set():
            raise BackupCancelled() from error
        return [str(error)]
    except sqlite3.DatabaseError as error:
        return [str(error)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows
