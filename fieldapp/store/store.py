"""The one door to a notebook: every read and write of the SQLite file goes through ``Store``.

Every write appends one immutable field version per changed field to
``field_versions`` in the same transaction as the change itself; the ordinary tables
are the materialised view of that log (per field, the highest ``(hlc, site)`` wins).
A delete is a ``_deleted`` field version (a tombstone). ``recompute`` rebuilds rows
from the log, which is what sync uses after an import; local writes must leave
exactly the rows that ``recompute`` would produce.
"""

from __future__ import annotations

import builtins  # Store.list shadows list in the class body
import contextlib
import functools
import itertools
import json
import logging
import operator
import os
import secrets
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from fieldapp.domain import BY_TABLE, Entity
from fieldapp.domain.clock import HybridLogicalClock, hlc_to_iso
from fieldapp.domain.fields import FieldError, ValidationError, decode, encode
from fieldapp.store import migrations as schema
from fieldapp.store.attachments import AttachmentsMixin
from fieldapp.store.errors import (
    CannotOpenError,
    CorruptDatabaseError,
    DatabaseLockedError,
    NewerSchemaError,
    NotANotebookError,
    NotFoundError,
    ReadOnlyError,
    StoreError,
    translate_os_error,
    translate_sqlite_error,
)
from fieldapp.store.notebook import NotebookMixin
from fieldapp.store.queries import QueriesMixin

logger = logging.getLogger(__name__)

E = TypeVar("E", bound=Entity)

DELETED = "_deleted"
# An erased row (GDPR erasure) never comes back, whatever later versions say.
ERASED = "_erased"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
# Rows per query when materialising rows from the log (well under SQLite's variable limit).
RECOMPUTE_BATCH = 500

# From this many new rows on, what a table's insert triggers do (full-text entries, last
# contact) is done in one statement after the rows rather than row by row: FTS5 fed one
# row per statement costs about 30 times as much (129,000 observations: 6.5 s against 0.2 s).
BULK_INSERT_MIN = 200

# At most this many version keys in one ``prev`` (sync refuses longer ones).
MAX_PARENTS = 64

# What goes when a row goes: (child table, column pointing at the parent).
CASCADES: dict[str, tuple[tuple[str, str], ...]] = {
    "activities": (
        ("observations", "activity_id"),
        ("participants", "activity_id"),
        ("survey_items", "activity_id"),
        ("attachments", "activity_id"),
    ),
    "observations": (("observation_themes", "observation_id"), ("attachments", "observation_id")),
    "people": (("participants", "person_id"), ("relations", "from_person_id"), ("relations", "to_person_id")),
    "survey_items": (("survey_tallies", "item_id"),),
    "themes": (("observation_themes", "theme_id"),),
}


@dataclass(frozen=True)
class FieldVersion:
    """One immutable entry of the change log."""

    tbl: str
    row_id: str
    field: str
    value: Any  # the JSON-decoded SQLite value; None for NULL
    hlc: int
    site: str
    prev: str | None

    @property
    def key(self) -> str:
        return version_key(self.hlc, self.site)


def version_key(hlc: int, site: str) -> str:
    return f"{hlc}:{site}"


_dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class Store(QueriesMixin, NotebookMixin, AttachmentsMixin):
    """A notebook on disk (or in memory, for tests)."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None, attachments_dir: Path):
        self.conn = conn
        self.path = path
        self.attachments_dir = attachments_dir
        self._savepoints = itertools.count()
        self._listeners: list[Callable[[], None]] = []
        self.closed = False
        # Called just before the outermost transaction commits (e.g. the erasure ledger).
        self.before_commit: list[Callable[[], None]] = []
        self._held = _hold(path)
        try:
            self.site, last = self._load_identity()
        except BaseException:  # a notebook that fails here is not held open by this process
            _release(self._held)
            self._held = None
            raise
        self.clock = HybridLogicalClock(last=last)

    @functools.cached_property
    def db(self):
        """The connection as a ``sqlite_utils.Database`` (imported on first use: it is slow to import)."""
        from sqlite_utils import Database

        return Database(self.conn)

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        attachments_dir: str | os.PathLike[str] | None = None,
        backup_dir: str | os.PathLike[str] | None = None,
        check: bool = False,
    ) -> Store:
        """Open or create the notebook at ``path``, migrating it (after a backup) if needed.

        With ``check``, SQLite's ``quick_check`` runs first and a damaged file raises
        ``CorruptDatabaseError`` (whose message suggests restoring a backup) before
        anything is written to it.
        """
        path = Path(path)
        _refuse_non_sqlite(path)
        try:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as error:
            raise CannotOpenError(path=path, detail=str(error)) from error
        store = None
        try:
            _configure(conn, path)
            if check:
                _quick_check(conn, path)
            _migrate(conn, path, Path(backup_dir) if backup_dir else default_backup_dir(path))
            store = cls(conn, path, Path(attachments_dir) if attachments_dir else path.parent / "attachments")
            # Erasures the ledger beside the notebook knows, and a scrub cut short, are finished first.
            from fieldapp.store.privacy import finish_on_open  # privacy builds on Store

            finish_on_open(store)
        except BaseException:
            if store is not None:
                store.close()  # also lets go of the file in this process's registry
            else:
                conn.close()
            raise
        logger.info("opened notebook %s (site %s)", path, store.site)
        return store

    @classmethod
    def memory(cls, attachments_dir: str | os.PathLike[str]) -> Store:
        """A throw-away notebook in memory (tests, benchmarks)."""
        conn = sqlite3.connect(":memory:", isolation_level=None)
        conn.execute("PRAGMA foreign_keys=ON")
        _migrate(conn, None, None)
        return cls(conn, None, Path(attachments_dir))

    def close(self) -> None:
        self.closed = True
        self._listeners.clear()
        self.conn.close()
        _release(self._held)
        self._held = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _load_identity(self) -> tuple[str, int]:
        """This notebook's site id and clock; a copied notebook gets a site id of its own.

        The site id is bound to the file it was made in (its inode number, kept in
        ``meta`` as ``site_file``): a copy on another laptop, a backup opened or
        restored in its place, all live in another file and so start their own site
        on first open. Two laptops writing versions under one site id would create
        the same (hlc, site) key with different values and diverge without a trace.
        A new binding is written with the first write (``transaction``), so that a
        command that only reads, or refuses, leaves the file as it was.
        """
        rows = dict(
            self.conn.execute("SELECT key, value FROM meta WHERE key IN ('site', 'hlc', 'site_file')")
        )
        last = int(rows.get("hlc") or 0)
        here = self._file_identity()
        self._pending_identity: tuple[bool, str | None] | None = None
        if "site" not in rows:  # a new notebook: created in this same open
            site = secrets.token_hex(8)
            self.conn.execute("INSERT INTO meta (key, value) VALUES ('site', ?), ('hlc', '0')", (site,))
            self._bind_site(here)
            return site, 0
        site = rows["site"]
        if here is not None and rows.get("site_file") != here:
            renew = rows.get("site_file") is not None
            if renew:
                site = secrets.token_hex(8)
                logger.info("notebook %s is a copy (another file): new site %s", self.path, site)
            self._pending_identity = (renew, here)
        return site, last

    def _persist_identity(self) -> None:
        """At the start of the first write transaction: store a new site id and its binding.

        Another connection to the same file may have done so meanwhile (the app and a
        background job opened the copy together): then its site is this one's too.
        """
        if self._pending_identity is None:
            return
        renew, here = self._pending_identity
        self._pending_identity = None
        rows = dict(self.conn.execute("SELECT key, value FROM meta WHERE key IN ('site', 'site_file')"))
        if rows.get("site_file") == here:
            self.site = rows["site"]
            return
        if renew:
            self.conn.execute("UPDATE meta SET value = ? WHERE key = 'site'", (self.site,))
        self._bind_site(here)

    def _file_identity(self) -> str | None:
        key = _file_key(self.path) if self.path is not None else None
        return str(key[1]) if key is not None else None

    def _bind_site(self, here: str | None) -> None:
        if here is not None:
            self.conn.execute(
                "INSERT INTO meta (key, value) VALUES ('site_file', ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (here,),
            )

    def renew_site(self) -> str:
        """Give this notebook a new site id (the way out when a copy shares it elsewhere).

        Versions already made keep their old site; new ones carry the new id.
        """
        with self.transaction():
            self.site = secrets.token_hex(8)
            self.conn.execute("UPDATE meta SET value = ? WHERE key = 'site'", (self.site,))
            self._bind_site(self._file_identity())
        logger.info("notebook %s now writes as site %s", self.path, self.site)
        return self.site

    # ------------------------------------------------------------- change notification
    def add_listener(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` after every committed write (local edit, import, erasure, merge).

        The one change signal views listen to; it carries no detail, so a listener
        re-reads what it shows. A failing listener is logged and never undoes the write.
        """
        self._listeners.append(callback)

    def remove_listener(self, callback: Callable[[], None]) -> None:
        if callback in self._listeners:
            self._listeners.remove(callback)

    def _notify(self) -> None:
        for callback in list(self._listeners):
            try:
                callback()
            except Exception:  # a view's problem must not look like a failed save
                logger.exception("change listener failed")

    # ------------------------------------------------------------- transactions
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``; nested calls become savepoints.

        sqlite3 errors leave as ``StoreError`` subclasses with a user message,
        after the whole transaction has been rolled back.
        """
        conn = self.conn
        if conn.in_transaction:
            name = f"sp{next(self._savepoints)}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield conn
            except BaseException:
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO {name}")
                    conn.execute(f"RELEASE {name}")
                raise
            else:
                conn.execute(f"RELEASE {name}")
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise (translate_sqlite_error(error) or error) from error
        try:
            self._persist_identity()
            yield conn
            conn.execute("UPDATE meta SET value = ? WHERE key = 'hlc'", (str(self.clock.last),))
            while self.before_commit:
                self.before_commit.pop(0)()
            conn.execute("COMMIT")
        except sqlite3.Error as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise (translate_sqlite_error(error) or error) from error
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        finally:
            self.before_commit.clear()
        self._notify()

    # ------------------------------------------------------------- change log
    def _winners(self, tbl: str, row_id: str) -> dict[str, str]:
        """Per field, the ``prev`` a local write of it names.

        That is the version in force plus every other head of the field that holds
        the same value: two colleagues who typed the same thing do not disagree, so
        an edit made on top of their value settles both. Heads with a *different*
        value stay heads, and their conflict stays in the inbox.
        """
        fields: dict[str, list[tuple[int, str, str, str | None]]] = {}
        for field, value, hlc, site, prev in self.conn.execute(
            "SELECT field, value, hlc, site, prev FROM field_versions WHERE tbl = ? AND row_id = ?",
            (tbl, row_id),
        ):
            fields.setdefault(field, []).append((hlc, site, value, prev))
        result: dict[str, str] = {}
        for field, versions in fields.items():
            winner = max(versions)
            if len(versions) == 1:
                result[field] = version_key(winner[0], winner[1])
                continue
            superseded = {key for v in versions if v[3] for key in v[3].split(",")}
            first = version_key(winner[0], winner[1])
            agreeing = sorted(
                key
                for hlc, site, value, _ in versions
                if value == winner[2] and (key := version_key(hlc, site)) != first and key not in superseded
            )
            result[field] = ",".join([first, *agreeing][:MAX_PARENTS])
        return result

    def _log(
        self,
        tbl: str,
        row_id: str,
        values: dict[str, Any],
        hlc: int,
        winners: dict[str, str] | None = None,
    ) -> dict[str, str]:
        """Append one version per field in ``values`` (already SQLite-encoded)."""
        if winners is None:
            winners = self._winners(tbl, row_id)
        rows = [
            (tbl, row_id, field, _dump(value), hlc, self.site, winners.get(field))
            for field, value in values.items()
        ]
        self.conn.executemany(
            "INSERT INTO field_versions (tbl, row_id, field, value, hlc, site, prev) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        return winners

    def write_versions(self, tbl: str, row_id: str, values: dict[str, Any], hlc: int, site: str) -> None:
        """Append versions with a given ``(hlc, site)`` key and materialise the row from the log.

        The write path for what is not a user's edit but follows from the log by a rule
        (an erasure and what goes with it): each laptop writes the same versions, so
        ``INSERT OR IGNORE`` keeps one copy, and ``prev`` is left empty so the versions
        do not depend on what else this laptop holds. ``values`` are SQLite-encoded.
        """
        with self.transaction():
            self.conn.executemany(
                "INSERT OR IGNORE INTO field_versions (tbl, row_id, field, value, hlc, site, prev)"
                " VALUES (?, ?, ?, ?, ?, ?, NULL)",
                [(tbl, row_id, field, _dump(value), hlc, site) for field, value in values.items()],
            )
            self.recompute(tbl, [row_id])

    def versions(self, tbl: str, row_id: str) -> list[FieldVersion]:
        """The whole history of one row, oldest first."""
        return [
            FieldVersion(tbl, row_id, field, json.loads(value), hlc, site, prev)
            for field, value, hlc, site, prev in self.conn.execute(
                "SELECT field, value, hlc, site, prev FROM field_versions"
                " WHERE tbl = ? AND row_id = ? ORDER BY hlc, site, field",
                (tbl, row_id),
            )
        ]

    def recompute(self, tbl: str, row_ids: Iterable[str]) -> None:
        """Rebuild rows of ``tbl`` from the change log (per field the highest (hlc, site)).

        Reads and writes in batches: after a large sync import this runs over
        hundreds of thousands of rows.
        """
        ids = list(dict.fromkeys(row_ids))
        with self.transaction():
            for start in range(0, len(ids), RECOMPUTE_BATCH):
                batch = ids[start : start + RECOMPUTE_BATCH]
                logged: dict[str, list[tuple[str, Any, int, str]]] = {}
                # json_extract decodes each value in SQLite (true -> 1, as the row stores it).
                for row_id, field, value, hlc, site in self.conn.execute(
                    "SELECT row_id, field, json_extract(value, '$'), hlc, site FROM field_versions"
                    f" WHERE tbl = ? AND row_id IN ({', '.join('?' for _ in batch)})",
                    [tbl, *batch],
                ):
                    logged.setdefault(row_id, []).append((field, value, hlc, site))
                self.materialise(tbl, logged)

    def materialise(self, tbl: str, logged: dict[str, list[tuple[str, Any, int, str]]]) -> int:
        """Write rows of ``tbl`` as their whole history says (``logged``: row id -> every
        version as (field, decoded value, hlc, site)); returns how many rows went.

        Rows that are new are inserted, rows that changed are rewritten, rows whose
        history ends in a delete (or an erasure) are removed, and rows that come out
        the same are left alone, so their full-text entries are not churned.
        """
        cls = BY_TABLE[tbl]
        columns = [spec.name for spec in cls.specs()]
        names = ["id", "created_at", "updated_at", *columns]
        existing: dict[str, tuple] = {}
        ids = list(logged)
        for start in range(0, len(ids), RECOMPUTE_BATCH):
            batch = ids[start : start + RECOMPUTE_BATCH]
            for row in self.conn.execute(
                f"SELECT {', '.join(names)} FROM {tbl} WHERE id IN ({', '.join('?' for _ in batch)})", batch
            ):
                existing[row[0]] = row
        inserts, updates, gone = [], [], []
        for row_id, versions in logged.items():
            row = _materialise(row_id, versions, columns)
            before = existing.get(row_id)
            if row is None:
                if before is not None:
                    gone.append((row_id,))
            elif before is None:
                inserts.append(row)
            elif row != before:
                updates.append(row)
        self.conn.executemany(f"DELETE FROM {tbl} WHERE id = ?", gone)
        self._insert_rows(tbl, names, inserts)
        if updates:
            # Only the columns that can change; the row keeps its rowid (and so its full-text entry's key).
            self.conn.executemany(
                f"UPDATE {tbl} SET {', '.join(f'{n} = ?' for n in names[1:])} WHERE id = ?",
                [(*row[1:], row[0]) for row in updates],
            )
        return len(gone)

    def _insert_rows(self, tbl: str, names: Sequence[str], rows: Sequence[tuple]) -> None:
        """INSERT new rows of ``tbl`` (inside a transaction), many of them quickly.

        For a large batch the table's insert triggers (full-text index, last contact)
        are set aside for the length of the statement, and what they do is done for
        all new rows at once afterwards (``schema.BULK_AFTER_INSERT``). All of it
        happens in the caller's transaction: a failure puts the triggers back with
        everything else.
        """
        insert = f"INSERT INTO {tbl} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
        bulk = schema.BULK_AFTER_INSERT.get(tbl, {})
        if len(rows) < BULK_INSERT_MIN or not bulk:
            self.conn.executemany(insert, rows)
            return
        high = self.conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {tbl}").fetchone()[0]
        triggers = self.conn.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?"
            f" AND name IN ({', '.join('?' for _ in bulk)}) ORDER BY name",
            (tbl, *bulk),
        ).fetchall()
        # Past 2**62 SQLite may pick rowids at random, and "rowid > high" would miss some.
        if not triggers or high >= 1 << 62:
            self.conn.executemany(insert, rows)
            return
        assert self.conn.in_transaction, "bulk inserts run inside a transaction"
        for name, _sql in triggers:
            self.conn.execute(f"DROP TRIGGER {name}")
        try:
            self.conn.executemany(insert, rows)
            for name, _sql in triggers:
                self.conn.execute(bulk[name], {"high": high})
        finally:
            for _name, sql in triggers:
                self.conn.execute(sql)

    def _upsert_row(self, tbl: str, row: dict[str, Any]) -> None:
        names = list(row)
        placeholders = ", ".join("?" for _ in names)
        updates = ", ".join(f"{n} = excluded.{n}" for n in names if n != "id")
        self.conn.execute(
            f"INSERT INTO {tbl} ({', '.join(names)}) VALUES ({placeholders})"
            f" ON CONFLICT(id) DO UPDATE SET {updates}",
            [row[n] for n in names],
        )

    # ------------------------------------------------------------- generic CRUD
    def add(self, entity: E) -> E:
        """Validate and store a new entity; returns it as stored (timestamps set)."""
        clean = entity.validated()
        with self.transaction():
            self._check_references(clean, [spec.name for spec in clean.specs()])
            if self.conn.execute(f"SELECT 1 FROM {clean.TABLE} WHERE id = ?", (clean.id,)).fetchone():
                raise ValueError(f"{clean.TABLE} {clean.id} exists already")
            hlc = self.clock.now()
            values = {spec.name: encode(spec, getattr(clean, spec.name)) for spec in clean.specs()}
            earlier = self._winners(clean.TABLE, clean.id)
            # A revived row must also clear the values its earlier life left in the log.
            logged = {k: v for k, v in values.items() if v is not None or k in earlier}
            self._log(clean.TABLE, clean.id, logged, hlc, earlier)
            first = hlc
            if earlier:  # a revived row: its history starts with its first version, as in recompute
                first = self.conn.execute(
                    "SELECT min(hlc) FROM field_versions WHERE tbl = ? AND row_id = ?",
                    (clean.TABLE, clean.id),
                ).fetchone()[0]
            row = {"id": clean.id, "created_at": hlc_to_iso(first), "updated_at": hlc_to_iso(hlc), **values}
            self._upsert_row(clean.TABLE, row)
        return self.get(type(clean), clean.id)

    def update(self, cls: type[E], row_id: str, **changes: Any) -> E:
        """Change some fields of a stored entity; only fields that really change are logged."""
        current = self.get(cls, row_id)
        unknown = set(changes) - {spec.name for spec in cls.specs()}
        if unknown:
            raise KeyError(f"{cls.__name__} has no field(s) {sorted(unknown)}")
        for name, value in changes.items():
            setattr(current, name, value)
        clean = current.validated()
        before = self._row(cls.TABLE, row_id)
        values = {spec.name: encode(spec, getattr(clean, spec.name)) for spec in cls.specs()}
        changed = {k: v for k, v in values.items() if before.get(k) != v}
        if not changed:
            return self.get(cls, row_id)
        with self.transaction():
            self._check_references(clean, list(changed))
            hlc = self.clock.now()
            self._log(cls.TABLE, row_id, changed, hlc)
            sets = ", ".join(f"{name} = ?" for name in changed)
            self.conn.execute(
                f"UPDATE {cls.TABLE} SET {sets}, updated_at = ? WHERE id = ?",
                [*changed.values(), hlc_to_iso(hlc), row_id],
            )
        return self.get(cls, row_id)

    def save(self, entity: E) -> E:
        """Add ``entity`` if it is new, else update every field to its values."""
        if self.find(type(entity), entity.id) is None:
            return self.add(entity)
        return self.update(type(entity), entity.id, **entity.values())

    def delete(self, cls: type[Entity], row_id: str) -> None:
        """Delete a row and what hangs off it, leaving tombstones in the change log."""
        self.get(cls, row_id)  # raises NotFoundError
        with self.transaction():
            hlc = self.clock.now()
            self._delete_cascading(cls.TABLE, row_id, hlc)

    def _delete_cascading(self, tbl: str, row_id: str, hlc: int) -> None:
        for child, column in CASCADES.get(tbl, ()):
            for (child_id,) in self.conn.execute(
                f"SELECT id FROM {child} WHERE {column} = ?", (row_id,)
            ).fetchall():
                self._delete_cascading(child, child_id, hlc)
        if self.conn.execute(f"SELECT 1 FROM {tbl} WHERE id = ?", (row_id,)).fetchone() is None:
            return  # reached twice through two paths (a relation to oneself)
        self._log(tbl, row_id, {DELETED: True}, hlc)
        self.conn.execute(f"DELETE FROM {tbl} WHERE id = ?", (row_id,))

    def find(self, cls: type[E], row_id: str | None) -> E | None:
        """The entity with that id, or None (also for no id: an empty reference finds nothing)."""
        if row_id is None:
            return None
        row = self.conn.execute(f"SELECT * FROM {cls.TABLE} WHERE id = ?", (row_id,)).fetchone()
        if row is None:
            return None
        names = [d[0] for d in self.conn.execute(f"SELECT * FROM {cls.TABLE} LIMIT 0").description]
        return entity_from_row(cls, dict(zip(names, row, strict=True)))

    def get(self, cls: type[E], row_id: str) -> E:
        found = self.find(cls, row_id)
        if found is None:
            raise NotFoundError(what=cls.NAME, id=row_id)
        return found

    def list(
        self,
        cls: type[E],
        where: str | None = None,
        params: Sequence[Any] = (),
        *,
        order_by: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[E]:
        """Entities of one kind. ``where``/``order_by`` are SQL written inside the store package."""
        sql = f"SELECT * FROM {cls.TABLE}"
        if where:
            sql += f" WHERE {where}"
        sql += f" ORDER BY {order_by or cls.TITLE_FIELD + ' COLLATE NOCASE, id'}"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        cursor = self.conn.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [entity_from_row(cls, dict(zip(names, row, strict=True))) for row in cursor]

    def count(self, cls: type[Entity], where: str | None = None, params: Sequence[Any] = ()) -> int:
        sql = f"SELECT count(*) FROM {cls.TABLE}" + (f" WHERE {where}" if where else "")
        return self.conn.execute(sql, list(params)).fetchone()[0]

    def _row(self, tbl: str, row_id: str) -> dict[str, Any]:
        cursor = self.conn.execute(f"SELECT * FROM {tbl} WHERE id = ?", (row_id,))
        row = cursor.fetchone()
        if row is None:
            raise NotFoundError(what=BY_TABLE[tbl].NAME, id=row_id)
        return dict(zip([d[0] for d in cursor.description], row, strict=True))

    def _check_references(self, entity: Entity, names: Iterable[str]) -> None:
        errors = []
        for name in names:
            spec = entity.spec(name)
            value = getattr(entity, name)
            if spec.kind != "ref" or value is None:
                continue
            if self.conn.execute(f"SELECT 1 FROM {spec.ref} WHERE id = ?", (value,)).fetchone() is None:
                errors.append(FieldError(spec, "bad_reference"))
        if errors:
            raise ValidationError(errors)

    # ------------------------------------------------------------- bulk loading
    def bulk_add(self, entities: Iterable[Entity], batch: int = 5000, *, validate: bool = True) -> int:
        """Add many new entities quickly (demo data, benchmarks), all or nothing.

        Each entity gets its own HLC value and full field versions, exactly as
        ``add`` would write them; references are the caller's responsibility.
        ``validate=False`` is for generated entities whose values are already
        typed and checked (the demo generator's tests validate every entity).
        """
        total = 0
        by_table: dict[str, builtins.list[Entity]] = {}
        # Index pages of a large load do not fit SQLite's default 2 MB cache.
        self.conn.execute("PRAGMA cache_size = -262144")
        with self.transaction():
            for entity in entities:
                by_table.setdefault(entity.TABLE, []).append(entity.validated() if validate else entity)
                total += 1
                if total % batch == 0:
                    self._flush_bulk(by_table)
            self._flush_bulk(by_table)
        return total

    def _flush_bulk(self, by_table: dict[str, builtins.list[Entity]]) -> None:
        for tbl, items in by_table.items():
            if not items:
                continue
            specs = items[0].specs()
            names = ["id", "created_at", "updated_at", *(s.name for s in specs)]
            rows: builtins.list[tuple[Any, ...]] = []
            versions: builtins.list[tuple[str, str, str, str, int, str]] = []
            for entity in items:
                hlc = self.clock.now()
                stamp = hlc_to_iso(hlc)
                values = [encode(s, getattr(entity, s.name)) for s in specs]
                rows.append((entity.id, stamp, stamp, *values))
                versions.extend(
                    (tbl, entity.id, s.name, _dump(v), hlc, self.site)
                    for s, v in zip(specs, values, strict=True)
                    if v is not None
                )
            self._insert_rows(tbl, names, rows)
            self.conn.executemany(
                "INSERT INTO field_versions (tbl, row_id, field, value, hlc, site) VALUES (?, ?, ?, ?, ?, ?)",
                versions,
            )
            items.clear()

    # ------------------------------------------------------------- maintenance
    def schema_version(self) -> int:
        return len(schema.applied_names(self.conn))

    def counts(self) -> dict[str, int]:
        return {tbl: self.conn.execute(f"SELECT count(*) FROM {tbl}").fetchone()[0] for tbl in BY_TABLE} | {
            "field_versions": self.conn.execute("SELECT count(*) FROM field_versions").fetchone()[0]
        }

    def integrity_problems(self, quick: bool = False) -> builtins.list[str]:
        """Empty when the file is sound; else SQLite's own description of the damage."""
        pragma = "quick_check" if quick else "integrity_check"
        try:
            rows = [r[0] for r in self.conn.execute(f"PRAGMA {pragma}")]
            if not quick:
                for tbl in schema.FTS_COLUMNS:
                    self.conn.execute(f"INSERT INTO {tbl}_fts({tbl}_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as error:
            return [str(error)]
        return [] if rows == ["ok"] else rows

    def backup(self, target: str | os.PathLike[str]) -> Path:
        """A consistent copy of the notebook (SQLite's backup API), written atomically."""
        target = Path(target)
        _backup_connection(self.conn, target)
        return target


# ---------------------------------------------------------------------- helpers
def entity_from_row(cls: type[E], row: dict[str, Any]) -> E:
    kwargs = {spec.name: decode(spec, row.get(spec.name)) for spec in cls.specs()}
    return cls(id=row["id"], created_at=row.get("created_at"), updated_at=row.get("updated_at"), **kwargs)


def _materialise(row_id: str, logged: list[tuple[str, Any, int, str]], columns: list[str]) -> tuple | None:
    """One row from its versions (field, decoded value, hlc, site), or None if deleted or erased."""
    # Written for speed: a sync import runs this over every version of every row it brings.
    winners: dict[str, tuple[int, str, Any]] = {}
    first = logged[0][2]
    for field, value, hlc, site in logged:
        if hlc < first:
            first = hlc
        best = winners.get(field)
        if best is None or hlc > best[0] or (hlc == best[0] and site > best[1]):
            winners[field] = (hlc, site, value)
    if ERASED in winners:
        return None
    deleted = winners.pop(DELETED, None)
    latest = max(winners.values(), key=_HLC_SITE)[:2] if winners else (0, "")
    if deleted and deleted[2] and deleted[:2] > latest:
        return None
    newest = max(latest, deleted[:2]) if deleted else latest
    values = [winners[c][2] if c in winners else None for c in columns]
    return (row_id, hlc_to_iso(first), hlc_to_iso(newest[0]), *values)


_HLC_SITE = operator.itemgetter(0, 1)


def default_backup_dir(path: Path) -> Path:
    return path.parent / "backups"


def _refuse_non_sqlite(path: Path) -> None:
    """What can be told without opening the file: it must be a file in an existing folder.

    Whether it is an SQLite file is left to SQLite itself (``_configure`` reads the
    header through the connection and a foreign file fails there, untouched): on
    POSIX, closing any other descriptor of the notebook drops every ``fcntl`` lock
    this process holds on it, those of a ``Store`` already open included.
    """
    if not path.exists():
        if not path.parent.exists():
            raise CannotOpenError(path=path, detail=f"folder {path.parent} does not exist")
        return
    if path.is_dir():
        raise NotANotebookError(path=path)


def _configure(conn: sqlite3.Connection, path: Path) -> None:
    try:
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    except sqlite3.DatabaseError as error:
        translated = translate_sqlite_error(error)
        if isinstance(translated, CorruptDatabaseError):
            raise NotANotebookError(path=path) from error
        raise (translated or CannotOpenError(path=path, detail=str(error))) from error
    if mode.lower() != "wal":
        logger.warning("journal mode is %s, not WAL", mode)


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as error:
        raise CorruptDatabaseError(path=path, detail=str(error)) from error
    if rows != ["ok"]:
        raise CorruptDatabaseError(path=path, detail="; ".join(rows[:3]))


def _migrate(conn: sqlite3.Connection, path: Path | None, backup_dir: Path | None) -> None:
    try:
        applied = schema.applied_names(conn)
    except sqlite3.DatabaseError as error:
        raise NotANotebookError(path=path) from error
    unknown = [name for name in applied if name not in schema.MIGRATION_NAMES]
    if unknown:
        raise NewerSchemaError(path=path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not applied and tables - {"_sqlite_migrations"}:
        raise NotANotebookError(path=path)
    if all(name in applied for name in schema.MIGRATION_NAMES):
        return
    if applied and path is not None and backup_dir is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = backup_dir / f"{path.stem}-before-migration-{stamp}.sqlite"
        _backup_connection(conn, target)
        logger.info("backed up %s to %s before migrating", path, target)
    from sqlite_utils import Database

    try:
        schema.migrations.apply(Database(conn))
    except sqlite3.OperationalError as error:
        raise (translate_sqlite_error(error) or CannotOpenError(path=path, detail=str(error))) from error


def _backup_connection(conn: sqlite3.Connection, target: Path) -> None:
    """Copy ``conn``'s database to ``target`` via ``target.partial`` and a rename.

    The copy is switched to rollback-journal mode so that it is one self-contained
    file (a WAL-mode copy could not be opened read-only without its -shm file).
    On failure the partial file is removed and the error translated.
    """
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        destination = sqlite3.connect(partial, isolation_level=None)
        try:
            conn.backup(destination)
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
        _fsync(partial)
        os.replace(partial, target)
        _fsync_dir(target.parent)
    except sqlite3.Error as error:
        _discard(partial)
        raise (translate_sqlite_error(error) or CannotOpenError(path=target, detail=str(error))) from error
    except OSError as error:
        _discard(partial)
        raise translate_os_error(error, target) from error


def _discard(path: Path) -> None:
    # It was never created (no folder), or cannot be: nothing more to do.
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


# (device, inode) of each database file a ``Store`` of this process has open, and how many.
_HELD: Counter[tuple[int, int]] = Counter()


def _file_key(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        info = os.stat(path)  # by name: no descriptor is opened
    except OSError:
        return None
    return (info.st_dev, info.st_ino) if info.st_ino else None


def _hold(path: Path | None) -> tuple[int, int] | None:
    key = _file_key(path) if path is not None else None
    if key is not None:
        _HELD[key] += 1
    return key


def _release(key: tuple[int, int] | None) -> None:
    if key is not None and _HELD[key] > 0:
        _HELD[key] -= 1
        if not _HELD[key]:
            del _HELD[key]


def open_in_process(path: str | os.PathLike[str]) -> bool:
    """Whether a ``Store`` of this process has the database file at ``path`` open.

    While one has, nothing may open, read or fsync that file through a descriptor
    of its own: closing it would drop the connection's POSIX locks.
    """
    key = _file_key(path)
    return key is not None and key in _HELD


def _fsync(path: Path) -> None:
    """fsync a file no connection of this process has open (a fresh copy, a restored file)."""
    if open_in_process(path):
        raise RuntimeError(f"{path} is open in this process; only SQLite may touch it")
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    _fsync(folder)


__all__ = [
    "DELETED",
    "FieldVersion",
    "Store",
    "StoreError",
    "DatabaseLockedError",
    "ReadOnlyError",
    "entity_from_row",
    "version_key",
]
