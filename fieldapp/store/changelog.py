"""The change log as sync sees it: versions to send, versions to merge in, bookkeeping.

Merging is a set union of field versions: unknown ones are inserted, known ones
(same table, row, field, hlc and site) are ignored, and the rows they touch are
materialised again with ``Store.recompute``. GDPR erasure is the one exception to
"nothing is ever discarded": ``privacy.ErasureFilter`` keeps erased data out and
``privacy.apply_erasures`` purges what this notebook still held.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

from fieldapp.domain import BY_TABLE
from fieldapp.store import privacy
from fieldapp.store.store import ERASED, FieldVersion, Store

# (tbl, row_id, field, value as JSON text, hlc, site, prev)
VersionRow = tuple[str, str, str, str, int, str, "str | None"]

# Page cache for a merge, in KiB (the connection keeps it afterwards; memory is cheap, seeks are not).
MERGE_CACHE_KIB = 256 * 1024

_INSERT = (
    "INSERT OR IGNORE INTO field_versions (tbl, row_id, field, value, hlc, site, prev)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def _now_iso() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# ------------------------------------------------------------------ reading
def max_seq(store: Store) -> int:
    return store.conn.execute("SELECT coalesce(max(seq), 0) FROM field_versions").fetchone()[0]


@dataclass(frozen=True)
class Window:
    """The versions an export carries: ``since < seq <= upto``, minus the ``skip`` ranges."""

    since: int
    upto: int
    skip: tuple[tuple[int, int], ...] = ()

    def sql(self) -> tuple[str, list[int]]:
        clause = "seq > ? AND seq <= ?" + "".join(" AND seq NOT BETWEEN ? AND ?" for _ in self.skip)
        return clause, [self.since, self.upto, *(n for pair in self.skip for n in pair)]


# More ranges than this are not worth a longer query; the echo is harmless anyway.
_MAX_SKIPPED_RANGES = 200


def window(store: Store, destination: str, *, full: bool = False, skip_echo: bool = False) -> Window:
    """What an export to ``destination`` must carry.

    Everything since the last export there (or everything, with ``full``). With
    ``skip_echo`` (a shared folder) versions that came *from* that folder stay out:
    every laptop reads the folder itself.
    """
    since = 0 if full else destination_seq(store, destination)
    upto = max_seq(store)
    skip: tuple[tuple[int, int], ...] = ()
    if skip_echo:
        skip = tuple(
            store.conn.execute(
                "SELECT first_seq, last_seq FROM sync_imports WHERE destination = ? AND last_seq > ?"
                " AND first_seq <= ? ORDER BY first_seq LIMIT ?",
                (destination, since, upto, _MAX_SKIPPED_RANGES + 1),
            )
        )
        if len(skip) > _MAX_SKIPPED_RANGES:
            skip = ()
    return Window(since, upto, skip)


def count_in(store: Store, win: Window) -> int:
    clause, params = win.sql()
    return store.conn.execute(f"SELECT count(*) FROM field_versions WHERE {clause}", params).fetchone()[0]


def lines_in(store: Store, win: Window, batch: int = 50_000) -> Iterator[list[str]]:
    """The versions of a window as JSON lines, in batches.

    SQLite writes each line itself (``json_array``); the stored value is already
    JSON text. Versions of erased rows stay home, except the erasure marker.
    """
    clause, params = win.sql()
    cursor = store.conn.execute(
        "SELECT json_array(tbl, row_id, field, json(value), hlc, site, prev) FROM field_versions"
        f" WHERE {clause} AND (field = ? OR (tbl, row_id) NOT IN"
        "   (SELECT tbl, row_id FROM field_versions WHERE field = ?))"
        " ORDER BY seq",
        [*params, ERASED, ERASED],
    )
    while rows := cursor.fetchmany(batch):
        yield [row[0] for row in rows]


def site_clocks(store: Store, win: Window) -> dict[str, int]:
    """Per site, the highest HLC among the versions of a window."""
    clause, params = win.sql()
    return dict(store.conn.execute(f"SELECT site, max(hlc) FROM field_versions WHERE {clause} GROUP BY site", params))


def attachment_shas(store: Store, win: Window) -> list[str]:
    """SHA-256 of the attachments whose versions fall in a window."""
    clause, params = win.sql()
    return [
        row[0]
        for row in store.conn.execute(
            "SELECT DISTINCT json_extract(value, '$') FROM field_versions"
            f" WHERE {clause} AND tbl = 'attachments' AND field = 'sha256' AND json_type(value) = 'text'",
            params,
        )
    ]


def erased_rows(store: Store) -> set[tuple[str, str]]:
    return set(store.conn.execute("SELECT DISTINCT tbl, row_id FROM field_versions WHERE field = ?", (ERASED,)))


def row_total(store: Store) -> int:
    return sum(store.conn.execute(f"SELECT count(*) FROM {tbl}").fetchone()[0] for tbl in BY_TABLE)


# ------------------------------------------------------------------ merging
@dataclass
class MergeResult:
    inserted: int = 0
    rows_changed: int = 0
    rows_deleted: int = 0
    rows_before: int = 0
    first_new_seq: int = 0
    erasures: bool = False  # call ``finish_erasures`` once the transaction is committed
    changed_tables: set[str] = field(default_factory=set)


def merge(store: Store, versions: Sequence[VersionRow]) -> MergeResult:
    """Insert unknown versions and materialise the rows they touch.

    Must run inside ``store.transaction()``; the caller decides whether to keep
    the result (e.g. refuses a mass delete by raising, which rolls it all back).
    """
    assert store.conn.in_transaction, "merge() runs inside store.transaction()"
    conn = store.conn
    result = MergeResult(rows_before=row_total(store))
    before = max_seq(store)
    result.first_new_seq = before + 1
    _roomy_cache(store)
    erasures = any(v[2] == ERASED for v in versions) or _any_erasure(store)
    if erasures:
        # GDPR erasure wins over "nothing is discarded": the privacy module decides
        # which incoming versions may be stored (see fieldapp.store.privacy).
        candidates = [FieldVersion(v[0], v[1], v[2], json.loads(v[3]), v[4], v[5], v[6]) for v in versions]
        erasure_filter = privacy.ErasureFilter(store, candidates)
        versions = [v for v, c in zip(versions, candidates) if erasure_filter.keeps(c)]
    conn.executemany(_INSERT, versions)
    result.inserted = max_seq(store) - before
    if not result.inserted:
        return result
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS sync_touched (tbl TEXT, row_id TEXT, PRIMARY KEY (tbl, row_id))")
    conn.execute("DELETE FROM temp.sync_touched")
    conn.execute("INSERT INTO temp.sync_touched SELECT DISTINCT tbl, row_id FROM field_versions WHERE seq > ?", (before,))
    touched: dict[str, list[str]] = {}
    for tbl, row_id in conn.execute("SELECT tbl, row_id FROM temp.sync_touched"):
        touched.setdefault(tbl, []).append(row_id)
    existed = _count_existing(store, touched)
    for tbl, ids in touched.items():
        store.recompute(tbl, ids)
    result.erasures = erasures
    result.rows_deleted = existed - _count_existing(store, touched)
    result.rows_changed = sum(len(ids) for ids in touched.values())
    result.changed_tables = set(touched)
    conn.execute("DELETE FROM temp.sync_touched")
    return result


def finish_erasures(store: Store) -> None:
    """Purge this notebook's own history for erasures that arrived (after the commit:
    it scrubs the file, which cannot happen inside the import's transaction)."""
    privacy.apply_erasures(store)


