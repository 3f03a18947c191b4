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
    QAbstractProxyModel,
    QDate,
    QEvent,
    QModelIndex,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from fieldapp.domain import FieldSpec
from fieldapp.ui.dates import parse_date, parse_datetime
from fieldapp.ui.formatting import format_date, format_datetime


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

    def __init__(
        self, spec: FieldSpec, choices: list[tuple[str, Any]], parent: QWidget | None = None, describe=None
    ):
        super().__init__(spec, parent)
        self.describe = describe  # value -> label, for a value that is not among the choices
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(12)
        self.set_choices(choices)
        self.combo.activated.connect(lambda _i: self.edited.emit())
        self.combo.installEventFilter(self)
        self.combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # no focus (and no change) by the wheel
        self.layout_.addWidget(self.combo, 1)
        self.setFocusProxy(self.combo)

    STEPPING_KEYS = frozenset(
        {
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
            Qt.Key.Key_PageUp,
            Qt.Key.Key_PageDown,
            Qt.Key.Key_Home,
            Qt.Key.Key_End,
        }
    )

    def eventFilter(self, watched, event) -> bool:
        """A closed drop-down keeps its value under arrow keys and the mouse wheel.

        Arrow keys mean "move on" to people used to forms; changing a value by the way
        is how data ends up in the wrong record. Alt+Down (or F4, or Space) opens the
        list, where arrows choose as usual.
        """
        if watched is self.combo and not self.combo.view().isVisible():
            if event.type() == QEvent.Type.KeyPress and event.key() in self.STEPPING_KEYS:
                # Alt+Down / Alt+Up open the list; plain arrows are swallowed.
                return not event.modifiers() & Qt.KeyboardModifier.AltModifier
            if event.type() == QEvent.Type.Wheel and not self.combo.hasFocus():
                return True  # scrolling the page over a drop-down does not change it
        return False

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
            if value is not None:  # e.g. a facilitator no longer staff: keep it visible, by name
                label = self.describe(value) if self.describe else ""
                self.combo.addItem(label or self.tr("(not in the list)"), value)
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
    """A date (or date and time) typed as people type it, or picked from a calendar.

    "03.12.2026", "3.12.26" and "03122026" all mean 3 December 2026 (see ``fieldapp.ui.dates``);
    leaving the box shows the date in the language's own way. Optional fields get a tick box in
    front: ticking it fills in today, unticking empties the field. Text that is not a date is
    kept and handed on as typed, so the editor explains the problem under the field.
    """

    def __init__(self, spec: FieldSpec, with_time: bool, parent: QWidget | None = None):
        super().__init__(spec, parent)
        self.with_time = with_time
        self._time = (0, 0)  # the time kept when only a date is typed
        self.check: QCheckBox | None = None
        if not spec.required:
            self.check = QCheckBox()
            self.check.toggled.connect(self._toggled)
            self.layout_.addWidget(self.check)
        self.edit = QLineEdit()
        example = (
            format_datetime(datetime(2026, 12, 3, 14, 30)) if with_time else format_date(date(2026, 12, 3))
        )
        self.edit.setPlaceholderText(self.tr("e.g. %1").replace("%1", example))
        width = self.edit.fontMetrics().horizontalAdvance(example + " 00") + 24
        self.edit.setMinimumWidth(width)
        self.edit.setMaximumWidth(width + 60)
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(self._tidy)
        self.layout_.addWidget(self.edit)
        self.calendar_button = QToolButton()
        self.calendar_button.setText("…")
        self.calendar_button.setToolTip(self.tr("Pick a date in a calendar"))
        self.calendar_button.setAccessibleName(self.tr("Pick a date in a calendar"))
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes on to the next field
        self.calendar_button.clicked.connect(self._show_calendar)
        self.layout_.addWidget(self.calendar_button)
        self.layout_.addStretch(1)
        self.setFocusProxy(self.edit)

    def set_accessible(self, name: str) -> None:
        self.edit.setAccessibleName(name)
        if self.check is not None:
            self.check.setAccessibleName(name)

    def _show_text(self, value: date | datetime | None) -> None:
        if value is None:
            self.edit.clear()
        elif self.with_time and isinstance(value, datetime):
            self.edit.setText(format_datetime(value))
        else:
            self.edit.setText(format_date(value))
        if self.check is not None:
            with QSignalBlocker(self.check):
                self.check.setChecked(value is not None)

    def _toggled(self, on: bool) -> None:
        if on and not self.edit.text().strip():
            self._show_text(
                datetime.now().replace(second=0, microsecond=0) if self.with_time else date.today()
            )
        elif not on:
            self.edit.clear()
        self.edited.emit()

    def _typed(self, text: str) -> None:
        if self.check is not None:
            with QSignalBlocker(self.check):
                self.check.setChecked(bool(text.strip()))
        self.edited.emit()

    def _tidy(self) -> None:
        """Leaving the box: a date that was understood is shown the usual way (3.12.26 → 03.12.2026)."""
        value = self.value()
        if isinstance(value, (date, datetime)):
            with QSignalBlocker(self.edit):
                self._show_text(value)

    def _show_calendar(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setGridVisible(False)
        current = self.value()
        if isinstance(current, (date, datetime)):
            calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def picked(day: QDate) -> None:
            menu.close()
            hour, minute = self._time
            chosen = (
                datetime(day.year(), day.month(), day.day(), hour, minute)
                if self.with_time
                else date(day.year(), day.month(), day.day())
            )
            self._show_text(chosen)
            self.edited.emit()

        calendar.clicked.connect(picked)
        calendar.activated.connect(picked)
        self.calendar = menu  # tests reach it
        menu.popup(self.calendar_button.mapToGlobal(self.calendar_button.rect().bottomLeft()))

    def value(self) -> date | datetime | str | None:
        text = self.edit.text().strip()
        if not text:
            return None
        parsed: date | datetime | None = (
            parse_datetime(text, self._time) if self.with_time else parse_date(text)
        )
        return parsed if parsed is not None else text  # not a date: the editor says so under the field

    def set_value(self, value: Any) -> None:
        if isinstance(value, datetime):
            self._time = (value.hour, value.minute)
        with QSignalBlocker(self.edit):
            self._show_text(value)

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
    """Type a name with completion; Enter, Tab or leaving the box picks it. Never creates silently.

    Tab takes the highlighted suggestion (the first one when none is highlighted). A name that
    matches nobody exactly goes to ``resolve_new(text) -> id | None`` (if given), which offers
    likely people and an explicit "Create »Jens« as a new person"; without it the box goes back
    to the name it had.
    """

    # Shadows QWidget.create (issue 17: the editor branch renames it; then drop this line).
    create: Callable[[str], str | None] | None  # type: ignore[assignment]

    def __init__(
        self, spec: FieldSpec, names: NamesModel, describe, resolve_new=None, parent: QWidget | None = None
    ):
        super().__init__(spec, parent)
        self.names = names
        self.describe = describe  # id -> label
        self.resolve_new = resolve_new
        self._value: str | None = None
        self._resolving = False
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
        popup = self.completer.popup()
        assert popup is not None  # a QCompleter always has its list view
        popup.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.FocusIn:
            self.names.ensure_loaded()
        elif (
            watched is self.completer.popup()
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            self.take_suggestion()
        return False

    def take_suggestion(self) -> bool:
        """Tab in the open suggestion list: the highlighted name (or the first) is the one meant."""
        popup = self.completer.popup()
        completions = self.completer.completionModel()
        assert popup is not None and isinstance(completions, QAbstractProxyModel)
        index = popup.currentIndex()
        if not index.isValid():
            index = completions.index(0, 0)
        if not index.isValid():
            return False
        source = completions.mapToSource(index)
        popup.hide()
        self._picked(source)
        return True

    def _picked(self, index: QModelIndex) -> None:
        item_id = index.data(Qt.ItemDataRole.UserRole)
        if item_id:
            self.edit.setText(index.data())
            if item_id != self._value:
                self._value = item_id
                self.edited.emit()

    def _commit(self) -> None:
        if self._resolving:
            return  # the question below took the focus: that is not the user leaving the box
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
        if found is None and self.resolve_new is not None:
            self._resolving = True
            try:
                found = self.resolve_new(text)
            finally:
                self._resolving = False
            self.names.reload()
        if found is None:  # nobody chosen: show the name the field still holds
            self.edit.setText(self.describe(self._value) if self._value else "")
            return
        self.edit.setText(self.describe(found))
        if found != self._value:
            self._value = found
            self.edited.emit()

    def value(self) -> str | None:
        return self._value

    def set_value(self, value: Any) -> None:
        self._value = value
        self.edit.setText(self.describe(value) if value else "")

    def focus_widget(self) -> QWidget:
        return self.edit
