"""The change log as sync sees it: versions to send, versions to merge in, bookkeeping.

Merging is a set union of field versions: unknown ones are inserted, known ones
(same table, row, field, hlc and site) are ignored, and the rows they touch are
materialised again with ``Store.recompute``. GDPR erasure is the one exception to
"nothing is ever discarded": ``privacy.ErasureFilter`` keeps erased data out and
``privacy.purge_erasures`` purges what this notebook still held, in the import's transaction.
"""

from __future__ import annotations

import itertools
import json
import operator
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

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
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


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
    return dict(
        store.conn.execute(f"SELECT site, max(hlc) FROM field_versions WHERE {clause} GROUP BY site", params)
    )


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
    return set(
        store.conn.execute("SELECT DISTINCT tbl, row_id FROM field_versions WHERE field = ?", (ERASED,))
    )


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
    last_new_seq: int = 0  # the new versions lie between the two (ignored ones leave gaps)
    erasures: bool = False  # call ``finish_erasures`` once the transaction is committed
    changed_tables: set[str] = field(default_factory=set)
    # Fields that got a new version and now have more than one: the only ones that can conflict.
    # None means "not worked out": look at every field with a new version.
    conflict_candidates: set[tuple[str, str, str]] | None = None


_ROW = operator.itemgetter(0, 1)
_FIELD = operator.itemgetter(2)
_HLC = operator.itemgetter(4)
_SITE = operator.itemgetter(5)
_FIRST = operator.itemgetter(0)
_SECOND = operator.itemgetter(1)

# A row's versions as ``Store.materialise`` takes them: (field, decoded value, hlc, site).
Logged = dict[str, list[tuple[str, Any, int, str]]]


def merge(
    store: Store,
    versions: Sequence[VersionRow],
    values: Sequence[Any] | None = None,
    step: Callable[[float], None] | None = None,
) -> MergeResult:
    """Insert unknown versions and materialise the rows they touch.

    ``values`` may give each version's value already decoded (the sync checks
    decoded them); then rows are built from the incoming versions plus what the
    log held for those rows, without reading the new versions back.

    Must run inside ``store.transaction()``; the caller decides whether to keep
    the result (e.g. refuses a mass delete by raising, which rolls it all back).
    ``step(fraction)`` is told how far it has come (always below 1); it may raise
    to stop the merge, which the caller's transaction then undoes.
    """
    assert store.conn.in_transaction, "merge() runs inside store.transaction()"
    step = step or (lambda fraction: None)
    result = MergeResult(rows_before=row_total(store))
    before = max_seq(store)
    result.first_new_seq = before + 1
    _roomy_cache(store)
    erasures = ERASED in map(_FIELD, versions) or _any_erasure(store)
    if erasures or values is None:
        return _merge_through_log(store, versions, result, before, erasures, step)
    return _merge_in_memory(store, versions, values, result, before, step)


def _merge_through_log(
    store: Store,
    versions: Sequence[VersionRow],
    result: MergeResult,
    before: int,
    erasures: bool,
    step: Callable[[float], None],
) -> MergeResult:
    """Insert, then rebuild every touched row from the log (the general path)."""
    conn = store.conn
    if erasures:
        # GDPR erasure wins over "nothing is discarded": the privacy module decides
        # which incoming versions may be stored (see fieldapp.store.privacy).
        candidates = [FieldVersion(v[0], v[1], v[2], json.loads(v[3]), v[4], v[5], v[6]) for v in versions]
        erasure_filter = privacy.ErasureFilter(store, candidates)
        versions = [v for v, c in zip(versions, candidates, strict=True) if erasure_filter.keeps(c)]
    step(0.1)
    _insert(store, versions, result)
    if not result.inserted:
        return result
    step(0.5)
    _clear_touched(store)
    conn.execute(
        "INSERT INTO temp.sync_touched SELECT DISTINCT tbl, row_id FROM field_versions WHERE seq > ?",
        (before,),
    )
    touched: dict[str, list[str]] = {}
    for tbl, row_id in conn.execute("SELECT tbl, row_id FROM temp.sync_touched"):
        touched.setdefault(tbl, []).append(row_id)
    existed = _existing(store, touched)
    for number, (tbl, ids) in enumerate(touched.items()):
        store.recompute(tbl, ids)
        step(0.5 + 0.45 * (number + 1) / len(touched))
    if erasures:
        # In the import's own transaction: the notebook is either as before or fully purged.
        privacy.purge_erasures(store)
    result.erasures = erasures
    result.rows_deleted = len(existed - _existing(store, touched))
    result.rows_changed = sum(len(ids) for ids in touched.values())
    result.changed_tables = set(touched)
    conn.execute("DELETE FROM temp.sync_touched")
    return result


