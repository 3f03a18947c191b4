"""The conflict inbox: concurrent edits of one field, kept for a person to review.

Two versions of a field conflict when neither descends from the other through
``prev``: both are *heads* of the field's history. The highest ``(hlc, site)``
head is in force; the other heads (with a different value) wait in the inbox.
Nothing is discarded: every head stays in the change log. Resolving writes one new
version whose ``prev`` names every head ("hlc:site,hlc:site"), so the conflict is
closed on every laptop that receives it, like any other change.

``sync_conflicts`` only lists candidate fields; whether one is still open is
worked out from the log each time, so local edits and resolutions that arrive by
sync are always reflected.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from fieldapp.domain import BY_TABLE
from fieldapp.domain.fields import FieldError, FieldSpec, ValidationError, coerce, encode
from fieldapp.store.store import MAX_PARENTS, FieldVersion, Store, version_key

SYSTEM_PREFIX = "_"


@dataclass(frozen=True)
class Conflict:
    """One field with concurrent values: ``current`` is in force, ``others`` lost the tie-break."""

    tbl: str
    row_id: str
    field: str
    current: FieldVersion
    others: tuple[FieldVersion, ...]

    @property
    def spec(self) -> FieldSpec:
        return BY_TABLE[self.tbl].spec(self.field)

    def label(self, lang: str | None = None) -> str:
        return self.spec.label(lang)

    @property
    def candidates(self) -> tuple[FieldVersion, ...]:
        """Every competing version, the one in force first."""
        return (self.current, *self.others)


def parents(prev: str | None) -> list[str]:
    """The version keys a version was written on top of (one, or several after a resolution)."""
    return prev.split(",") if prev else []


def heads(versions: Iterable[FieldVersion]) -> list[FieldVersion]:
    """Versions nobody has written on top of, highest ``(hlc, site)`` first."""
    versions = list(versions)
    superseded = {key for v in versions for key in parents(v.prev)}
    return sorted(
        (v for v in versions if v.key not in superseded), key=lambda v: (v.hlc, v.site), reverse=True
    )


def _field_versions(store: Store, tbl: str, row_id: str, field: str) -> list[FieldVersion]:
    return [
        FieldVersion(tbl, row_id, field, json.loads(value) if value is not None else None, hlc, site, prev)
        for value, hlc, site, prev in store.conn.execute(
            "SELECT value, hlc, site, prev FROM field_versions WHERE tbl = ? AND row_id = ? AND field = ?",
            (tbl, row_id, field),
        )
    ]


def _conflict_of(store: Store, tbl: str, row_id: str, field: str) -> Conflict | None:
    tops = heads(_field_versions(store, tbl, row_id, field))
    if len(tops) < 2:
        return None
    current, rest = tops[0], tops[1:]
    others = tuple(v for v in rest if v.value != current.value)
    if not others:
        return None
    return Conflict(tbl, row_id, field, current, others)


def detect(store: Store, since_seq: int, candidates: set[tuple[str, str, str]] | None = None) -> int:
    """Note the fields touched by versions with ``seq >= since_seq`` that now conflict.

    ``candidates`` may name those fields already (the merge works them out as it
    goes: fields with a new version and at least one other). Runs inside the
    import's transaction. Returns how many conflicts are open among those fields.
    """
    if candidates is None:
        # A field with a single version cannot conflict; the index answers that cheaply.
        candidates = {
            tuple(row)
            for row in store.conn.execute(
                "SELECT v.tbl, v.row_id, v.field FROM field_versions v"
                " WHERE v.seq >= ? AND substr(v.field, 1, 1) != ? AND EXISTS (SELECT 1 FROM field_versions o"
                "  WHERE o.tbl = v.tbl AND o.row_id = v.row_id AND o.field = v.field AND o.seq != v.seq)",
                (since_seq, SYSTEM_PREFIX),
            )
        }
    found = 0
    with store.transaction():
        for tbl, row_id, field in sorted(candidates):
            if _conflict_of(store, tbl, row_id, field) is None:
                store.conn.execute(
                    "DELETE FROM sync_conflicts WHERE tbl = ? AND row_id = ? AND field = ?",
                    (tbl, row_id, field),
                )
                continue
            found += 1
            store.conn.execute(
                "INSERT INTO sync_conflicts (tbl, row_id, field, detected_hlc) VALUES (?, ?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                (tbl, row_id, field, store.clock.last),
            )
    return found


def open_conflicts(store: Store, tbl: str | None = None, row_id: str | None = None) -> list[Conflict]:
    """Conflicts waiting for review, oldest first; rows that are gone are left out."""
    sql = "SELECT tbl, row_id, field FROM sync_conflicts"
    params: list[Any] = []
    if tbl is not None:
        sql += " WHERE tbl = ?" + (" AND row_id = ?" if row_id is not None else "")
        params = [tbl] + ([row_id] if row_id is not None else [])
    result = []
    for t, r, f in store.conn.execute(sql + " ORDER BY detected_hlc, tbl, row_id, field", params).fetchall():
        if (
            t not in BY_TABLE
            or store.conn.execute(f"SELECT 1 FROM {t} WHERE id = ?", (r,)).fetchone() is None
        ):
            continue
        conflict = _conflict_of(store, t, r, f)
        if conflict is not None:
            result.append(conflict)
    return result


def count_open(store: Store) -> int:
    return len(open_conflicts(store))


def resolve(store: Store, conflict: Conflict, value: Any) -> FieldVersion:
    """Settle a conflict with ``value`` (one of the candidates, or a combination).

    The choice is a new field version on top of every head, so it wins here and
    closes the conflict on every laptop it reaches. Raises ``ValidationError``.
    """
    spec = conflict.spec
    try:
        encoded = encode(spec, coerce(spec, value))
    except FieldError as error:
        raise ValidationError([error]) from None
    with store.transaction():
        tops = heads(_field_versions(store, conflict.tbl, conflict.row_id, conflict.field))
        # The one in force first, so that it is kept should there be more heads than a prev may name.
        prev = ",".join([v.key for v in tops][:MAX_PARENTS]) or None
        hlc = store.clock.now()
        store.conn.execute(
            "INSERT INTO field_versions (tbl, row_id, field, value, hlc, site, prev) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                conflict.tbl,
                conflict.row_id,
                conflict.field,
                json.dumps(encoded, ensure_ascii=False, separators=(",", ":")),
                hlc,
                store.site,
                prev,
            ),
        )
        store.recompute(conflict.tbl, [conflict.row_id])
        store.conn.execute(
            "DELETE FROM sync_conflicts WHERE tbl = ? AND row_id = ? AND field = ?",
            (conflict.tbl, conflict.row_id, conflict.field),
        )
    return FieldVersion(conflict.tbl, conflict.row_id, conflict.field, encoded, hlc, store.site, prev)


def pick(store: Store, conflict: Conflict, chosen: FieldVersion) -> FieldVersion:
    """Settle a conflict by keeping one of its candidate versions' value."""
    if chosen.key not in {v.key for v in conflict.candidates}:
        raise ValueError(f"{version_key(chosen.hlc, chosen.site)} is not a candidate of this conflict")
    # The log holds the SQLite encoding (1 for True, ISO text for dates); coerce reads it back.
    return resolve(store, conflict, chosen.value)
