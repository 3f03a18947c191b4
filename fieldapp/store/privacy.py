"""GDPR tools: consent, the retention review, erasure and the right of access.

Erasure of a person, exactly:
- the person's row, every participant row naming them and every relation from or
  to them get an ``_erased`` marker version and lose *all* other versions; the
  rows disappear and never come back (``Store.recompute`` honours the marker);
- other rows keep their content but lose the link: ``observations.raised_by_id``,
  ``actions.owner_id`` and ``activities.facilitator_id`` become empty;
- a 1:1 talk about them (``activities.person_id``) loses the link and its personal
  notes: ``story``, ``self_interest``, ``concerns``, ``resources``, ``next_step``,
  ``leadership_assessment`` and ``summary`` become empty and the title becomes the
  neutral ``ERASED_TITLE`` (titles of 1:1 talks usually hold the name); its date,
  area, facilitator and observations stay;
- all of those new versions carry the marker's own ``(hlc, site)`` — the *erasure
  batch* — and every older version of the same fields is purged from
  ``field_versions``, as is every version anywhere that pointed at the person; the
  full-text indexes are optimised and deleted pages zeroed (``secure_delete``) so
  the old text cannot be read back from the file either;
- free text elsewhere that mentions the name is not changed automatically: it is
  listed in ``ErasureReport.mentions`` for the worker to review.

Backup copies are not rewritten; they rotate out within about five weeks (see
``backups``), and ``backups.restore`` re-applies every erasure made since the copy.

Sync: the marker and the batch travel like any versions. An importer keeps an
incoming version only if ``ErasureFilter.keeps`` it (older versions of an erased
row or a purged field, and links to an erased person, are dropped) and calls
``apply_erasures`` after recomputing, which purges the receiving notebook's own
history by the same rules.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from fieldapp.domain import (
    BY_TABLE,
    Action,
    Activity,
    ActivityKind,
    FieldError,
    Observation,
    Participant,
    Person,
    Relation,
    ValidationError,
)
from fieldapp.domain.clock import hlc_to_iso
from fieldapp.domain.enums import ConsentHow
from fieldapp.domain.fields import encode
from fieldapp.store import migrations as schema
from fieldapp.store import outputs
from fieldapp.store.store import ERASED, FieldVersion, Store, _dump

logger = logging.getLogger(__name__)

ACCESS_FORMAT = "feltbog-access-1"
ERASED_TITLE = "1:1-samtale (slettet person)"
# Personal notes of a 1:1 talk, emptied when the person it is about is erased.
ONE_TO_ONE_PERSONAL = (
    "story",
    "self_interest",
    "concerns",
    "resources",
    "next_step",
    "leadership_assessment",
    "summary",
)
# Rows that only exist because of a person: they go entirely.
LINK_TABLES = ("participants", "relations")
DEFAULT_REVIEW_PERIOD = timedelta(days=730)


def _people_refs() -> dict[str, tuple[str, ...]]:
    """Per table, the fields that point at a person."""
    refs: dict[str, tuple[str, ...]] = {}
    for tbl, cls in BY_TABLE.items():
        names = tuple(s.name for s in cls.specs() if s.kind == "ref" and s.ref == "people")
        if names:
            refs[tbl] = names
    return refs


PEOPLE_REFS = _people_refs()
_REF_FIELDS = sorted({name for names in PEOPLE_REFS.values() for name in names})


# ===================================================================== consent
def record_consent(
    store: Store,
    person_id: str,
    *,
    on: date,
    how: ConsentHow | str,
    purpose: str | None = None,
    may_be_named: bool | None = None,
    may_contact: bool | None = None,
    review_after: date | None = None,
) -> Person:
    """Consent given on ``on``, ``how`` (verbal/written), for ``purpose``.

    A fresh consent clears an earlier withdrawal. Without a review date, one is set
    ``DEFAULT_REVIEW_PERIOD`` after the consent (unless the person has one already).
    """
    person = store.get(Person, person_id)
    changes: dict[str, Any] = {
        "consent_store_at": on,
        "consent_how": how,
        "consent_withdrawn_at": None,
    }
    if purpose is not None:
        changes["consent_purpose"] = purpose
    if may_be_named is not None:
        changes["may_be_named"] = may_be_named
    if may_contact is not None:
        changes["may_contact"] = may_contact
    if review_after is not None:
        changes["review_after"] = review_after
    elif person.review_after is None:
        changes["review_after"] = on + DEFAULT_REVIEW_PERIOD
    return store.update(Person, person_id, **changes)


def withdraw_consent(store: Store, person_id: str, on: date | None = None) -> Person:
    """Record a withdrawal: the date, and no more naming in reports or contact.

    The record itself stays (the person may still be erased separately); the
    consent date and purpose are kept as evidence of what was withdrawn.
    """
    return store.update(
        Person, person_id, consent_withdrawn_at=on or date.today(), may_be_named=False, may_contact=False
    )


# ============================================================ retention review
@dataclass(frozen=True)
class ReviewItem:
    """One person on the retention review list."""

    person: Person
    days_overdue: int
    last_seen: date | None  # the latest activity they took part in or a 1:1 about them


def due_for_review(store: Store, today: date | None = None) -> list[ReviewItem]:
    """People (not staff) whose ``review_after`` date has passed, longest overdue first."""
    today = today or date.today()
    people = store.list(
        Person,
        "review_after < ? AND coalesce(is_staff, 0) = 0",
        [today.isoformat()],
        order_by="review_after, name COLLATE NOCASE, id",
    )
    items = []
    for person in people:
        assert person.review_after is not None
        items.append(ReviewItem(person, (today - person.review_after).days, last_seen(store, person.id)))
    return items


def last_seen(store: Store, person_id: str) -> date | None:
    row = store.conn.execute(
        "SELECT max(starts_at) FROM activities WHERE person_id = ?"
        " OR id IN (SELECT activity_id FROM participants WHERE person_id = ?)",
        (person_id, person_id),
    ).fetchone()
    return datetime.fromisoformat(row[0]).date() if row and row[0] else None


def keep_until(store: Store, person_id: str, until: date, today: date | None = None) -> Person:
    """ "Keep until …": move the review date to a day in the future."""
    if until <= (today or date.today()):
        error = FieldError(Person.spec("review_after"), "not_in_future", value=until.isoformat())
        raise ValidationError([error])
    return store.update(Person, person_id, review_after=until)


# ==================================================================== erasure
@dataclass(frozen=True)
class Mention:
    tbl: str
    row_id: str
    title: str


@dataclass
class ErasureReport:
    person_id: str
    rows_erased: dict[str, int] = field(default_factory=dict)  # table -> rows gone
    links_removed: dict[str, int] = field(default_factory=dict)  # "table.field" -> rows unlinked
    versions_purged: int = 0
    mentions: list[Mention] = field(default_factory=list)  # free text naming them; review by hand


def mentions(store: Store, person: Person) -> list[Mention]:
    """Rows whose indexed text contains the person's name as a phrase."""
    if not person.name or not person.name.strip():
        return []
    phrase = '"' + person.name.strip().replace('"', '""') + '"'
    found: list[Mention] = []
    for tbl in schema.FTS_COLUMNS:
        cls = BY_TABLE[tbl]
        try:
            rows = store.conn.execute(
                f"SELECT t.id, t.{cls.TITLE_FIELD} FROM {tbl}_fts JOIN {tbl} t ON t.rowid = {tbl}_fts.rowid"
                f" WHERE {tbl}_fts MATCH ? ORDER BY t.id",
                (phrase,),
            ).fetchall()
        except sqlite3.OperationalError:
            continue  # a name FTS cannot parse as a phrase: nothing to report
        found.extend(Mention(tbl, row_id, _short(title)) for row_id, title in rows if row_id != person.id)
    return found