def _any_erasure(store: Store) -> bool:
    return store.conn.execute("SELECT 1 FROM field_versions WHERE field = ? LIMIT 1", (ERASED,)).fetchone() is not None


def _roomy_cache(store: Store) -> None:
    """A big merge touches far more pages than SQLite's default 2 MB cache holds."""
    if store.conn.execute("PRAGMA cache_size").fetchone()[0] > -MERGE_CACHE_KIB:
        store.conn.execute(f"PRAGMA cache_size = -{MERGE_CACHE_KIB}")


def _count_existing(store: Store, touched: dict[str, list[str]]) -> int:
    total = 0
    for tbl in touched:
        if tbl not in BY_TABLE:  # a name from the log is never an identifier unless whitelisted
            continue
        total += store.conn.execute(
            f"SELECT count(*) FROM {tbl} WHERE id IN (SELECT row_id FROM temp.sync_touched WHERE tbl = ?)", (tbl,)
        ).fetchone()[0]
    return total


# ------------------------------------------------------------------ bookkeeping
def destination_seq(store: Store, destination: str) -> int:
    row = store.conn.execute(
        "SELECT last_seq FROM sync_destinations WHERE destination = ?", (destination,)
    ).fetchone()
    return row[0] if row else 0


def record_export(store: Store, destination: str, upto_seq: int, hlc: int) -> None:
    with store.transaction():
        store.conn.execute(
            "INSERT INTO sync_destinations (destination, last_seq, last_hlc, exported_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(destination) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq),"
            " last_hlc = excluded.last_hlc, exported_at = excluded.exported_at",
            (destination, upto_seq, hlc, _now_iso()),
        )


def was_imported(store: Store, file_sha256: str, export_id: str | None = None) -> bool:
    return (
        store.conn.execute(
            "SELECT 1 FROM sync_imports WHERE file_sha256 = ? OR export_id = ?", (file_sha256, export_id or "")
        ).fetchone()
        is not None
    )


def record_import(
    store: Store,
    file_sha256: str,
    export_id: str,
    site: str,
    file_name: str,
    merged: MergeResult,
    destination: str | None = None,
) -> None:
    """Remember an imported file (inside the import's transaction)."""
    last = merged.first_new_seq + merged.inserted - 1 if merged.inserted else None
    store.conn.execute(
        "INSERT OR REPLACE INTO sync_imports (file_sha256, export_id, site, file_name, changes, imported_at,"
        " destination, first_seq, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (file_sha256, export_id, site, file_name, merged.inserted, _now_iso(), destination,
         merged.first_new_seq if last else None, last),
    )


def last_sync(store: Store) -> str | None:
    """When this notebook last exported or imported a sync file (UTC ISO), for the status bar."""
    row = store.conn.execute(
        "SELECT max(t) FROM (SELECT max(exported_at) AS t FROM sync_destinations"
        " UNION ALL SELECT max(imported_at) FROM sync_imports)"
    ).fetchone()
    return row[0] if row else None

