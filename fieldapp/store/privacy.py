"""GDPR tools: consent, the retention review, erasure and the right of access.

Erasure of a person, exactly (the rule is derived from the field specs; see
docs/privacy.md):
- the person's row and every row that cannot exist without them (a *required* link
  to people: participants, relations — ``LINK_TABLES``) get an ``_erased`` marker and
  lose *all* other versions; the rows disappear and never come back;
- a row *about* them (``Entity.SUBJECT_FIELD``: a 1:1 talk's ``person_id``) loses
  every field marked ``personal`` — title (which becomes ``ERASED_TITLE``), place,
  summary, story, what they care about, concerns, resources, leadership assessment,
  next step, follow-up date — and every version of those fields, older *or newer*;
  its date, kind, area, facilitator and observations stay;
- every other version anywhere that points at them is purged (observations raised
  by them, actions they own, activities they facilitated lose the link);
- everything this writes carries the marker's own ``(hlc, site)`` and no ``prev``, so
  the same rule gives the same log on every laptop, whatever arrived first
  (``purge_erasures``, run by ``erase_person`` and inside every sync import that
  meets an erasure, in the same transaction);
- deleted pages are zeroed (``secure_delete``) and the full-text indexes optimised
  (``scrub_file``, after the commit; an interrupted scrub is finished on open);
- free text elsewhere that mentions the name is not changed automatically: it is
  listed in ``ErasureReport.mentions`` for the worker to review (public reports
  redact such names anyway).

The erasure ledger (``<notebook>.erasures``, written just before each purge
commits) lists every erasure batch; opening a notebook carries over what the ledger
knows and the notebook does not, and ``backups.restore`` re-applies it even when the
notebook is damaged. Backup copies and older sync files are not rewritten; they rotate
out (see ``backups``), and this laptop's own files in a shared folder are rewritten by
the next folder sync (``tidy_pending``).
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Iterable
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
    FieldKind,
    Observation,
    Participant,
    Person,
    Relation,
    ValidationError,
)
from fieldapp.domain.clock import hlc_to_iso
from fieldapp.domain.entities import Entity
from fieldapp.domain.enums import ConsentHow
from fieldapp.domain.fields import encode
from fieldapp.store import migrations as schema
from fieldapp.store import outputs
from fieldapp.store.store import ERASED, FieldVersion, Store, _dump

logger = logging.getLogger(__name__)

ACCESS_FORMAT = "feltbog-access-1"
ERASED_TITLE = "1:1-samtale (slettet person)"
DEFAULT_REVIEW_PERIOD = timedelta(days=730)


# ---------------------------------------------- the erasure rule, derived from the field specs
def _people_refs() -> dict[str, tuple[str, ...]]:
    """Per table, the fields that point at a person."""
    refs: dict[str, tuple[str, ...]] = {}
    for tbl, cls in BY_TABLE.items():
        names = tuple(s.name for s in cls.specs() if s.kind is FieldKind.REF and s.ref == "people")
        if names:
            refs[tbl] = names
    return refs


PEOPLE_REFS = _people_refs()
_REF_FIELDS = sorted({name for names in PEOPLE_REFS.values() for name in names})
# Rows that cannot exist without the person (a *required* link to people): they go entirely.
LINK_TABLES = tuple(
    sorted(
        tbl
        for tbl, cls in BY_TABLE.items()
        if tbl != "people" and any(s.ref == "people" and s.required for s in cls.specs())
    )
)


def _erased_values(cls: type[Entity]) -> dict[str, Any]:
    """A row about an erased person: its ``personal`` fields become empty; a required text
    (a 1:1 talk's title, which usually holds the name) becomes the neutral ``ERASED_TITLE``."""
    return {
        s.name: (ERASED_TITLE if s.required and s.kind is FieldKind.TEXT else None)
        for s in cls.specs()
        if s.personal
    }


# Tables whose rows can be *about* a person (``SUBJECT_FIELD``) -> what erasing them writes.
ERASED_VALUES: dict[str, dict[str, Any]] = {
    tbl: _erased_values(cls) for tbl, cls in BY_TABLE.items() if cls.SUBJECT_FIELD is not None
}
SUBJECT_PERSONAL = {tbl: tuple(values) for tbl, values in ERASED_VALUES.items()}
# The personal fields of a 1:1 talk, emptied when the person it is about is erased.
ONE_TO_ONE_PERSONAL = SUBJECT_PERSONAL["activities"]


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
    """Erase a person everywhere (see the module doc for exactly what goes).

    The marker and everything the rule derives from it are one transaction, which
    also writes the erasure ledger beside the notebook just before it commits.
    """
    person = store.get(Person, person_id)
    report = ErasureReport(person_id, mentions=mentions(store, person))
    with store.transaction():
        for tbl, row_id, fld in _links_to(store.conn, person_id):
            if tbl in LINK_TABLES:
                report.rows_erased[tbl] = report.rows_erased.get(tbl, 0) + 1
            elif _winning(store, tbl, row_id, fld) == person_id:
                key = f"{tbl}.{fld}"
                report.links_removed[key] = report.links_removed.get(key, 0) + 1
        hlc = store.clock.now()
        store.write_versions("people", person_id, {ERASED: True}, hlc, store.site)
        report.rows_erased["people"] = 1
        report.versions_purged = purge_erasures(store, [person_id])
    scrub_file(store)
    logger.info("erased person %s: %s", person_id, report.rows_erased)
    return report


def _winning(store: Store, tbl: str, row_id: str, fld: str) -> Any:
    row = store.conn.execute(f"SELECT {fld} FROM {tbl} WHERE id = ?", (row_id,)).fetchone()
    return row[0] if row else None


def _links_to(conn: sqlite3.Connection, person_id: str) -> list[tuple[str, str, str]]:
    """(table, row, field) of every version, current or old, that points at the person."""
    marks = ",".join("?" for _ in _REF_FIELDS)
    rows = conn.execute(
        f"SELECT DISTINCT tbl, row_id, field FROM field_versions WHERE value = ? AND field IN ({marks})",
        [_dump(person_id), *_REF_FIELDS],
    ).fetchall()
    return [(tbl, row_id, fld) for tbl, row_id, fld in rows if fld in PEOPLE_REFS.get(tbl, ())]


def _links_to_any(conn: sqlite3.Connection, person_ids: list[str]) -> list[tuple[str, str, str, str]]:
    """(table, row, field, person) of every version, current or old, that points at one of them."""
    found = []
    marks = ",".join("?" for _ in _REF_FIELDS)
    for start in range(0, len(person_ids), 500):
        chunk = person_ids[start : start + 500]
        for tbl, row_id, fld, value in conn.execute(
            f"SELECT DISTINCT tbl, row_id, field, value FROM field_versions WHERE field IN ({marks})"
            f" AND value IN ({','.join('?' for _ in chunk)})",
            [*_REF_FIELDS, *(_dump(p) for p in chunk)],
        ):
            if fld in PEOPLE_REFS.get(tbl, ()):
                found.append((tbl, row_id, fld, json.loads(value)))
    return found


def purge_erasures(store: Store, person_ids: Iterable[str] | None = None) -> int:
    """Apply the erasure rule for erased people (all of them by default); returns versions purged.

    Runs inside the caller's transaction (a sync import's, or ``erase_person``'s), so
    the purge commits with what brought it. Deterministic: every version it writes
    carries the erasure's own ``(hlc, site)`` and no ``prev``, so every laptop that
    holds the same versions ends with the same log and the same rows, whatever the
    order things arrived in. Idempotent.
    """
    conn = store.conn
    erased = erased_people(conn)
    targets = sorted(p for p in (person_ids if person_ids is not None else erased) if p in erased)
    if not targets:
        return 0
    conn.execute("PRAGMA secure_delete=ON")  # deleted text is zeroed in the file, not just unlinked
    purged = written = 0
    batch_of = {key: person for person, key in erased.items() if person in set(targets)}
    with store.transaction():
        # One pass over the log for all of them (an import runs this for every erased person).
        touched: dict[str, set[str]] = {"people": set(targets)}
        subjects: dict[tuple[str, str], tuple[int, str]] = {}
        links = _links_to_any(conn, targets)
        for tbl, row_id, fld, person_id in links:
            touched.setdefault(tbl, set()).add(row_id)
            hlc, site = erased[person_id]
            if tbl in LINK_TABLES:
                written += conn.execute(_INSERT_BATCH, (tbl, row_id, ERASED, "true", hlc, site)).rowcount
            elif fld == BY_TABLE[tbl].SUBJECT_FIELD:
                subjects[(tbl, row_id)] = min(subjects.get((tbl, row_id), (hlc, site)), (hlc, site))
        # Rows about a person whose link is gone already: the batch remembers them.
        for tbl, personal in SUBJECT_PERSONAL.items():
            for row_id, hlc, site in conn.execute(
                "SELECT DISTINCT row_id, hlc, site FROM field_versions WHERE tbl = ? AND prev IS NULL"
                " AND field = ?",
                (tbl, personal[0]),
            ):
                if (hlc, site) in batch_of:
                    subjects[(tbl, row_id)] = min(subjects.get((tbl, row_id), (hlc, site)), (hlc, site))
        for tbl, row_id in subjects:
            touched.setdefault(tbl, set()).add(row_id)
        more_written, more_purged = _anonymise(conn, subjects)
        written += more_written
        purged += more_purged
        if links:
            marks = ",".join("?" for _ in _REF_FIELDS)
            for start in range(0, len(targets), 500):
                chunk = [_dump(p) for p in targets[start : start + 500]]
                purged += conn.execute(
                    f"DELETE FROM field_versions WHERE field IN ({marks})"
                    f" AND value IN ({','.join('?' for _ in chunk)})",
                    [*_REF_FIELDS, *chunk],
                ).rowcount
        # A row with an erasure marker keeps nothing else.
        purged += conn.execute(
            "DELETE FROM field_versions WHERE field != ? AND (tbl, row_id) IN"
            " (SELECT tbl, row_id FROM field_versions WHERE field = ?)",
            (ERASED, ERASED),
        ).rowcount
        ledger_behind = store.path is not None and _ledger_lacks(store.path, erased)
        if purged or written:
            for tbl, rows in touched.items():
                store.recompute(tbl, sorted(rows))
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, '1')", (SCRUB_PENDING,))
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, '1')", (TIDY_PENDING,))
        if purged or written or ledger_behind:
            _ledger_before_commit(store)
    return purged


