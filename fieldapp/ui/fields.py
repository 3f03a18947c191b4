"""Input widgets for entity fields, chosen from each field's ``FieldSpec``.

Each ``FieldInput`` has ``value()``, ``set_value()`` and an ``edited`` signal that fires
on user edits only (setting a value programmatically does not count as a change).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QDateTime,
    QModelIndex,
    QSignalBlocker,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from fieldapp.domain import FieldSpec
from fieldapp.ui.formatting import qt_date_format, qt_datetime_format


class FieldInput(QWidget):
    edited = Signal()

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        return self

    def set_accessible(self, name: str) -> None:
        self.focus_widget().setAccessibleName(name)


class TextInput(FieldInput):
    def __init__(self, spec: FieldSpec, parent: QWidget | None = None):
        super().__init__(spec, parent)
        self.edit = QLineEdit()
        self.edit.setMaxLength(spec.max_len)
        self.edit.textEdited.connect(lambda _t: self.edited.emit())
        self.layout_.addWidget(self.edit)
        self.setFocusProxy(self.edit)

    def value(self) -> str | None:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))

    def focus_widget(self) -> QWidget:
        return self.edit


class MultilineInput(FieldInput):
    def __init__(self, spec: FieldSpec, parent: QWidget | None = None):
        super().__init__(spec, parent)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        line = self.edit.fontMetrics().lineSpacing()
        self.edit.setMinimumHeight(line * 3 + 16)
        self.edit.setMaximumHeight(line * 5 + 16)
        self.layout_.addWidget(self.edit)
        self.setFocusProxy(self.edit)
        self._loading = False
        self.edit.textChanged.connect(self._changed)

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    def value(self) -> str:
        return self.edit.toPlainText()

    def set_value(self, value: Any) -> None:
        self._loading = True
        self.edit.setPlainText("" if value is None else str(value))
        self._loading = False

    def focus_widget(self) -> QWidget:
        return self.edit


class ChoiceInput(FieldInput):
    """A combo box of (label, value) pairs; ``None`` is offered when the field is optional."""

    def __init__(self, spec: FieldSpec, choices: list[tuple[str, Any]], parent: QWidget | None = None):
        super().__init__(spec, parent)
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(12)
        self.set_choices(choices)
        self.combo.activated.connect(lambda _i: self.edited.emit())
        self.layout_.addWidget(self.combo, 1)
        self.setFocusProxy(self.combo)

    def set_choices(self, choices: list[tuple[str, Any]]) -> None:
        """Offer ``choices`` (a new area appears in an open editor); the chosen value stays chosen."""
        current = self.combo.currentData() if self.combo.count() else None
        with QSignalBlocker(self.combo):
            self.combo.clear()
            if not self.spec.required:
                self.combo.addItem("—", None)
            for label, value in choices:
                self.combo.addItem(label, value)
        if current is not None:
            self.set_value(current)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.combo):
            wanted = None if value is None else str(value)
            for number in range(self.combo.count()):
                data = self.combo.itemData(number)
                if (None if data is None else str(data)) == wanted:
                    self.combo.setCurrentIndex(number)
                    return
            if value is not None:  # e.g. a person not offered in the list: keep it visible
                self.combo.addItem(str(value), value)
                self.combo.setCurrentIndex(self.combo.count() - 1)

    def focus_widget(self) -> QWidget:
        return self.combo


class NumberInput(FieldInput):
    def __init__(self, spec: FieldSpec, parent: QWidget | None = None):
        super().__init__(spec, parent)
        self.spin = QSpinBox()
        self.spin.setRange(int(spec.minimum or 0), int(min(spec.maximum or 1_000_000, 2_000_000_000)))
        self.spin.valueChanged.connect(lambda _v: self.edited.emit())
        self.layout_.addWidget(self.spin)
        self.layout_.addStretch(1)
        self.setFocusProxy(self.spin)

    def value(self) -> int:
        return self.spin.value()

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.spin):
            self.spin.setValue(int(value or 0))

    def focus_widget(self) -> QWidget:
        return self.spin


class BoolInput(FieldInput):
    def __init__(self, spec: FieldSpec, text: str, parent: QWidget | None = None):
        super().__init__(spec, parent)
        self.check = QCheckBox(text)
        self.check.toggled.connect(lambda _v: self.edited.emit())
        self.layout_.addWidget(self.check)
        self.setFocusProxy(self.check)

    def value(self) -> bool:
        return self.check.isChecked()

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.check):
            self.check.setChecked(bool(value))

    def focus_widget(self) -> QWidget:
        return self.check


class DateInput(FieldInput):
    """A date (or date and time); optional fields get a check box in front, unticked = no value."""

    def __init__(self, spec: FieldSpec, with_time: bool, parent: QWidget | None = None):
        super().__init__(spec, parent)
        self.with_time = with_time
        self.check: QCheckBox | None = None
        if not spec.required:
            self.check = QCheckBox()
            self.check.toggled.connect(self._toggled)
            self.layout_.addWidget(self.check)
        self.edit = QDateTimeEdit() if with_time else QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(qt_datetime_format() if with_time else qt_date_format())
        self.edit.dateTimeChanged.connect(lambda _v: self.edited.emit())
        self.layout_.addWidget(self.edit)
        self.layout_.addStretch(1)
        self.setFocusProxy(self.check or self.edit)

    def set_accessible(self, name: str) -> None:
        self.edit.setAccessibleName(name)
        if self.check is not None:
            self.check.setAccessibleName(name)

    def _toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        self.edited.emit()

    def value(self) -> date | datetime | None:
        if self.check is not None and not self.check.isChecked():
            return None
        if self.with_time:
            moment = self.edit.dateTime()
            return datetime(
                moment.date().year(),
                moment.date().month(),
                moment.date().day(),
                moment.time().hour(),
                moment.time().minute(),
            )
        day = self.edit.date()
        return date(day.year(), day.month(), day.day())

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.edit):
            if self.check is not None:
                with QSignalBlocker(self.check):
                    self.check.setChecked(value is not None)
                self.edit.setEnabled(value is not None)
            shown = value or datetime.now()
            qdate = QDate(shown.year, shown.month, shown.day)
            if self.with_time:
                hour = getattr(shown, "hour", 0)
                minute = getattr(shown, "minute", 0)
                self.edit.setDateTime(QDateTime(qdate, QTime(hour, minute)))
            else:
                self.edit.setDate(qdate)

    def focus_widget(self) -> QWidget:
        return self.edit


class NamesModel(QAbstractListModel):
    """(label, id) pairs for completers and pickers, loaded on first use."""

    def __init__(self, loader, parent=None):
        super().__init__(parent)
        self.loader = loader
        self.items: list[tuple[str, str]] = []
        self.loaded = False

    def ensure_loaded(self) -> None:
        if not self.loaded:
            self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.items = list(self.loader())
        self.loaded = True
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.items[index.row()][0]
        if role == Qt.ItemDataRole.UserRole:
            return self.items[index.row()][1]
        return None

    def find(self, label: str) -> str | None:
        wanted = label.strip().casefold()
        for name, item_id in self.items:
            if name.casefold() == wanted:
                return item_id
        return None


class PickerInput(FieldInput):
    """Type a name with completion; Enter or leaving the box picks it. A new name can create a record.

    ``create(name) -> id`` is called for a name that matches nobody (if given).
    """

    # Shadows QWidget.create (issue 17: the editor branch renames it; then drop this line).
    create: Callable[[str], str | None] | None  # type: ignore[assignment]

    def __init__(
        self, spec: FieldSpec, names: NamesModel, describe, create=None, parent: QWidget | None = None
    ):
        super().__init__(spec, parent)
        self.names = names
        self.describe = describe  # id -> label
        self.create = create
        self._value: str | None = None
        self.edit = QLineEdit()
        self.edit.setClearButtonEnabled(True)
        self.completer = QCompleter(names, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.edit.setCompleter(self.completer)
        self.edit.editingFinished.connect(self._commit)
        self.completer.activated[QModelIndex].connect(self._picked)  # type: ignore[index]  # overload pick
        self.layout_.addWidget(self.edit)
        self.setFocusProxy(self.edit)
        self.edit.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.edit and event.type() == event.Type.FocusIn:
            self.names.ensure_loaded()
        return False

    def _picked(self, index: QModelIndex) -> None:
        item_id = index.data(Qt.ItemDataRole.UserRole)
        if item_id and item_id != self._value:
            self._value = item_id
            self.edit.setText(index.data())
            self.edited.emit()

    def _commit(self) -> None:
        text = self.edit.text().strip()
        if not text:
            if self._value is not None:
                self._value = None
                self.edited.emit()
            return
        if self._value and self.describe(self._value) == text:
            return
        self.names.ensure_loaded()
        found = self.names.find(text)
        if found is None and self.create is not None:
            found = self.create(text)
            self.names.reload()
        if found is not None and found != self._value:
            self._value = found
            self.edited.emit()

    def value(self) -> str | None:
        return self._value

    def set_value(self, value: Any) -> None:
        self._value = value
        self.edit.setText(self.describe(value) if value else "")

    def focus_widget(self) -> QWidget:
        return self.edit