def _short(text: object, limit: int = 80) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def erase_person(store: Store, person_id: str) -> ErasureReport:
    """Erase a person everywhere (see the module doc for exactly what goes)."""
    person = store.get(Person, person_id)
    report = ErasureReport(person_id, mentions=mentions(store, person))
    conn = store.conn
    secure = conn.execute("PRAGMA secure_delete").fetchone()[0]
    conn.execute("PRAGMA secure_delete=ON")
    try:
        with store.transaction():
            hlc = store.clock.now()
            # Every row that ever pointed at the person, per the history.
            linked: dict[tuple[str, str], set[str]] = {}
            for tbl, row_id, fld in _links_to(conn, person_id):
                linked.setdefault((tbl, row_id), set()).add(fld)

            _erase_row(store, "people", person_id, hlc)
            report.rows_erased["people"] = 1
            for (tbl, row_id), fields in sorted(linked.items()):
                if tbl in LINK_TABLES:
                    _erase_row(store, tbl, row_id, hlc)
                    report.rows_erased[tbl] = report.rows_erased.get(tbl, 0) + 1
                    continue
                current = _current(store, tbl, row_id)
                if current is None:
                    if tbl == "activities" and "person_id" in fields:
                        _purge_fields(conn, tbl, row_id, (*ONE_TO_ONE_PERSONAL, "title"))
                    continue  # deleted rows: only their history is purged (below)
                blank: dict[str, str | None] = {f: None for f in fields if current.get(f) == person_id}
                if tbl == "activities" and current.get("person_id") == person_id:
                    blank.update({f: None for f in ONE_TO_ONE_PERSONAL})
                    blank["title"] = ERASED_TITLE
                if blank:
                    _write(store, tbl, row_id, blank, hlc)
                    for f in fields & set(blank):
                        key = f"{tbl}.{f}"
                        report.links_removed[key] = report.links_removed.get(key, 0) + 1
            report.versions_purged = _purge_batch(conn, hlc, store.site, person_id)
        _scrub_file(store)
    finally:
        conn.execute(f"PRAGMA secure_delete={int(secure)}")
    logger.info("erased person %s: %s", person_id, report.rows_erased)
    return report