def _merge_in_memory(
    store: Store,
    versions: Sequence[VersionRow],
    values: Sequence[Any],
    result: MergeResult,
    before: int,
    step: Callable[[float], None],
) -> MergeResult:
    """Rows from the incoming versions plus the log's versions of the same rows.

    A file full of rows this notebook has never seen (the first sync, a big batch
    from a colleague) is then one insert of the versions and one of the rows.
    """
    conn = store.conn
    # Grouped by row. A file lists a row's versions mostly together, so the grouping runs
    # per run of versions, and the (field, value, hlc, site) entries are made in C.
    incoming: dict[tuple[str, str], list[tuple[str, Any, int, str]]] = {}
    entries = zip(map(_FIELD, versions), values, map(_HLC, versions), map(_SITE, versions), strict=True)
    for key, run in itertools.groupby(zip(map(_ROW, versions), entries, strict=True), key=_FIRST):
        logged = incoming.get(key)
        if logged is None:
            incoming[key] = list(map(_SECOND, run))
        else:
            logged.extend(map(_SECOND, run))
    # What the log already holds for those rows (nothing at all for rows new to this notebook,
    # and nothing to look up in a notebook whose log is empty: a newcomer's first sync).
    known: dict[tuple[str, str], list[tuple[str, Any, int, str]]] = {}
    if before:
        _clear_touched(store)
        conn.executemany("INSERT INTO temp.sync_touched (tbl, row_id) VALUES (?, ?)", incoming)
        # CROSS JOIN keeps the touched rows as the outer loop: without statistics on the temp
        # table SQLite would rather scan the whole log (20 ms per small file at 150,000 versions).
        for tbl, row_id, fld, value, hlc, site in conn.execute(
            "SELECT v.tbl, v.row_id, v.field, json_extract(v.value, '$'), v.hlc, v.site"
            " FROM temp.sync_touched t CROSS JOIN field_versions v ON v.tbl = t.tbl AND v.row_id = t.row_id"
        ):
            known.setdefault((tbl, row_id), []).append((fld, value, hlc, site))
        conn.execute("DELETE FROM temp.sync_touched")
    new_rows: Sequence[VersionRow] = versions
    new_fields: dict[tuple[str, str], set[str]] = {}
    if known:
        new_rows, new_fields = _add_known(versions, values, incoming, known)
    step(0.1)
    _insert(store, new_rows, result)  # OR IGNORE: a version twice in one file is stored once
    if not result.inserted:
        return result
    step(0.5)
    touched: dict[str, Logged] = {}
    candidates: set[tuple[str, str, str]] = set()
    for (tbl, row_id), logged in incoming.items():
        if not logged:
            continue  # nothing new for this row
        touched.setdefault(tbl, {})[row_id] = logged
        if len(set(map(_FIRST, logged))) < len(logged):  # some field has more than one version
            fields = [entry[0] for entry in logged]
            renewed = new_fields.get((tbl, row_id), fields)  # a row new here: every field is new
            candidates.update(
                (tbl, row_id, f) for f in set(renewed) if not f.startswith("_") and fields.count(f) > 1
            )
    for number, (tbl, logged_rows) in enumerate(touched.items()):
        result.rows_deleted += store.materialise(tbl, logged_rows)
        step(0.5 + 0.45 * (number + 1) / len(touched))
    result.rows_changed = sum(len(rows) for rows in touched.values())
    result.changed_tables = set(touched)
    result.conflict_candidates = candidates
    return result


