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
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from fieldapp.domain import BY_TABLE
from fieldapp.store import privacy
from fieldapp.store.store import ERASED, FieldVersion, Store, _dump

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
    """The versions an export carries: ``since < seq <= upto``, minus (with ``skip_place``)
    every version that came in from a file read in that shared folder."""

    since: int
    upto: int
    skip_place: str | None = None

    def sql(self) -> tuple[str, list[Any]]:
        if self.skip_place is None:
            return "seq > ? AND seq <= ?", [self.since, self.upto]
        # Imports never overlap (each is one transaction), so a version came from the folder
        # exactly when the last folder import that starts at or before it also ends after it:
        # one index probe per version, however many files the folder ever held.
        clause = (
            "seq > ? AND seq <= ? AND coalesce((SELECT i.last_seq >= field_versions.seq FROM sync_imports i"
            " WHERE i.destination = ? AND i.first_seq <= field_versions.seq"
            " ORDER BY i.first_seq DESC LIMIT 1), 0) = 0"
        )
        return clause, [self.since, self.upto, self.skip_place]


def window(store: Store, destination: str, *, full: bool = False, skip_echo: bool = False) -> Window:
    """What an export to ``destination`` must carry.

    Everything since the last export there (or everything, with ``full``). With
    ``skip_echo`` (a shared folder) versions that came *from* that folder stay out:
    every laptop reads the folder itself, and the file they came in is the writer's
    to keep there (see docs/sync-folder.md).
    """
    since = 0 if full else destination_seq(store, destination)
    return Window(since, max_seq(store), destination if skip_echo else None)


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


def known_attachment_shas(store: Store, shas: Iterable[str]) -> set[str]:
    """Which of ``shas`` an attachment version in this notebook names (current or old)."""
    wanted = [_dump(sha) for sha in shas]
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(
            json.loads(value)
            for (value,) in store.conn.execute(
                "SELECT DISTINCT value FROM field_versions WHERE tbl = 'attachments' AND field = 'sha256'"
                f" AND value IN ({marks})",
                chunk,
            )
        )
    return found


def contradiction(store: Store, versions: Sequence[VersionRow]) -> tuple[VersionRow, bool] | None:
    """The first incoming version that contradicts this notebook's log, or None.

    Returns (version, own): ``own`` when it carries this notebook's own site but this
    notebook does not have it (and it is newer than the newest erasure here, which may
    have purged it), else a version whose (table, row, field,
    hlc, site) is known here with a different value. Either way the laptops would
    diverge silently: a forged file, or a copy of this notebook on another laptop.
    Only versions that can collide are looked up: those of a site this notebook
    knows, at or below that site's highest clock here.
    """
    sites = {v[5] for v in versions}
    highest = {
        site: top
        for site in sites
        if (
            top := store.conn.execute(
                "SELECT max(hlc) FROM field_versions WHERE site = ?", (site,)
            ).fetchone()[0]
        )
        is not None
    }
    own = store.site
    candidates = [v for v in versions if v[5] == own or v[4] <= highest.get(v[5], -1)]
    if not candidates:
        return None
    conn = store.conn
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS sync_check (tbl TEXT, row_id TEXT, field TEXT, value TEXT, hlc INTEGER,"
        " site TEXT, n INTEGER)"
    )
    # One savepoint around the scratch rows (a row-by-row autocommit costs 5x), rolled back after.
    # An erasure purges this notebook's own older versions of what it erased; a colleague's
    # file made before the erasure arrived still brings them. Only versions newer than the
    # newest erasure here can be told to be forged.
    last_erasure = (
        conn.execute("SELECT max(hlc) FROM field_versions WHERE field = ?", (ERASED,)).fetchone()[0] or 0
    )
    conn.execute("SAVEPOINT sync_check")
    try:
        conn.executemany(
            "INSERT INTO temp.sync_check VALUES (?, ?, ?, ?, ?, ?, ?)",
            ((v[0], v[1], v[2], v[3], v[4], v[5], n) for n, v in enumerate(candidates)),
        )
        for n, seq, stored in conn.execute(
            "SELECT c.n, v.seq, v.value FROM temp.sync_check c LEFT JOIN field_versions v ON v.tbl = c.tbl"
            " AND v.row_id = c.row_id AND v.field = c.field AND v.hlc = c.hlc AND v.site = c.site"
            " WHERE (v.seq IS NULL AND c.site = ?) OR (v.seq IS NOT NULL AND v.value IS NOT c.value)"
            " ORDER BY c.n",
            (own,),
        ).fetchall():
            version = candidates[n]
            if seq is None:
                if version[4] <= last_erasure:
                    continue  # may be ours, purged by an erasure since (the import purges it again)
                return version, True
            if json.loads(stored) != json.loads(version[3]):
                return version, False
        return None
    finally:
        conn.execute("ROLLBACK TO sync_check")
        conn.execute("RELEASE sync_check")


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
    erasures = ERASED in map(_FIELD, versions) or _erasure_touches(store, versions, values)
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