def _links_to(conn: sqlite3.Connection, person_id: str) -> list[tuple[str, str, str]]:
    """(table, row, field) of every version, current or old, that points at the person."""
    marks = ",".join("?" for _ in _REF_FIELDS)
    rows = conn.execute(
        f"SELECT DISTINCT tbl, row_id, field FROM field_versions WHERE value = ? AND field IN ({marks})",
        [_dump(person_id), *_REF_FIELDS],
    ).fetchall()
    return [(tbl, row_id, fld) for tbl, row_id, fld in rows if fld in PEOPLE_REFS.get(tbl, ())]


def _current(store: Store, tbl: str, row_id: str) -> dict[str, Any] | None:
    cursor = store.conn.execute(f"SELECT * FROM {tbl} WHERE id = ?", (row_id,))
    row = cursor.fetchone()
    return dict(zip([d[0] for d in cursor.description], row, strict=True)) if row else None


def _erase_row(store: Store, tbl: str, row_id: str, hlc: int) -> None:
    store._log(tbl, row_id, {ERASED: True}, hlc)
    store.conn.execute(f"DELETE FROM {tbl} WHERE id = ?", (row_id,))


def _write(store: Store, tbl: str, row_id: str, values: dict[str, Any], hlc: int) -> None:
    cls = BY_TABLE[tbl]
    encoded = {name: encode(cls.spec(name), value) for name, value in values.items()}
    store._log(tbl, row_id, encoded, hlc)
    sets = ", ".join(f"{name} = ?" for name in encoded)
    store.conn.execute(
        f"UPDATE {tbl} SET {sets}, updated_at = ? WHERE id = ?", [*encoded.values(), hlc_to_iso(hlc), row_id]
    )


