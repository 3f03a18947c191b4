"""Small lookups for the editors: relations between people, referrals, names for pickers.

Plain functions over a ``Store`` (kept out of ``store.py``); all SQL stays in this package.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from fieldapp.domain import Person, Relation, RelationKind

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


def person_name(store: Store, person_id: str | None) -> str:
    if not person_id:
        return ""
    row = store.conn.execute("SELECT name FROM people WHERE id = ?", (person_id,)).fetchone()
    return (row[0] or "") if row else ""


def activity_title(store: Store, activity_id: str | None) -> str:
    if not activity_id:
        return ""
    row = store.conn.execute("SELECT title FROM activities WHERE id = ?", (activity_id,)).fetchone()
    return (row[0] or "") if row else ""
