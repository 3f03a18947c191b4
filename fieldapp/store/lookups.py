"""Small lookups for the editors: relations between people, referrals, names for pickers.

Plain functions over a ``Store`` (kept out of ``store.py``); all SQL stays in this package.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from fieldapp.domain import BY_TABLE, Person, Relation, RelationKind

if TYPE_CHECKING:
    from fieldapp.store.store import Store


@dataclass(frozen=True)
class PersonLink:
    relation: Relation
    other: Person
    outgoing: bool  # True: the person is the relation's ``from`` side


def relations_of(store: Store, person_id: str) -> list[PersonLink]:
    links = []
    for relation in store.list(Relation, "from_person_id = ? OR to_person_id = ?", [person_id, person_id]):
        outgoing = relation.from_person_id == person_id
        other = store.find(Person, relation.to_person_id if outgoing else relation.from_person_id)
        if other is not None:
            links.append(PersonLink(relation, other, outgoing))
    return sorted(links, key=lambda link: (link.other.name or "").casefold())


def add_relation(
    store: Store,
    from_person_id: str,
    to_person_id: str,
    kind: RelationKind | str,
    activity_id: str | None = None,
) -> Relation:
    key = Relation.key(from_person_id, to_person_id, str(RelationKind(kind)))
    existing = store.find(Relation, key)
    if existing is not None:
        return existing
    return store.add(
        Relation(
            id=key,
            from_person_id=from_person_id,
            to_person_id=to_person_id,
            kind=kind,  # type: ignore[arg-type]  # validated() turns a code into the enum
            activity_id=activity_id,
        )
    )


def referrals(store: Store, activity_id: str) -> list[tuple[Relation, Person]]:
    """People suggested during a 1:1 talk: relations ``suggested`` recorded on that activity."""
    result = []
    for relation in store.list(
        Relation, "activity_id = ? AND kind = ?", [activity_id, RelationKind.SUGGESTED.value]
    ):
        person = store.find(Person, relation.from_person_id)
        if person is not None:
            result.append((relation, person))
    return sorted(result, key=lambda pair: (pair[1].name or "").casefold())


def organisation_choices(store: Store) -> list[tuple[str, str]]:
    return [
        (name or "", row_id)
        for row_id, name in store.conn.execute(
            "SELECT id, name FROM organisations ORDER BY name COLLATE NOCASE"
        )
    ]


def staff_choices(store: Store) -> list[tuple[str, str]]:
    return [
        (name or "", row_id)
        for row_id, name in store.conn.execute(
            "SELECT id, name FROM people WHERE is_staff = 1 ORDER BY name COLLATE NOCASE"
        )
    ]


def area_choices(store: Store) -> list[tuple[str, str]]:
    return [
        (name or "", row_id)
        for row_id, name in store.conn.execute("SELECT id, name FROM areas ORDER BY name COLLATE NOCASE")
    ]


def record_title(store: Store, tbl: str, row_id: str | None) -> str | None:
    """How a record is named to people: its title field (a name, a title, a text …) on one line.

    "" when the record has no title; None when there is no such record (no id, a table
    Feltbog does not know, or a row that is gone). The one helper for the pickers, the
    change log and the conflict inbox; callers shorten or replace it as they need.
    """
    cls = BY_TABLE.get(tbl)
    if cls is None or not row_id:
        return None
    row = store.conn.execute(f"SELECT {cls.TITLE_FIELD} FROM {cls.TABLE} WHERE id = ?", (row_id,)).fetchone()
    if row is None:
        return None
    return " ".join(str(row[0]).split()) if row[0] is not None else ""


NOTEBOOK_LANGUAGES = ("da", "en")


def notebook_language(store: Store) -> str:
    """The language the notebook's own texts are written in (default titles, survey statements).

    Not the language of the menus: a Danish team's notebook stays Danish when one of them
    reads the app in English. Danish unless the notebook says otherwise.
    """
    row = store.conn.execute("SELECT value FROM meta WHERE key = 'language'").fetchone()
    return row[0] if row and row[0] in NOTEBOOK_LANGUAGES else "da"


def set_notebook_language(store: Store, lang: str) -> None:
    if lang not in NOTEBOOK_LANGUAGES:
        raise ValueError(f"unknown notebook language {lang!r}")
    with store.transaction():
        store.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('language', ?)", (lang,))


def name_key(text: str) -> str:
    """Lower case without accents or spaces: "Jens  Aero" and "jens ærø" come close."""
    import unicodedata

    table = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ß": "ss"})
    text = text.casefold().translate(table)
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if ch.isalnum())


def phone_key(phone: str | None) -> str | None:
    """The last 8 digits of a phone number (+45 20 30 40 50 is 20304050), None without 8 digits."""
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    return digits[-8:] if len(digits) >= 8 else None


def likely_people(store: Store, text: str, limit: int = 4) -> list[tuple[str, str, str]]:
    """People a typed name (or phone number or e-mail) may mean: ``(name, id, area name)``, best first.

    The same name written differently, a name containing what was typed, or the same
    phone number or e-mail address — offered before anyone new is created.
    """
    wanted = name_key(text)
    typed_phone = phone_key(text)
    if not wanted:
        return []
    rows = store.conn.execute(
        "SELECT p.id, p.name, p.phone, p.email, a.name FROM people p LEFT JOIN areas a ON a.id = p.area_id"
    ).fetchall()
    scored = []
    for person_id, name, phone, email, area in rows:
        folded = name_key(name or "")
        same_email = bool(email) and email.strip().casefold() == text.strip().casefold()
        same_phone = typed_phone is not None and phone_key(phone) == typed_phone
        if folded == wanted or same_email or same_phone:
            score = 0
        elif wanted in folded or (folded and folded in wanted):
            score = 1
        else:
            continue
        scored.append((score, name or "", person_id, area or ""))
    scored.sort()
    return [(name, person_id, area) for _score, name, person_id, area in scored[:limit]]