def _purge_fields(conn: sqlite3.Connection, tbl: str, row_id: str, fields: Sequence[str]) -> int:
    marks = ",".join("?" for _ in fields)
    return conn.execute(
        f"DELETE FROM field_versions WHERE tbl = ? AND row_id = ? AND field IN ({marks})",
        [tbl, row_id, *fields],
    ).rowcount


def _purge_batch(conn: sqlite3.Connection, hlc: int, site: str, person_id: str) -> int:
    """Purge what an erasure batch supersedes; the same rules on every laptop."""
    purged = 0
    batch = conn.execute(
        "SELECT tbl, row_id, field FROM field_versions WHERE site = ? AND hlc = ?", (site, hlc)
    ).fetchall()
    for tbl, row_id, fld in batch:
        if fld == ERASED:
            purged += conn.execute(
                "DELETE FROM field_versions WHERE tbl = ? AND row_id = ? AND field != ?",
                (tbl, row_id, ERASED),
            ).rowcount
        else:
            purged += conn.execute(
                "DELETE FROM field_versions WHERE tbl = ? AND row_id = ? AND field = ?"
                " AND (hlc < ? OR (hlc = ? AND site < ?))",
                (tbl, row_id, fld, hlc, hlc, site),
            ).rowcount
    marks = ",".join("?" for _ in _REF_FIELDS)
    purged += conn.execute(
        f"DELETE FROM field_versions WHERE value = ? AND field IN ({marks})", [_dump(person_id), *_REF_FIELDS]
    ).rowcount
    return purged


# Erasure changes text only in these tables (the others lose links, not text).
SCRUBBED_FTS = ("people", "activities")


def _scrub_file(store: Store) -> None:
    """Squeeze deleted text out of the full-text indexes and the WAL."""
    with store.transaction() as conn:
        for tbl in SCRUBBED_FTS:
            conn.execute(f"INSERT INTO {tbl}_fts({tbl}_fts) VALUES ('optimize')")
    if store.path is not None:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def erased_people(conn: sqlite3.Connection) -> dict[str, tuple[int, str]]:
    """Erased person id -> the (hlc, site) of its erasure marker (the batch key)."""
    result: dict[str, tuple[int, str]] = {}
    for row_id, hlc, site in conn.execute(
        "SELECT row_id, hlc, site FROM field_versions WHERE tbl = 'people' AND field = ?", (ERASED,)
    ):
        if row_id not in result or (hlc, site) < result[row_id]:
            result[row_id] = (hlc, site)
    return result


def erasure_versions(conn: sqlite3.Connection) -> list[FieldVersion]:
    """Every version of every erasure batch (what a restore must carry over)."""
    versions = []
    for hlc, site in set(erased_people(conn).values()):
        for tbl, row_id, fld, value, prev in conn.execute(
            "SELECT tbl, row_id, field, value, prev FROM field_versions WHERE site = ? AND hlc = ?",
            (site, hlc),
        ):
            versions.append(FieldVersion(tbl, row_id, fld, json.loads(value), hlc, site, prev))
    return versions


def carry_erasures(store: Store, versions: Iterable[FieldVersion]) -> int:
    """Insert erasure batches (from a restore's safety copy) and apply them."""
    versions = list(versions)
    if not versions:
        return 0
    with store.transaction() as conn:
        conn.executemany(
            "INSERT OR IGNORE INTO field_versions (tbl, row_id, field, value, hlc, site, prev)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(v.tbl, v.row_id, v.field, _dump(v.value), v.hlc, v.site, v.prev) for v in versions],
        )
        by_table: dict[str, set[str]] = {}
        for v in versions:
            by_table.setdefault(v.tbl, set()).add(v.row_id)
        for tbl, rows in by_table.items():
            store.recompute(tbl, sorted(rows))
    return len(apply_erasures(store))


