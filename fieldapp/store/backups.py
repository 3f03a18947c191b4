"""Backup copies of a notebook: making, rotating, listing and restoring them.

All copies of a notebook live in one folder, ``default_backup_dir(path)`` (a
``backups`` folder beside the notebook), named ``<stem>-<kind>-<YYYYmmdd-HHMMSS>.sqlite``
in local time. Each copy is a complete, self-contained SQLite file written via a
``.partial`` file and a rename, so a copy either exists whole or not at all.

Rotation (run after every automatic copy):
- ``daily``: the newest copy of each of the 7 most recent days with a copy, plus
  the newest copy of each of the 4 most recent ISO weeks before those (so about five
  weeks are covered by at most 11 files);
- ``before-import``, ``before-migration``, ``before-restore``: kept for
  ``EVENT_KEEP_DAYS`` days, and the newest ``EVENT_KEEP_MIN`` of each kind whatever
  their age;
- ``manual`` copies (``fieldapp backup`` without ``-o``) are never removed.

A restore never destroys anything: the current notebook (with its -wal) is first
kept as a ``before-restore`` copy; erasures made since the backup are carried over
into the restored notebook, so a restore cannot bring an erased person back.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from fieldapp.store import migrations as schema
from fieldapp.store.errors import (
    BadBackupError,
    CorruptDatabaseError,
    DatabaseLockedError,
    ErasuresUnknownError,
    NoGoodBackupError,
    NotANotebookError,
)
from fieldapp.store.store import (
    Store,
    _backup_connection,
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
EVENT_KEEP_DAYS = 30
EVENT_KEEP_MIN = 3
STAMP = "%Y%m%d-%H%M%S"
# A .partial older than this was left by a crash (a copy takes seconds, not minutes).
STALE_PARTIAL = timedelta(minutes=10)
# What the restore dialog shows per copy.
COUNTED_TABLES = ("people", "activities", "observations", "actions")

_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<kind>" + "|".join(KINDS) + r")-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.sqlite$"
)

__all__ = [
    "BackupInfo",
    "RestoreResult",
    "backup_now",
    "daily_backup_if_due",
    "default_backup_dir",
    "list_backups",
    "newest_good_backup",
    "open_notebook",
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
    """A fresh, unused file name for a copy of ``db_path``."""
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    folder = folder or default_backup_dir(db_path)
    stamp = (now or datetime.now()).strftime(STAMP)
    target = folder / f"{db_path.stem}-{kind}-{stamp}.sqlite"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{db_path.stem}-{kind}-{stamp}-{n}.sqlite"
    return target


def backup_now(
    store: Store, kind: str = MANUAL, *, folder: Path | None = None, now: datetime | None = None
) -> Path:
    """Copy ``store`` into its backup folder (then rotate, unless it is a manual copy)."""
    if store.path is None:
        raise ValueError("an in-memory notebook has no backup folder")
    folder = folder or default_backup_dir(store.path)
    target = store.backup(backup_path(store.path, kind, folder, now))
    logger.info("%s backup of %s written to %s", kind, store.path, target)
    if kind != MANUAL:
        rotate(store.path, folder, today=(now or datetime.now()).date())
    return target


def before_import(store: Store) -> Path | None:
    """The copy the sync import takes before changing anything (hook for fieldapp.sync)."""
    return backup_now(store, BEFORE_IMPORT) if store.path is not None else None


def daily_backup_if_due(
    store: Store, *, folder: Path | None = None, now: datetime | None = None
) -> Path | None:
    """On the first open of a (local) day, take the day's copy; else do nothing."""
    if store.path is None:
        return None
    folder = folder or default_backup_dir(store.path)
    today = (now or datetime.now()).date()
    if any(b.kind == DAILY and b.taken_at.date() == today for b in _scan(store.path, folder)):
        return None
    return backup_now(store, DAILY, folder=folder, now=now)


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


def _scan(db_path: Path, folder: Path) -> list[_Found]:
    """This notebook's copies in ``folder``, newest first."""
    found: list[_Found] = []
    if not folder.is_dir():
        return found
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if not match or match["stem"] != db_path.stem or not entry.is_file():
            continue
        taken = datetime.strptime(match["stamp"], STAMP)
        found.append(_Found(entry, match["kind"], taken.replace(microsecond=int(match["n"] or 0))))
    found.sort(key=lambda f: f.taken_at, reverse=True)
    return found


def plan_rotation(copies: Iterable[_Found], today: date) -> set[Path]:
    """Which copies to keep (see the module doc for the policy)."""
    keep: set[Path] = set()
    copies = sorted(copies, key=lambda f: f.taken_at, reverse=True)
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
    horizon = today - timedelta(days=EVENT_KEEP_DAYS)
    for kind in EVENT_KINDS:
        of_kind = [c for c in copies if c.kind == kind]
        keep.update(c.path for c in of_kind[:EVENT_KEEP_MIN])
        keep.update(c.path for c in of_kind if c.taken_at.date() >= horizon)
    keep.update(c.path for c in copies if c.kind == MANUAL)
    return keep


def rotate(db_path: Path, folder: Path | None = None, *, today: date | None = None) -> list[Path]:
    """Delete the copies the policy no longer keeps (and stale .partial files)."""
    folder = folder or default_backup_dir(db_path)
    copies = _scan(db_path, folder)
    keep = plan_rotation(copies, today or date.today())
    removed = []
    for copy in copies:
        if copy.path not in keep:
            copy.path.unlink(missing_ok=True)
            removed.append(copy.path)
    cutoff = datetime.now().timestamp() - STALE_PARTIAL.total_seconds()
    for partial in folder.glob(f"{db_path.stem}-*.partial") if folder.is_dir() else ():
        if partial.stat().st_mtime < cutoff:
            partial.unlink(missing_ok=True)
    if removed:
        logger.info("rotated away %d old backup(s) of %s", len(removed), db_path)
    return removed


# --------------------------------------------------------------------- listing
def _open_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def inspect_copy(path: Path, *, check: bool = False) -> tuple[dict[str, int], str | None]:
    """Row counts of a copy, and why it is unusable (None if usable)."""
    # The header is read by SQLite, never through a descriptor of our own (see Store.open).
    if not path.is_file():
        return {}, "no such file"
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


def list_backups(
    db_path: str | os.PathLike[str], folder: str | os.PathLike[str] | None = None, *, check: bool = False
) -> list[BackupInfo]:
    """The notebook's copies, newest first, each opened read-only for its counts."""
    db_path = Path(db_path)
    folder = Path(folder) if folder else default_backup_dir(db_path)
    result = []
    for copy in _scan(db_path, folder):
        counts, problem = inspect_copy(copy.path, check=check)
        size = copy.path.stat().st_size if copy.path.exists() else 0
        taken = copy.taken_at.replace(microsecond=0)
        result.append(BackupInfo(copy.path, copy.kind, taken, size, counts, problem))
    return result


def newest_good_backup(
    db_path: str | os.PathLike[str], folder: str | os.PathLike[str] | None = None
) -> BackupInfo | None:
    """The newest copy that passes ``quick_check`` and this version can open."""
    for info in list_backups(db_path, folder, check=True):
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
    _remove_with_sidecars(building)
    reader = _open_read_only(source)
    try:
        _backup_connection(reader, building)
    finally:
        reader.close()
    carried = _prepare_restored(building, safety, folder, erasures or [])
    _move_ledger(building, db_path)
    _fsync(building)
    _remove_sidecars(db_path)
    os.replace(building, db_path)
    _fsync_dir(db_path.parent)
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
