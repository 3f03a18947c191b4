"""People already in the notebook who look like the ones about to be imported."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from fieldapp.domain import Person
from fieldapp.store.lookups import name_key, phone_key
from fieldapp.store.store import Store


@dataclass(frozen=True)
class PersonKeys:
    name: str  # ``lookups.name_key``: the person picker's idea of the same name
    phone: str | None  # ``lookups.phone_key``: the last 8 digits
    email: str | None  # casefolded

    @classmethod
    def of(cls, name: str | None, phone: str | None, email: str | None) -> PersonKeys:
        return cls(name_key(name or ""), phone_key(phone), (email or "").strip().casefold() or None)


def likely_duplicates(store: Store, wanted: dict[int, PersonKeys]) -> dict[int, list[Person]]:
    """For each key of ``wanted``, the people with the same name, phone number or e-mail."""
    by_name: dict[str, list[Person]] = defaultdict(list)
    by_phone: dict[str, list[Person]] = defaultdict(list)
    by_email: dict[str, list[Person]] = defaultdict(list)
    for person in store.list(Person, order_by="name COLLATE NOCASE, id"):
        keys = PersonKeys.of(person.name, person.phone, person.email)
        by_name[keys.name].append(person)
        if keys.phone is not None:
            by_phone[keys.phone].append(person)
        if keys.email is not None:
            by_email[keys.email].append(person)
    found: dict[int, list[Person]] = {}
    for key, keys in wanted.items():
        matches = {p.id: p for p in by_name.get(keys.name, [])}
        if keys.phone:
            matches.update((p.id, p) for p in by_phone.get(keys.phone, []))
        if keys.email:
            matches.update((p.id, p) for p in by_email.get(keys.email, []))
        if matches:
            found[key] = list(matches.values())
    return found