def apply_erasures(store: Store, person_ids: Iterable[str] | None = None) -> list[str]:
    """Purge this notebook's history for erased people (after a sync import).

    Idempotent. Link rows (participants, relations) that still name an erased
    person here (made on this laptop before the erasure arrived) get their own
    marker; every touched row is recomputed. Returns the people handled.
    """
    conn = store.conn
    erased = erased_people(conn)
    targets = [p for p in (person_ids if person_ids is not None else erased) if p in erased]
    if not targets:
        return []
    with store.transaction():
        for person_id in targets:
            hlc, site = erased[person_id]
            touched: dict[str, set[str]] = {}
            for tbl, row_id, fld in _links_to(conn, person_id):
                touched.setdefault(tbl, set()).add(row_id)
                if tbl in LINK_TABLES and not _has_marker(conn, tbl, row_id):
                    store._log(tbl, row_id, {ERASED: True}, store.clock.now())
                elif tbl == "activities" and fld == "person_id" and _current(store, tbl, row_id) is None:
                    _purge_fields(conn, tbl, row_id, (*ONE_TO_ONE_PERSONAL, "title"))
            for tbl, row_id, _ in conn.execute(
                "SELECT tbl, row_id, field FROM field_versions WHERE site = ? AND hlc = ?", (site, hlc)
            ).fetchall():
                touched.setdefault(tbl, set()).add(row_id)
            _purge_batch(conn, hlc, site, person_id)
            # Any other row carrying an erasure marker keeps nothing else.
            conn.execute(
                "DELETE FROM field_versions WHERE field != ? AND (tbl, row_id) IN"
                " (SELECT tbl, row_id FROM field_versions WHERE field = ?)",
                (ERASED, ERASED),
            )
            for tbl, rows in touched.items():
                store.recompute(tbl, sorted(rows))
    _scrub_file(store)
    return targets


def _has_marker(conn: sqlite3.Connection, tbl: str, row_id: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM field_versions WHERE tbl = ? AND row_id = ? AND field = ?", (tbl, row_id, ERASED)
        ).fetchone()
        is not None
    )


class ErasureFilter:
    """Decides, during a sync import, which incoming versions may be stored.

    Built once per import from the notebook plus the incoming versions (so that
    an erasure arriving in the same file already counts).
    """

    def __init__(self, store: Store, incoming: Iterable[FieldVersion] = ()):
        conn = store.conn
        incoming = list(incoming)
        marked = conn.execute("SELECT tbl, row_id FROM field_versions WHERE field = ?", (ERASED,))
        self._erased_rows = {(tbl, row_id) for tbl, row_id in marked}
        self._erased_rows |= {(v.tbl, v.row_id) for v in incoming if v.field == ERASED}
        batches = dict(erased_people(conn))
        for v in incoming:
            if v.tbl == "people" and v.field == ERASED:
                key = (v.hlc, v.site)
                batches[v.row_id] = min(batches.get(v.row_id, key), key)
        self._people = set(batches)
        self._batch_keys = set(batches.values())
        self._conn = conn
        # A participant/relation naming an erased person is not let in at all
        # (rather than arriving without its person).
        self._erased_rows |= {
            (v.tbl, v.row_id)
            for v in incoming
            if v.tbl in LINK_TABLES and v.field in PEOPLE_REFS[v.tbl] and v.value in self._people
        }
        self._incoming_batch = {
            (v.tbl, v.row_id, v.field): (v.hlc, v.site)
            for v in incoming
            if (v.hlc, v.site) in self._batch_keys
        }

    def keeps(self, version: FieldVersion) -> bool:
        v = version
        if v.field == ERASED:
            return True
        if (v.tbl, v.row_id) in self._erased_rows:
            return False
        if v.field in PEOPLE_REFS.get(v.tbl, ()) and v.value in self._people:
            return False
        key = (v.hlc, v.site)
        if key in self._batch_keys:
            return True
        newer = self._incoming_batch.get((v.tbl, v.row_id, v.field))
        if newer is not None and newer > key:
            return False
        for hlc, site in self._conn.execute(
            "SELECT hlc, site FROM field_versions WHERE tbl = ? AND row_id = ? AND field = ?",
            (v.tbl, v.row_id, v.field),
        ):
            if (hlc, site) in self._batch_keys and (hlc, site) > key:
                return False
        return True