def _erasure_touches(store: Store, versions: Sequence[VersionRow], values: Sequence[Any] | None) -> bool:
    """Could ``privacy.ErasureFilter`` hold back any of these versions (which carry no erasure)?

    Only when one belongs to an erased row, points at an erased person, belongs to an
    erasure batch, or is a field an erasure batch wrote. Otherwise the filter keeps them
    all and the import takes the fast path: a notebook with erasures imports a small file
    as fast as one without (the erasure markers sit in a partial index, a batch's
    versions in the (site, hlc) index, so this costs a few lookups per erasure).
    """
    conn = store.conn
    # The marker is spelled out (not a parameter): only then can SQLite use the partial index.
    assert ERASED.isidentifier()
    markers = conn.execute(
        f"SELECT tbl, row_id, hlc, site FROM field_versions WHERE field = '{ERASED}'"
    ).fetchall()
    if not markers:
        return False
    if not {(tbl, row_id) for tbl, row_id, _hlc, _site in markers}.isdisjoint(map(_ROW, versions)):
        return True
    first_marker: dict[str, tuple[int, str]] = {}  # erased person -> its erasure batch (as privacy has it)
    for tbl, row_id, hlc, site in markers:
        if tbl == "people" and (row_id not in first_marker or (hlc, site) < first_marker[row_id]):
            first_marker[row_id] = (hlc, site)
    people = set(first_marker)
    batches = set(first_marker.values())
    written = {
        (tbl, row_id, fld)
        for hlc, site in batches
        for tbl, row_id, fld in conn.execute(
            "SELECT tbl, row_id, field FROM field_versions WHERE site = ? AND hlc = ?", (site, hlc)
        )
    }
    refs = privacy.PEOPLE_REFS
    for number, version in enumerate(versions):
        tbl, row_id, fld, text, hlc, site = version[:6]
        if (hlc, site) in batches or (tbl, row_id, fld) in written:
            return True
        if fld in refs.get(tbl, ()):
            value = values[number] if values is not None else json.loads(text)
            if isinstance(value, str) and value in people:
                return True
    return False


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


# ------------------------------------------------------------ own folder files
# Names of the files this notebook wrote into shared folders, kept in ``meta`` (one row
# each, few: a laptop keeps fewer than ``OWN_FILES_KEPT`` there). Only these are ever
# removed from a folder; a file that merely carries this notebook's site in its name
# may be a copy's, and a laptop never deletes another laptop's files.
_OWN_FILE = "own_file:"
_ADOPTED = "own_files_adopted:"


def own_files(store: Store) -> set[str]:
    return {
        key[len(_OWN_FILE) :]
        for (key,) in store.conn.execute(
            "SELECT key FROM meta WHERE key >= ? AND key < ?", (_OWN_FILE, _OWN_FILE[:-1] + ";")
        )
    }


def adopted_own_files(store: Store, place: str) -> bool:
    return store.conn.execute("SELECT 1 FROM meta WHERE key = ?", (_ADOPTED + place,)).fetchone() is not None


def adopt_own_files(store: Store, place: str, names: Iterable[str]) -> None:
    """Take ``names`` as this notebook's own files, once per folder (``place``)."""
    with store.transaction():
        for name in names:
            remember_own_file(store, name)
        store.conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (_ADOPTED + place, _now_iso())
        )


def remember_own_file(store: Store, name: str) -> None:
    store.conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (_OWN_FILE + name, _now_iso())
    )


def forget_own_files(store: Store, names: Iterable[str]) -> None:
    store.conn.executemany("DELETE FROM meta WHERE key = ?", [(_OWN_FILE + name,) for name in names])


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
