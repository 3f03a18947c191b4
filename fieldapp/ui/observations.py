"""Observation capture made for walking: type, press Enter, and it is stored with the time."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import Observation, ObservationKind, ValidationError
from fieldapp.store import Store, StoreError
from fieldapp.ui.dates import parse_datetime
from fieldapp.ui.dialogs import Dialogs
from fieldapp.ui.formatting import format_datetime, format_time
from fieldapp.ui.icons import icon
from fieldapp.ui.list_models import ID_ROLE
from fieldapp.ui.undo import UndoEntry, UndoStack

Index = QModelIndex | QPersistentModelIndex
KINDS = list(ObservationKind)


class ObservationTableModel(QAbstractTableModel):
    """An activity's observations, oldest first; text (and votes, where shown) edit in place."""

    COL_TIME, COL_KIND, COL_TEXT, COL_THEMES, COL_VOTES = range(5)

    def __init__(self, store: Store, activity_id: str, with_votes: bool = False, parent=None):
        super().__init__(parent)
        self.store = store
        self.activity_id = activity_id
        self.with_votes = with_votes
        self.rows: list[tuple[Observation, list[str]]] = []
        self.undo_stack: UndoStack | None = None  # corrections of kind, time, votes and themes can be undone
        self._headers = [
            self.tr("Time"),
            self.tr("Kind"),
            self.tr("Observation"),
            self.tr("Themes"),
            self.tr("Votes"),
        ]
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.rows = [(o, self.store.themes_of(o.id)) for o in self.store.observations(self.activity_id)]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else (5 if self.with_votes else 4)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < self.columnCount()
        ):
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        # Everything can be corrected after saving: time, kind, text, themes and votes.
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        observation, themes = self.rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return observation.id
        if role == Qt.ItemDataRole.EditRole and column in (self.COL_TIME, self.COL_KIND):
            # What the cell editor starts from: the whole date and time; the kind's code for the drop-down.
            if column == self.COL_TIME:
                return format_datetime(observation.observed_at)
            return observation.kind.value if observation.kind else ""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._shown(observation, themes, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_TIME:
                return format_datetime(observation.observed_at)
            if column == self.COL_KIND and observation.kind:
                return observation.kind.explain()
            if column == self.COL_TEXT:
                return observation.text
        return None

    def _shown(self, observation: Observation, themes: list[str], column: int) -> Any:
        return {
            self.COL_TIME: lambda: format_time(observation.observed_at),
            self.COL_KIND: lambda: observation.kind.label() if observation.kind else "",
            self.COL_TEXT: lambda: observation.text or "",
            self.COL_THEMES: lambda: ", ".join(themes),
            self.COL_VOTES: lambda: observation.votes or 0,
        }.get(column, lambda: None)()

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        observation, themes = self.rows[index.row()]
        column = index.column()
        self._remember(observation, themes, column)
        try:
            if column == self.COL_THEMES:
                self.store.set_themes(observation.id, [p.strip() for p in str(value).split(",") if p.strip()])
                themes = self.store.themes_of(observation.id)
            elif column == self.COL_TIME:
                moment = self._moment(str(value), observation.observed_at)
                if moment is None:
                    return False
                observation = self.store.update(Observation, observation.id, observed_at=moment)
            else:
                field = {self.COL_TEXT: "text", self.COL_VOTES: "votes", self.COL_KIND: "kind"}[column]
                observation = self.store.update(Observation, observation.id, **{field: value})
        except (ValidationError, StoreError):
            return False
        self.rows[index.row()] = (observation, themes)
        self.dataChanged.emit(
            self.index(index.row(), 0),
            self.index(index.row(), self.columnCount() - 1),
            [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole],
        )
        return True

    def _remember(self, observation: Observation, themes: list[str], column: int) -> None:
        """Ctrl+Z outside the cell editor puts a corrected kind, time, vote count or themes back."""
        if self.undo_stack is None or column == self.COL_TEXT:  # the text box has its own undo
            return
        store, observation_id = self.store, observation.id
        if column == self.COL_THEMES:
            before = list(themes)

            def apply() -> None:
                store.set_themes(observation_id, before)

        else:
            name = {self.COL_TIME: "observed_at", self.COL_KIND: "kind", self.COL_VOTES: "votes"}[column]
            old = getattr(observation, name)

            def apply() -> None:
                store.update(Observation, observation_id, **{name: old})

        label = self.tr("Undo correction of »%1«").replace("%1", (observation.text or "")[:40])
        self.undo_stack.push(UndoEntry(label, apply, "activities", self.activity_id))

    @staticmethod
    def _moment(text: str, before: datetime | None) -> datetime | None:
        """ "14.30" keeps the day and changes the time; a whole date (and time) replaces both."""
        before = before or datetime.now().replace(second=0, microsecond=0)
        moment = parse_datetime(text, (before.hour, before.minute))
        if moment is not None:
            return moment
        only_time = parse_datetime(f"{before:%d.%m.%Y} {text}")
        return only_time


class KindDelegate(QStyledItemDelegate):
    """The kind column edits with a drop-down of the kinds in the user's language."""

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        for kind in KINDS:
            combo.addItem(kind.label(self.lang), kind.value)
        return combo

    def setEditorData(self, editor, index) -> None:
        position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor, model, index) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ThemeCompleter(QCompleter):
    """Completes the last of several comma-separated themes."""

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        box = self.widget()
        current = box.text() if isinstance(box, QLineEdit) else ""
        before = [part.strip() for part in current.split(",")[:-1] if part.strip()]
        return ", ".join([*before, index.data()]) + ", "