def _anonymise(conn: sqlite3.Connection, subjects: dict[tuple[str, str], tuple[int, str]]) -> tuple[int, int]:
    """Rows about an erased person get the rule's values under the erasure's key, and lose every
    other version of those fields. Returns (versions written, versions purged)."""
    written = purged = 0
    for (tbl, row_id), (hlc, site) in sorted(subjects.items()):
        blank = ERASED_VALUES[tbl]
        # A deleted row only loses the fields' history: batch versions newer than its
        # delete would bring it back as an empty shell.
        if conn.execute(f"SELECT 1 FROM {tbl} WHERE id = ?", (row_id,)).fetchone():
            written += conn.executemany(
                _INSERT_BATCH, [(tbl, row_id, f, _dump(v), hlc, site) for f, v in blank.items()]
            ).rowcount
        marks = ",".join("?" for _ in blank)
        # Every other version of those fields goes, older *or newer*: a colleague who
        # wrote in the talk before the erasure reached them wrote about the person.
        purged += conn.execute(
            f"DELETE FROM field_versions WHERE tbl = ? AND row_id = ? AND field IN ({marks})"
            " AND NOT (hlc = ? AND site = ?)",
            (tbl, row_id, *blank, hlc, site),
        ).rowcount
    return written, purged


def _ledger_before_commit(store: Store) -> None:
    """Write the ledger just before the transaction commits (once, however often asked)."""
    if store.path is None or any(
        getattr(hook, "__name__", "") == "write_erasure_ledger" for hook in store.before_commit
    ):
        return

    def write_erasure_ledger() -> None:
        _write_ledger(store)

    store.before_commit.append(write_erasure_ledger)


