"""People already in the notebook who look like the ones about to be imported."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from fieldapp.domain import Person
from fieldapp.store.store import Store


@dataclass(frozen=True)
class PersonKeys:
    name: str  # whitespace-collapsed, casefolded
    phone: str | None  # the last 8 digits
    email: str | None  # casefolded


def likely_duplicates(
    store: Store, wanted: dict[int, PersonKeys], phone_key: Callable[[str | None], str | None]
) -> dict[int, list[Person]]:
    """For each key of ``wanted``, the people with the same name, phone number or e-mail."""
    by_name: dict[str, list[Person]] = defaultdict(list)
    by_phone: dict[str, list[Person]] = defaultdict(list)
    by_email: dict[str, list[Person]] = defaultdict(list)
    for person in store.list(Person, order_by="name COLLATE NOCASE, id"):
        by_name[" ".join((person.name or "").split()).casefold()].append(person)
        if (phone := phone_key(person.phone)) is not None:
            by_phone[phone].append(person)
        if person.email:
            by_email[person.email.strip().casefold()].append(person)
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
