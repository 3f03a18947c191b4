"""The autosaving editor base: fields from specs, a 300 ms debounce, inline validation.

Edits are kept in ``pending`` and written with ``Store.update`` 300 ms after the last
change, and at once by ``flush()``: when the focus leaves a field, when the user switches
records, leaves the window or closes it. A killed app loses at most the last ~300 ms.
The widgets are never reloaded after a save, so Qt's undo history in text fields survives.
A field that fails validation keeps its text, shows the reason under it, and is retried
after its next edit; the other fields are saved.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QVBoxLayout, QWidget

from fieldapp.domain import Entity, ValidationError
from fieldapp.store import Store, StoreError, lookups, undo
from fieldapp.ui.fields import (
    BoolInput,
    ChoiceInput,
    DateInput,
    FieldInput,
    MultilineInput,
    NumberInput,
    TextInput,
)
from fieldapp.ui.undo import entity_title

logger = logging.getLogger(__name__)

AUTOSAVE_MS = 300


def error_colour(widget: QWidget) -> str:
    """A red that reads well on the current (light or dark) window colour."""
    dark = widget.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return "#ff8a80" if dark else "#b00020"


class EntityForm(QWidget):
    """Base of every editor: one stored entity, edited field by field."""

    saved = Signal(str, str)  # table, id
    open_record = Signal(str, str)  # table, id — a link to another record was followed

    def __init__(
        self, store: Store, cls: type[Entity], entity_id: str, lang: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.store = store
        self.cls = cls
        self.lang = lang
        self.entity = store.get(cls, entity_id)
        self.inputs: dict[str, FieldInput] = {}
        self.errors: dict[str, QLabel] = {}
        self.pending: dict[str, Any] = {}
        self.invalid: set[str] = set()
        self.choice_loaders: dict[str, Any] = {}
        self.undo_stack = None  # Edit ▸ Undo for fields whose widget has no undo of its own
        self.placeholder: str | None = None  # set for a record just made with a first title
        self.ever_saved = False
        self.timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.timer.timeout.connect(self.flush)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        self.banner.setAccessibleName(self.tr("Problem saving"))
        self.banner.setStyleSheet(f"color: {error_colour(self)}; font-weight: 600;")
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """The focus left a field of this editor: save what was typed there now, not after a pause."""
        if self.pending and old is not None and old is not new and self.isAncestorOf(old):
            self.flush()

    @property
    def entity_id(self) -> str:
        return self.entity.id

    # ------------------------------------------------------------- building
    def make_input(self, name: str, **options: Any) -> FieldInput:
        spec = self.cls.spec(name)
        if "choices_from" in options:  # choices that change with the notebook (areas, staff …)
            self.choice_loaders[name] = options["choices_from"]
            options["choices"] = options["choices_from"]()
        if "choices" in options:
            describe = (lambda v, t=spec.ref: lookups.record_title(self.store, t, v)) if spec.ref else None
            widget: FieldInput = ChoiceInput(spec, options["choices"], describe=describe)
        elif "widget" in options:
            widget = options["widget"]
        elif spec.kind == "enum" and spec.enum is not None:
            widget = ChoiceInput(spec, [(member.label(self.lang), member.value) for member in spec.enum])
        elif spec.kind == "text":
            widget = MultilineInput(spec) if spec.multiline else TextInput(spec)
        elif spec.kind == "int":
            widget = NumberInput(spec)
        elif spec.kind == "bool":
            widget = BoolInput(spec, spec.label(self.lang))
        elif spec.kind in ("date", "datetime"):
            widget = DateInput(spec, with_time=spec.kind == "datetime")
        else:
            raise ValueError(f"no input for {self.cls.__name__}.{name} ({spec.kind})")
        widget.set_value(getattr(self.entity, name))
        widget.set_accessible(spec.label(self.lang))
        widget.edited.connect(lambda n=name: self.changed(n))
        self.inputs[name] = widget
        return widget

    def add_row(self, form: QFormLayout, name: str, **options: Any) -> FieldInput:
        """The field's input with its label, and an (initially hidden) error line under it."""
        widget = self.make_input(name, **options)
        spec = self.cls.spec(name)
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = QLabel()
        error.setWordWrap(True)
        error.setVisible(False)
        error.setStyleSheet(f"color: {error_colour(self)};")
        box.addWidget(error)
        self.errors[name] = error
        if spec.kind == "bool":
            form.addRow("", cell)
        else:
            label = QLabel(spec.label(self.lang) + (" *" if spec.required else ""))
            label.setBuddy(widget.focus_widget())
            form.addRow(label, cell)
        return widget

    @staticmethod
    def new_form() -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(form.labelAlignment())
        form.setVerticalSpacing(8)
        form.setHorizontalSpacing(12)
        return form

    # ------------------------------------------------------------- saving
    def changed(self, name: str) -> None:
        self.pending[name] = self.inputs[name].value()
        self.timer.start()

    def flush(self) -> bool:
        """Write pending edits now. True when nothing valid is left unsaved."""
        self.timer.stop()
        if not self.pending:
            return True
        changes = dict(self.pending)
        before = self.entity
        while changes:
            try:
                self.entity = self.store.update(self.cls, self.entity.id, **changes)
            except ValidationError as error:
                bad = {e.field for e in error.errors if e.field in changes} or set(changes)
                self.show_errors(error, bad)
                for name in bad:
                    changes.pop(name, None)
                continue
            except StoreError as error:
                logger.warning("could not save %s %s: %s", self.cls.TABLE, self.entity.id, error)
                self.banner.setText(error.message(self.lang))
                self.banner.setVisible(True)
                self.timer.start(AUTOSAVE_MS * 5)  # try again a little later
                return False
            break
        for name in changes:
            self.pending.pop(name, None)
            self.clear_error(name)
        self.banner.setVisible(False)
        if changes:
            self.ever_saved = True
            self.remember_for_undo(before, set(changes))
            self.after_save(set(changes))
            self.saved.emit(self.cls.TABLE, self.entity.id)
        return not self.pending

    def remember_for_undo(self, before: Entity, names: set[str]) -> None:
        """Choices, dates, ticks and numbers go on the window's undo stack; text boxes undo themselves."""
        if self.undo_stack is None:
            return
        for name in sorted(names):
            if isinstance(self.inputs.get(name), (TextInput, MultilineInput, DateInput)):
                continue  # typed into a text box, whose own Ctrl+Z undoes it
            old = getattr(before, name)
            if old != getattr(self.entity, name):
                label = self.cls.spec(name).label(self.lang)
                self.undo_stack.field_changed(self.cls, self.entity_id, name, old, label)

    def show_errors(self, error: ValidationError, names: set[str]) -> None:
        for name in names:
            label = self.errors.get(name)
            messages = [e.message(self.lang) for e in error.for_field(name)] or [error.message(self.lang)]
            if label is not None:
                label.setText(" ".join(messages))
                label.setVisible(True)
                self.inputs[name].focus_widget().setAccessibleDescription(" ".join(messages))
            else:
                self.banner.setText(" ".join(messages))
                self.banner.setVisible(True)

    def clear_error(self, name: str) -> None:
        label = self.errors.get(name)
        if label is not None and label.isVisible():
            label.clear()
            label.setVisible(False)
            self.inputs[name].focus_widget().setAccessibleDescription("")

    def untouched(self) -> bool:
        """A new record still as it was made: nothing typed, nothing added to it."""
        if self.placeholder is None or self.ever_saved or self.pending:
            return False
        current = self.store.find(self.cls, self.entity_id)
        if current is None or entity_title(current) != self.placeholder:
            return False
        # What hangs off it (observations, photos, participants); a meeting's default survey does not count.
        added = [
            e for e in undo.cascade_of(self.store, self.cls, self.entity_id)[1:] if e.TABLE != "survey_items"
        ]
        return not added

    def store_changed(self) -> None:
        """The notebook changed (here or elsewhere): offer current choices; subclasses reload lists."""
        for name, loader in self.choice_loaders.items():
            widget = self.inputs[name]
            if isinstance(widget, ChoiceInput):
                widget.set_choices(loader())
        for widget in self.inputs.values():
            names = getattr(widget, "names", None)
            if names is not None and names.loaded:
                names.reload()

    def after_save(self, names: set[str]) -> None:
        """Hook for editors whose saves change other records (a 1:1 talk's follow-up)."""

    def closeEvent(self, event) -> None:
        self.flush()
        super().closeEvent(event)
