"""What a delete takes with it, and bringing it back (Edit ▸ Undo).

``Store.delete`` removes a row and the rows hanging off it (``CASCADES``) and leaves a
tombstone for each in the change log. ``cascade_of`` lists those rows *before* the delete,
parent first; ``revive`` adds them again in that order. The revived versions are newer
than the tombstones, so the undo travels by sync like any other edit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from fieldapp.domain import BY_TABLE, Entity
from fieldapp.store.store import CASCADES, Store


def cascade_of(store: Store, cls: type[Entity], row_id: str) -> list[Entity]:
    """The entity and everything ``Store.delete`` would take with it, parent first, each once."""
    found: list[Entity] = []
    seen: set[tuple[str, str]] = set()

    def walk(table: str, rid: str) -> None:
        if (table, rid) in seen:
            return
        entity = store.find(BY_TABLE[table], rid)
        if entity is None:
            return
        seen.add((table, rid))
        found.append(entity)
        for child, column in CASCADES.get(table, ()):
            for (child_id,) in store.conn.execute(f"SELECT id FROM {child} WHERE {column} = ?", (rid,)):
                walk(child, child_id)

    walk(cls.TABLE, row_id)
    return found


def dependants(entities: Iterable[Entity]) -> Counter[str]:
    """How many rows of each table go along with the first (``{"observations": 4, …}``)."""
    rows = list(entities)
    return Counter(entity.TABLE for entity in rows[1:])


def delete(store: Store, cls: type[Entity], row_id: str) -> list[Entity]:
    """Delete the row (tombstones through ``Store.delete``); returns what ``revive`` needs to undo it."""
    taken = cascade_of(store, cls, row_id)
    store.delete(cls, row_id)
    return taken


def revive(store: Store, entities: Iterable[Entity]) -> None:
    """Add deleted rows back, parent first, in one transaction (all or nothing)."""
    with store.transaction():
        for entity in entities:
            if store.find(type(entity), entity.id) is None:
                store.add(entity)