class ObservationCapture(QWidget):
    """Kind button (Ctrl+K cycles), the text box (Enter stores), themes with completion, the list."""

    added = Signal(str)

    def __init__(
        self,
        store: Store,
        activity_id: str,
        lang: str,
        dialogs: Dialogs,
        with_votes: bool = False,
        parent: QWidget | None = None,
        deleter=None,
    ):
        super().__init__(parent)
        self.deleter = deleter
        self.store = store
        self.activity_id = activity_id
        self.lang = lang
        self.dialogs = dialogs
        self.kind = ObservationKind.CONCERN
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.kind_button = QToolButton()
        self.kind_button.setIcon(icon("cycle"))
        self.kind_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.kind_button.setMinimumWidth(
            self.kind_button.fontMetrics().horizontalAdvance("Ressource og håb") + 40
        )
        self.kind_button.clicked.connect(self.cycle_kind)
        row.addWidget(self.kind_button)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Type what you see or hear and press Enter"))
        self.text.setAccessibleName(self.tr("New observation"))
        self.text.returnPressed.connect(self.store_observation)
        row.addWidget(self.text, 1)
        layout.addLayout(row)
        theme_row = QHBoxLayout()
        theme_label = QLabel(self.tr("Themes:"))
        theme_row.addWidget(theme_label)
        self.themes = QLineEdit()
        self.themes.setPlaceholderText(self.tr("e.g. traffic, playground (comma between themes)"))
        self.themes.setAccessibleName(self.tr("Themes for the next observation"))
        theme_label.setBuddy(self.themes)
        self.theme_names = QStringListModel(store.theme_names(), self)
        completer = ThemeCompleter(self.theme_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.themes.setCompleter(completer)
        self.themes.returnPressed.connect(self.store_observation)
        theme_row.addWidget(self.themes, 1)
        layout.addLayout(theme_row)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)  # drawn in the palette's dimmed text colour
        layout.addWidget(self.hint)
        self.model = ObservationTableModel(store, activity_id, with_votes, self)
        self.model.undo_stack = deleter.stack if deleter is not None else None
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Observations"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ObservationTableModel.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        # Themes may be long; they wrap in a column of their own width, the text keeps the room.
        header.setSectionResizeMode(ObservationTableModel.COL_THEMES, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(
            ObservationTableModel.COL_THEMES, header.fontMetrics().horizontalAdvance("M") * 9
        )
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setItemDelegateForColumn(ObservationTableModel.COL_KIND, KindDelegate(lang, self.table))
        # The text people read most: wrapped, every row as tall as its text.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(
            self.tr("Double-click or press F2 to correct a cell; Delete removes the observation")
        )
        layout.addWidget(self.table, 1)
        shortcut = QShortcut(
            QKeySequence("Ctrl+K"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        shortcut.activated.connect(self.cycle_kind)
        delete = QShortcut(
            QKeySequence.StandardKey.Delete, self.table, context=Qt.ShortcutContext.WidgetShortcut
        )
        delete.activated.connect(self.delete_selected)
        self._show_kind()

    def _show_kind(self) -> None:
        self.kind_button.setText(self.kind.label(self.lang))
        self.kind_button.setToolTip(
            self.tr("%1 — click or press Ctrl+K for the next kind").replace(
                "%1", self.kind.explain(self.lang)
            )
        )
        self.kind_button.setAccessibleName(
            self.tr("Kind of observation: %1").replace("%1", self.kind.label(self.lang))
        )
        self.hint.setText(self.kind.explain(self.lang))

    def cycle_kind(self) -> None:
        self.kind = KINDS[(KINDS.index(self.kind) + 1) % len(KINDS)]
        self._show_kind()

    def set_kind(self, kind: ObservationKind) -> None:
        self.kind = ObservationKind(kind)
        self._show_kind()

    def current_themes(self) -> list[str]:
        return [part.strip() for part in self.themes.text().split(",") if part.strip()]

    def store_observation(self) -> None:
        text = self.text.text().strip()
        if not text:
            return
        try:
            observation = self.store.add_observation(
                self.activity_id, text, self.kind, themes=self.current_themes()
            )
        except ValidationError as error:
            self.hint.setEnabled(True)
            self.hint.setText(error.message(self.lang))
            return
        except StoreError as error:
            self.dialogs.error(self, self.tr("Not saved"), error.message(self.lang))
            return
        self.text.clear()
        self.themes.clear()  # themes belong to that observation; the next one starts without
        self.theme_names.setStringList(self.store.theme_names())
        self.model.refresh()
        self.table.scrollToBottom()
        self._show_kind()
        self.hint.setEnabled(False)
        self.text.setFocus()
        self.added.emit(observation.id)

    def delete_selected(self) -> bool:
        """Delete the selected observation (asks first, safe answer by default; Ctrl+Z brings it back)."""
        index = self.table.currentIndex()
        if not index.isValid() or self.deleter is None:
            return False
        if not self.deleter.delete(self, Observation, index.data(ID_ROLE)):
            return False
        self.model.refresh()
        return True