# ============================================================ right of access
def access_export(store: Store, person_id: str, now: datetime | None = None) -> dict[str, Any]:
    """Everything the notebook holds about one person, as JSON-ready data.

    Other people appear only as id and name where the person's own records link
    to them (relations); the worker should review the export before handing it out.
    """
    person = store.get(Person, person_id)
    consent_fields = (
        "consent_store_at",
        "consent_how",
        "consent_purpose",
        "consent_withdrawn_at",
        "may_be_named",
        "may_contact",
        "review_after",
    )

    def plain(entity: Any) -> dict[str, Any]:
        data = {"id": entity.id, "created_at": entity.created_at, "updated_at": entity.updated_at}
        data.update({s.name: encode(s, getattr(entity, s.name)) for s in entity.specs()})
        return data

    def name_of(pid: str | None) -> str | None:
        other = store.find(Person, pid) if pid else None
        return other.name if other else None

    relations = []
    own_relations = store.list(
        Relation, "from_person_id = ? OR to_person_id = ?", [person_id, person_id], order_by="id"
    )
    for rel in own_relations:
        outgoing = rel.from_person_id == person_id
        other = rel.to_person_id if outgoing else rel.from_person_id
        relations.append(
            {
                **plain(rel),
                "direction": "from" if outgoing else "to",
                "other_person_id": other,
                "other_person_name": name_of(other),
            }
        )
    participations = []
    for part in store.list(Participant, "person_id = ?", [person_id], order_by="id"):
        activity = store.find(Activity, part.activity_id)
        participations.append(
            {
                "activity_id": part.activity_id,
                "role": encode(part.spec("role"), part.role),
                "activity_title": activity.title if activity else None,
                "activity_kind": encode(Activity.spec("kind"), activity.kind) if activity else None,
                "starts_at": encode(Activity.spec("starts_at"), activity.starts_at) if activity else None,
            }
        )
    history = [
        {"field": v.field, "value": v.value, "at": hlc_to_iso(v.hlc), "site": v.site}
        for v in store.versions("people", person_id)
    ]
    own = plain(person)
    return {
        "format": ACCESS_FORMAT,
        "exported_at": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
        "person": own,
        "consent": {name: own[name] for name in consent_fields},
        "relations": relations,
        "participations": participations,
        "one_to_one_talks": [
            plain(a)
            for a in store.list(
                Activity,
                "person_id = ? AND kind = ?",
                [person_id, ActivityKind.ONE_TO_ONE.value],
                order_by="starts_at, id",
            )
        ],
        "activities_facilitated": [
            {"id": a.id, "title": a.title, "starts_at": encode(a.spec("starts_at"), a.starts_at)}
            for a in store.list(Activity, "facilitator_id = ?", [person_id], order_by="starts_at, id")
        ],
        "observations_raised": [
            plain(o)
            for o in store.list(Observation, "raised_by_id = ?", [person_id], order_by="observed_at, id")
        ],
        "actions_owned": [
            plain(a) for a in store.list(Action, "owner_id = ?", [person_id], order_by="due_date, id")
        ],
        "history": history,
    }


def write_access_export(store: Store, person_id: str, target: str | os.PathLike[str]) -> Path:
    """Write ``access_export`` as UTF-8 JSON (via a temporary file and a rename)."""
    data = access_export(store, person_id)
    return outputs.write_atomically(target, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode())


__all__ = [
    "ERASED_TITLE",
    "ErasureFilter",
    "ErasureReport",
    "Mention",
    "ReviewItem",
    "access_export",
    "apply_erasures",
    "carry_erasures",
    "due_for_review",
    "erase_person",
    "erased_people",
    "erasure_versions",
    "keep_until",
    "last_seen",
    "mentions",
    "record_consent",
    "withdraw_consent",
    "write_access_export",
]