_INSERT_BATCH = (
    "INSERT OR IGNORE INTO field_versions (tbl, row_id, field, value, hlc, site, prev)"
    " VALUES (?, ?, ?, ?, ?, ?, NULL)"
)
# Meta keys: set in the transaction of a purge, cleared once the follow-up is done.
SCRUB_PENDING = "erasure_scrub_pending"  # full-text indexes and WAL still hold deleted text
TIDY_PENDING = "erasure_tidy_pending"  # our files in a shared folder may still hold it


# Erasure changes text only in these tables' rows (the others lose links, not text).
SCRUBBED_FTS = tuple(t for t in schema.FTS_COLUMNS if t == "people" or t in ERASED_VALUES or t in LINK_TABLES)


def scrub_file(store: Store) -> None:
    """Squeeze deleted text out of the full-text indexes and the WAL (after the commit).

    The purge's transaction leaves ``SCRUB_PENDING`` set; it is cleared only here, so
    an interrupted scrub is finished on the next open (``finish_on_open``).
    """
    with store.transaction() as conn:
        for tbl in SCRUBBED_FTS:
            conn.execute(f"INSERT INTO {tbl}_fts({tbl}_fts) VALUES ('optimize')")
        conn.execute("DELETE FROM meta WHERE key = ?", (SCRUB_PENDING,))
    if store.path is not None:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _ledger_lacks(db_path: Path, erased: dict[str, tuple[int, str]]) -> bool:
    """True if the ledger beside the notebook misses an erased person (or cannot be read)."""
    try:
        ledger = read_ledger(db_path) or []
    except LedgerError:
        return True
    listed = {v.row_id for v in ledger if v.tbl == "people" and v.field == ERASED}
    return not set(erased) <= listed


