"""Edit ▸ Undo for what a text box cannot undo itself: deletes and changes of choices, dates, ticks.

A short stack of store changes. Each entry knows how to put the notebook back (re-adding
deleted rows, or writing a field's earlier value) and which record to show afterwards.
Ctrl+Z inside a text box never reaches it: Qt's line and text edits take that key
themselves (their own, finer undo history).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from fieldapp.domain import Activity, Attachment, Entity, Observation, Participant, Relation, ValidationError
from fieldapp.store import Store, StoreError, lookups, undo
from fieldapp.ui.dialogs import Dialogs

logger = logging.getLogger(__name__)

UNDO_DEPTH = 30


@dataclass
class UndoEntry:
    text: str  # "Undo delete of »Møde i hallen«"
    apply: Callable[[], None]
    table: str  # the record to show after undoing
    row_id: str


class UndoStack(QObject):
    changed = Signal()
    undone = Signal(str, str)  # table, id of the record that is back or changed back

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.entries: list[UndoEntry] = []

    def push(self, entry: UndoEntry) -> None:
        self.entries.append(entry)
        del self.entries[:-UNDO_DEPTH]
        self.changed.emit()

    def can_undo(self) -> bool:
        return bool(self.entries)

    def undo_text(self) -> str:
        return self.entries[-1].text if self.entries else ""

    def undo(self) -> UndoEntry | None:
        if not self.entries:
            return None
        entry = self.entries.pop()
        entry.apply()
        self.changed.emit()
        self.undone.emit(entry.table, entry.row_id)
        return entry

    def field_changed(self, cls: type[Entity], row_id: str, name: str, before: Any, label: str) -> None:
        """A choice, date, tick or number was saved: Ctrl+Z writes ``before`` back."""

        def apply() -> None:
            self.store.update(cls, row_id, **{name: before})

        self.push(UndoEntry(self.tr("Undo change of %1").replace("%1", label), apply, cls.TABLE, row_id))


def entity_title(entity: Entity) -> str:
    """The record's title field on one line ("" when empty)."""
    value = getattr(entity, entity.TITLE_FIELD, None)
    return " ".join(str(value).split()) if value is not None else ""


def record_label(entity: Entity, lang: str) -> str:
    """How a record is named in a question: its title, or what it is when it has none."""
    if isinstance(entity, Attachment):
        return entity.caption or entity.filename or entity.display_name(lang)
    title = entity_title(entity)
    if len(title) > 60:
        title = title[:57] + "…"
    return title or entity.display_name(lang)


def kind_name(entity: Entity, lang: str) -> str:
    if isinstance(entity, Activity) and entity.kind:
        return entity.kind.label(lang)
    return entity.display_name(lang)


class Deleter(QObject):
    """Asks (the safe answer is the default), deletes with tombstones, and remembers how to undo it."""

    deleted = Signal(str, str)  # table, id

    def __init__(self, store: Store, dialogs: Dialogs, lang: str, stack: UndoStack, parent=None):
        super().__init__(parent)
        self.store, self.dialogs, self.lang, self.stack = store, dialogs, lang, stack

    def goes_with(self, taken: list[Entity]) -> str:
        """ "With it go 4 observations and 2 photos." (empty when nothing else goes)."""
        counts = undo.dependants(taken)
        phrases = []
        for table, text in (
            ("observations", self.tr("%n observation(s)", "", counts["observations"])),
            ("participants", self.tr("%n participant(s)", "", counts["participants"])),
            ("attachments", self.tr("%n photo(s) or file(s)", "", counts["attachments"])),
            ("survey_items", self.tr("%n survey statement(s)", "", counts["survey_items"])),
            ("relations", self.tr("%n relation(s) to other people", "", counts["relations"])),
        ):
            if counts[table]:
                phrases.append(text)
        if not phrases:
            return ""
        listed = phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + self.tr(" and ") + phrases[-1]
        return self.tr("With it go %1.").replace("%1", listed)

    def label_of(self, entity: Entity) -> str:
        """A link names the people it links (never a code such as "resident" or "knows")."""
        if isinstance(entity, Participant):
            return lookups.record_title(self.store, "people", entity.person_id) or record_label(
                entity, self.lang
            )
        if isinstance(entity, Relation):
            names = [
                lookups.record_title(self.store, "people", pid) or ""
                for pid in (entity.from_person_id, entity.to_person_id)
            ]
            return " – ".join(names)
        return record_label(entity, self.lang)

    def delete(self, parent: QWidget | None, cls: type[Entity], row_id: str) -> bool:
        """Ask, then delete the record and what hangs off it; True when it is gone."""
        entity = self.store.find(cls, row_id)
        if entity is None:
            return False
        taken = undo.cascade_of(self.store, cls, row_id)
        kind, label = kind_name(entity, self.lang), self.label_of(entity)
        lines = [self.tr("Delete the %1 »%2«?").replace("%1", kind.lower()).replace("%2", label)]
        extra = self.goes_with(taken)
        if extra:
            lines.append(extra)
        if isinstance(entity, Observation):
            lines.append(self.tr("Actions that came from it stay."))
        lines.append(self.tr("You can bring it back with Edit ▸ Undo (Ctrl+Z)."))
        title = self.tr("Delete %1").replace("%1", kind.lower())
        if not self.dialogs.confirm(parent, title, "\n\n".join(lines), self.tr("Delete")):
            return False
        try:
            self.store.delete(cls, row_id)
        except StoreError as error:
            self.dialogs.error(parent, self.tr("Not deleted"), error.message(self.lang))
            return False
        parent_table, parent_id = _shown_after_undo(entity)

        def apply() -> None:
            try:
                undo.revive(self.store, taken)
            except (ValidationError, StoreError) as error:
                logger.warning("could not undo the delete of %s %s: %s", cls.TABLE, row_id, error)
                self.dialogs.error(parent, self.tr("Not undone"), error.message(self.lang))

        self.stack.push(
            UndoEntry(self.tr("Undo delete of »%1«").replace("%1", label), apply, parent_table, parent_id)
        )
        self.deleted.emit(cls.TABLE, row_id)
        return True


def _shown_after_undo(entity: Entity) -> tuple[str, str]:
    """Parts of an activity come back inside their activity's editor."""
    activity_id = getattr(entity, "activity_id", None)
    if entity.TABLE in ("observations", "participants", "attachments", "survey_items") and activity_id:
        return "activities", activity_id
    return entity.TABLE, entity.id
