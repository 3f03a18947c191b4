"""The activity log: what was changed on this laptop, and when.

Derived from the change log alone: one entry per (hlc, table, row) among this
site's own field versions, newest first. Only field *names* are shown, never old
values, so the log cannot leak what an erasure removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from fieldapp.domain import BY_TABLE
from fieldapp.domain.clock import unpack
from fieldapp.store.lookups import record_title
from fieldapp.store.store import DELETED, ERASED, Store

CREATED, CHANGED, DELETED_KIND, ERASED_KIND = "created", "changed", "deleted", "erased"
TITLE_MAX = 80


@dataclass(frozen=True)
class LogEntry:
    hlc: int
    at: datetime  # local, aware
    tbl: str
    row_id: str
    fields: tuple[str, ...]
    kind: str  # created | changed | deleted | erased
    title: str  # the row's current title; empty when it no longer exists

    def what(self, lang: str | None = None) -> str:
        """What kind of thing changed ("aktivitet", "person" …)."""
        cls = BY_TABLE.get(self.tbl)
        return cls.display_name(lang) if cls else self.tbl


def activity_log(
    store: Store, *, limit: int = 100, offset: int = 0, before_hlc: int | None = None
) -> list[LogEntry]:
    """One page of this laptop's saves, newest first.

    ``limit``/``offset`` count *saves* (one hlc each); a save that touched several
    rows (a delete with its cascade, an erasure) gives one entry per row, so a page
    can hold more than ``limit`` entries. For long logs, page with ``before_hlc``
    set to the last entry's ``hlc`` instead of ``offset``.
    """
    params: list[object] = [store.site]
    where = "site = ?"
    if before_hlc is not None:
        where += " AND hlc < ?"
        params.append(before_hlc)
    # The page's saves first, straight off the (site, hlc) index …
    stamps = [
        r[0]
        for r in store.conn.execute(
            f"SELECT DISTINCT hlc FROM field_versions WHERE {where} ORDER BY hlc DESC LIMIT ? OFFSET ?",
            [*params, int(limit), int(offset)],
        )
    ]
    if not stamps:
        return []
    # … then what each of them touched.
    rows = store.conn.execute(
        "SELECT hlc, tbl, row_id, group_concat(field, char(31)) FROM field_versions"
        " WHERE site = ? AND hlc BETWEEN ? AND ? GROUP BY hlc, tbl, row_id ORDER BY hlc DESC, tbl, row_id",
        (store.site, stamps[-1], stamps[0]),
    ).fetchall()
    entries = []
    for hlc, tbl, row_id, names in rows:
        fields = tuple(sorted(names.split("\x1f")))
        entries.append(
            LogEntry(
                hlc,
                _local(hlc),
                tbl,
                row_id,
                fields,
                _kind(store, tbl, row_id, hlc, fields),
                _shortened(record_title(store, tbl, row_id)),
            )
        )
    return entries


def activity_log_count(store: Store) -> int:
    """How many saves the whole log has (for a pager)."""
    return store.conn.execute(
        "SELECT count(DISTINCT hlc) FROM field_versions WHERE site = ?", (store.site,)
    ).fetchone()[0]


def _local(hlc: int) -> datetime:
    wall_ms, _ = unpack(hlc)
    return datetime.fromtimestamp(wall_ms / 1000, tz=UTC).astimezone()


def _kind(store: Store, tbl: str, row_id: str, hlc: int, fields: tuple[str, ...]) -> str:
    if ERASED in fields:
        return ERASED_KIND
    if DELETED in fields:
        return DELETED_KIND
    earlier = store.conn.execute(
        "SELECT 1 FROM field_versions WHERE tbl = ? AND row_id = ? AND hlc < ? LIMIT 1", (tbl, row_id, hlc)
    ).fetchone()
    return CHANGED if earlier else CREATED


def _shortened(title: str | None) -> str:
    text = title or ""
    return text if len(text) <= TITLE_MAX else text[: TITLE_MAX - 1] + "…"