def scrub_pending(store: Store) -> bool:
    return store.conn.execute("SELECT 1 FROM meta WHERE key = ?", (SCRUB_PENDING,)).fetchone() is not None


def tidy_pending(store: Store) -> bool:
    """True after an erasure until ``tidied``: our own files in a shared folder must be rewritten."""
    return store.conn.execute("SELECT 1 FROM meta WHERE key = ?", (TIDY_PENDING,)).fetchone() is not None


def tidied(store: Store) -> None:
    with store.transaction() as conn:
        conn.execute("DELETE FROM meta WHERE key = ?", (TIDY_PENDING,))


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
    """Every version of every erasure batch (what a restore must carry over).

    They hold ids, markers and the neutral values of the rule, never personal data.
    """
    versions = []
    for hlc, site in sorted(set(erased_people(conn).values())):
        for tbl, row_id, fld, value, prev in conn.execute(
            "SELECT tbl, row_id, field, value, prev FROM field_versions WHERE site = ? AND hlc = ?"
            " ORDER BY tbl, row_id, field",
            (site, hlc),
        ):
            versions.append(FieldVersion(tbl, row_id, fld, json.loads(value), hlc, site, prev))
    return versions


def carry_erasures(store: Store, versions: Iterable[FieldVersion]) -> int:
    """Insert erasure batches (from a ledger or a restore's safety copy) and apply them.

    Returns how many erased people the notebook knows now that it did not before.
    """
    versions = list(versions)
    if not versions:
        return 0
    before = set(erased_people(store.conn))
    with store.transaction() as conn:
        conn.executemany(
            "INSERT OR IGNORE INTO field_versions (tbl, row_id, field, value, hlc, site, prev)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(v.tbl, v.row_id, v.field, _dump(v.value), v.hlc, v.site, v.prev) for v in versions],
        )
        purge_erasures(store)
    scrub_file(store)
    return len(set(erased_people(store.conn)) - before)


def apply_erasures(store: Store, person_ids: Iterable[str] | None = None) -> list[str]:
    """Purge and scrub for erased people (all by default); returns the people handled."""
    erased = erased_people(store.conn)
    targets = [p for p in (person_ids if person_ids is not None else erased) if p in erased]
    if targets:
        purge_erasures(store, targets)
        scrub_file(store)
    return targets