def _add_known(
    versions: Sequence[VersionRow],
    values: Sequence[Any],
    incoming: dict[tuple[str, str], list[tuple[str, Any, int, str]]],
    known: dict[tuple[str, str], list[tuple[str, Any, int, str]]],
) -> tuple[list[VersionRow], dict[tuple[str, str], set[str]]]:
    """For rows the log knows: keep only the incoming versions it lacks and put them
    together with the log's versions in ``incoming`` (an empty list when nothing is
    new). Returns every version to insert, and per known row the fields that got one."""
    new_rows: list[VersionRow] = []
    have = {key: {(v[0], v[2], v[3]) for v in logged} for key, logged in known.items()}
    fresh: dict[tuple[str, str], list[tuple[str, Any, int, str]]] = {}
    for version, value in zip(versions, values, strict=True):
        key = (version[0], version[1])
        seen = have.get(key)
        if seen is None:
            new_rows.append(version)
            continue
        identity = (version[2], version[4], version[5])
        if identity in seen:
            continue  # known already (or twice in this file): a set union ignores it
        seen.add(identity)
        new_rows.append(version)
        fresh.setdefault(key, []).append((version[2], value, version[4], version[5]))
    for key, logged in known.items():
        incoming[key] = logged + fresh[key] if key in fresh else []
    return new_rows, {key: {entry[0] for entry in entries} for key, entries in fresh.items()}


def _clear_touched(store: Store) -> None:
    store.conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS sync_touched (tbl TEXT, row_id TEXT, PRIMARY KEY (tbl, row_id))"
    )
    store.conn.execute("DELETE FROM temp.sync_touched")


def finish_erasures(store: Store) -> None:
    """Scrub the file after an import that carried erasures (the purge itself committed
    with the import; an interrupted scrub is finished on the next open)."""
    if privacy.scrub_pending(store):
        privacy.scrub_file(store)


def _any_erasure(store: Store) -> bool:
    return (
        store.conn.execute("SELECT 1 FROM field_versions WHERE field = ? LIMIT 1", (ERASED,)).fetchone()
        is not None
    )


def _roomy_cache(store: Store) -> None:
    """A big merge touches far more pages than SQLite's default 2 MB cache holds."""
    if store.conn.execute("PRAGMA cache_size").fetchone()[0] > -MERGE_CACHE_KIB:
        store.conn.execute(f"PRAGMA cache_size = -{MERGE_CACHE_KIB}")


def _insert(store: Store, versions: Sequence[VersionRow], result: MergeResult) -> None:
    """Insert versions, ignoring known ones, and count what really went in.

    Not ``max(seq)`` minus the old maximum: with AUTOINCREMENT an ignored insert still
    uses up a sequence number, so that difference overstates what a file brought.
    """
    result.inserted = store.conn.executemany(_INSERT, versions).rowcount
    result.last_new_seq = max_seq(store)


def _existing(store: Store, touched: dict[str, list[str]]) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for tbl in touched:
        if tbl not in BY_TABLE:  # a name from the log is never an identifier unless whitelisted
            continue
        found.update(
            (tbl, row_id)
            for (row_id,) in store.conn.execute(
                f"SELECT id FROM {tbl} WHERE id IN (SELECT row_id FROM temp.sync_touched WHERE tbl = ?)",
                (tbl,),
            )
        )
    return found


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
            "SELECT 1 FROM sync_imports WHERE file_sha256 = ? OR export_id = ?",
            (file_sha256, export_id or ""),
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
    last = merged.last_new_seq if merged.inserted else None
    store.conn.execute(
        "INSERT OR REPLACE INTO sync_imports (file_sha256, export_id, site, file_name, changes, imported_at,"
        " destination, first_seq, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            file_sha256,
            export_id,
            site,
            file_name,
            merged.inserted,
            _now_iso(),
            destination,
            merged.first_new_seq if last else None,
            last,
        ),
    )


def last_sync(store: Store) -> str | None:
    """When this notebook last exported or imported a sync file (UTC ISO), for the status bar."""
    row = store.conn.execute(
        "SELECT max(t) FROM (SELECT max(exported_at) AS t FROM sync_destinations"
        " UNION ALL SELECT max(imported_at) FROM sync_imports)"
    ).fetchone()
    return row[0] if row else None


def last_sync_local(store: Store) -> datetime | None:
    """``last_sync`` as naive local time, or None if this notebook never synced.

    Here rather than beside the sync dialog so that the status bar can show it
    without loading the sync machinery (and its crypto) while the window opens.
    """
    text = last_sync(store)
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().replace(tzinfo=None)