# ------------------------------------------------------------------ the erasure ledger
LEDGER_FORMAT = "feltbog-erasures-1"


def ledger_path(db_path: str | os.PathLike[str]) -> Path:
    """The erasure ledger beside the notebook: ``feltbog.sqlite.erasures``."""
    return Path(str(db_path) + ".erasures")


class LedgerError(ValueError):
    """The ledger exists but cannot be read."""


def read_ledger(db_path: str | os.PathLike[str]) -> list[FieldVersion] | None:
    """The ledger's erasure versions; None if there is no ledger; ``LedgerError`` if damaged."""
    path = ledger_path(db_path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise LedgerError(str(error)) from error
    try:
        header = json.loads(lines[0]) if lines else None
        if not isinstance(header, dict) or header.get("format") != LEDGER_FORMAT:
            raise LedgerError("not an erasure ledger")
        versions = []
        for line in lines[1:]:
            tbl, row_id, fld, value, hlc, site = json.loads(line)
            if tbl not in BY_TABLE or not isinstance(hlc, int) or not isinstance(site, str):
                raise LedgerError("bad line")
            if fld != ERASED and fld not in {s.name for s in BY_TABLE[tbl].specs()}:
                raise LedgerError("bad field")
            versions.append(FieldVersion(tbl, row_id, fld, value, hlc, site, None))
    except (ValueError, TypeError) as error:
        raise LedgerError(str(error)) from error
    return versions


def _write_ledger(store: Store) -> None:
    """Write the ledger from the notebook's erasure batches (just before the commit)."""
    assert store.path is not None
    known: dict[tuple, FieldVersion] = {}
    try:
        for v in read_ledger(store.path) or []:
            known[(v.tbl, v.row_id, v.field, v.hlc, v.site)] = v
    except LedgerError:
        logger.warning("erasure ledger of %s was damaged; rewritten from the notebook", store.path)
    for v in erasure_versions(store.conn):
        known[(v.tbl, v.row_id, v.field, v.hlc, v.site)] = v
    lines = [
        json.dumps({"format": LEDGER_FORMAT}),
        *(
            json.dumps([v.tbl, v.row_id, v.field, v.value, v.hlc, v.site], ensure_ascii=False)
            for _, v in sorted(known.items())
        ),
    ]
    target = ledger_path(store.path)
    partial = target.with_name(target.name + ".partial")
    with open(partial, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, target)


def finish_on_open(store: Store) -> int:
    """On opening a notebook: carry over erasures its ledger knows and it does not (a crash
    between the ledger and the commit, or a notebook put back by hand), and finish an
    interrupted scrub. Returns how many erased people were carried over."""
    carried = 0
    if store.path is not None:
        try:
            ledger = read_ledger(store.path)
        except LedgerError as error:
            logger.warning("erasure ledger of %s cannot be read: %s", store.path, error)
            ledger = None
        if ledger is None and not ledger_path(store.path).exists():
            # Every notebook gets a ledger (with its first write: opening alone changes nothing
            # beside the file), so a missing one means it was lost (see backups.restore).
            _ledger_before_commit(store)
        if ledger:
            have = {(v.tbl, v.row_id, v.field, v.hlc, v.site) for v in erasure_versions(store.conn)}
            missing = [v for v in ledger if (v.tbl, v.row_id, v.field, v.hlc, v.site) not in have]
            if missing:
                carried = carry_erasures(store, missing)
    pending = store.conn.execute("SELECT 1 FROM meta WHERE key = ?", (SCRUB_PENDING,)).fetchone()
    if pending:
        scrub_file(store)
    return carried


class ErasureFilter:
    """Decides, during a sync import, which incoming versions may be stored.

    Built once per import from the notebook plus the incoming versions (so that
    an erasure arriving in the same file already counts). What it lets in about an
    erased person (a 1:1 talk about them that a colleague wrote, its link to them)
    is dealt with by ``purge_erasures`` in the same transaction.
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
            # The link that says a row is *about* the person comes in, so that the purge
            # in the same transaction finds the row and empties its personal fields.
            return v.field == BY_TABLE[v.tbl].SUBJECT_FIELD
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
