"""Parts shared by the activity editors: participants, photos and the survey table."""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import (
    Attachment,
    Participant,
    ParticipantRole,
    Person,
    SurveyAnswer,
    SurveyItem,
    ValidationError,
)
from fieldapp.routes.service import is_route_file
from fieldapp.store import Store, StoreError, lookups
from fieldapp.ui.dialogs import Dialogs
from fieldapp.ui.fields import DateInput, NamesModel
from fieldapp.ui.formatting import format_datetime
from fieldapp.ui.icons import icon
from fieldapp.ui.list_models import ID_ROLE

logger = logging.getLogger(__name__)
Index = QModelIndex | QPersistentModelIndex
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".heic", ".tif", ".tiff", ".webp", ".gif", ".bmp"}


def people_names(store: Store) -> NamesModel:
    """Everyone's name, for completers (loaded when first needed)."""
    return NamesModel(lambda: [(row.name, row.id) for row in store.person_rows()])


# ------------------------------------------------------------------ participants
class ParticipantsModel(QAbstractTableModel):
    COL_NAME, COL_ROLE = range(2)

    def __init__(self, store: Store, activity_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.activity_id = activity_id
        self.rows: list[tuple[Any, Person]] = []
        self._headers = [self.tr("Name"), self.tr("Role")]
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.rows = self.store.participants(self.activity_id)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 2
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        participant, person = self.rows[index.row()]
        if role == ID_ROLE:
            return person.id
        if role == Qt.ItemDataRole.DisplayRole:
            return person.name if index.column() == self.COL_NAME else participant.role.label()
        return None


class ParticipantsPanel(QWidget):
    """Type a name and press Enter: an existing person is added; a new name asks before creating."""

    open_person = Signal(str)

    def __init__(
        self, store: Store, activity_id: str, lang: str, dialogs: Dialogs, parent=None, deleter=None
    ):
        super().__init__(parent)
        self.store, self.activity_id, self.lang, self.dialogs = store, activity_id, lang, dialogs
        self.deleter = deleter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Add a person: type a name and press Enter"))
        self.name.setAccessibleName(self.tr("Add participant"))
        self.names = people_names(store)
        completer = QCompleter(self.names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name.setCompleter(completer)
        self.name.returnPressed.connect(self.add_from_box)
        self.name.installEventFilter(self)
        row.addWidget(self.name, 1)
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role"))
        for member in ParticipantRole:
            self.role.addItem(member.label(lang), member.value)
        row.addWidget(self.role)
        layout.addLayout(row)
        self.model = ParticipantsModel(store, activity_id, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Participants"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(lambda index: self.open_person.emit(index.data(ID_ROLE)))
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        remove = QPushButton(icon("remove"), self.tr("Remove"))
        remove.clicked.connect(self.remove_selected)
        buttons.addStretch(1)
        buttons.addWidget(remove)
        layout.addLayout(buttons)
        QShortcut(
            QKeySequence.StandardKey.Delete, self.table, context=Qt.ShortcutContext.WidgetShortcut
        ).activated.connect(self.remove_selected)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.name and event.type() == event.Type.FocusIn:
            self.names.ensure_loaded()
        return False

    def add_from_box(self) -> None:
        name = " ".join(self.name.text().split())
        if not name:
            return
        self.names.ensure_loaded()
        person_id = self.names.find(name)
        if person_id is None:  # never created silently: likely people first, then an explicit choice
            from fieldapp.ui.person_choice import PersonChooser

            person_id = PersonChooser(self.store, self.dialogs, self.lang, self).resolve(self, name)
            self.names.reload()
            if person_id is None:
                return
        try:
            self.store.add_participant(self.activity_id, person_id, self.role.currentData())
        except (ValidationError, StoreError) as error:
            self.dialogs.error(self, self.tr("Not saved"), error.message(self.lang))
            return
        self.name.clear()
        self.model.refresh()

    def remove_selected(self) -> bool:
        """Take the selected person off the activity (the person stays in the notebook)."""
        index = self.table.currentIndex()
        if not index.isValid():
            return False
        key = Participant.key(self.activity_id, index.data(ID_ROLE))
        if self.deleter is not None:
            if not self.deleter.delete(self, Participant, key):
                return False
        else:
            self.store.remove_participant(self.activity_id, index.data(ID_ROLE))
        self.model.refresh()
        return True

    delete_selected = remove_selected


# ------------------------------------------------------------------ photos
class PhotosModel(QAbstractListModel):
    """Thumbnails of an activity's photos, captioned with the time they were taken."""

    def __init__(self, store: Store, activity_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.activity_id = activity_id
        self.rows: list[Any] = []
        self.pixmaps: dict[str, QPixmap] = {}
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        # A walkabout's GPX track is an attachment too, but it is shown on the route map, not here.
        self.rows = [a for a in self.store.attachments(activity_id=self.activity_id) if not is_route_file(a)]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def _pixmap(self, attachment) -> QPixmap:
        if attachment.id not in self.pixmaps:
            try:
                self.pixmaps[attachment.id] = QPixmap(str(self.store.thumbnail(attachment, size=256)))
            except (StoreError, OSError, ValueError) as error:
                logger.info("no thumbnail for %s: %s", attachment.filename, error)
                self.pixmaps[attachment.id] = QPixmap()
        return self.pixmaps[attachment.id]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        attachment = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return format_datetime(attachment.taken_at) or attachment.filename
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = self._pixmap(attachment)
            return (
                pixmap.scaled(
                    160, 160, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
                if not pixmap.isNull()
                else icon("photo")
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return attachment.caption or attachment.filename
        if role == ID_ROLE:
            return attachment.id
        return None


class PhotoPanel(QWidget):
    """Photos by file dialog or by dropping files on the panel."""

    def __init__(
        self, store: Store, activity_id: str, lang: str, dialogs: Dialogs, parent=None, deleter=None
    ):
        super().__init__(parent)
        self.store, self.activity_id, self.lang, self.dialogs = store, activity_id, lang, dialogs
        self.deleter = deleter
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.add_button = QPushButton(icon("photo"), self.tr("Add photos…"))
        self.add_button.clicked.connect(self.choose_files)
        row.addWidget(self.add_button)
        hint = QLabel(self.tr("or drop photos here"))
        hint.setEnabled(False)
        row.addWidget(hint)
        row.addStretch(1)
        layout.addLayout(row)
        self.model = PhotosModel(store, activity_id, self)
        self.view = QListView()
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setIconSize(QSize(160, 160))
        self.view.setGridSize(QSize(184, 200))
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setWordWrap(True)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Photos"))
        self.view.setAcceptDrops(False)
        self.view.doubleClicked.connect(lambda _index: self.open_selected())
        self.view.activated.connect(lambda _index: self.open_selected())
        layout.addWidget(self.view, 1)
        layout.addWidget(self._details())
        self.view.selectionModel().currentChanged.connect(lambda *_: self._show_details())
        self._show_details()
        QShortcut(
            QKeySequence.StandardKey.Delete, self.view, context=Qt.ShortcutContext.WidgetShortcut
        ).activated.connect(self.delete_selected)

    def _details(self) -> QWidget:
        """Caption and time of the selected photo (saved as typed), Open and Remove."""
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        caption_label = QLabel(self.tr("Caption:"))
        self.caption = QLineEdit()
        self.caption.setAccessibleName(self.tr("Caption of the photo"))
        caption_label.setBuddy(self.caption)
        self.caption.editingFinished.connect(self._save_details)
        self.taken = DateInput(Attachment.spec("taken_at"), with_time=True)
        self.taken.set_accessible(self.tr("When the photo was taken"))
        self.taken.edit.editingFinished.connect(self._save_details)
        if self.taken.check is not None:
            self.taken.check.toggled.connect(lambda _on: self._save_details())
        self.open_button = QPushButton(icon("open"), self.tr("Open"))
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button = QPushButton(icon("delete"), self.tr("Remove…"))
        self.remove_button.clicked.connect(self.delete_selected)
        row.addWidget(caption_label)
        row.addWidget(self.caption, 2)
        row.addWidget(QLabel(self.tr("Taken:")))
        row.addWidget(self.taken, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.remove_button)
        self.details_box = box
        return box

    def selected(self) -> Attachment | None:
        index = self.view.currentIndex()
        return (
            self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None
        )

    def _show_details(self) -> None:
        photo = self.selected()
        self.details_box.setEnabled(photo is not None)
        self.caption.setText(photo.caption or "" if photo else "")
        self.taken.set_value(photo.taken_at if photo else None)

    def _save_details(self) -> None:
        photo = self.selected()
        if photo is None:
            return
        caption = self.caption.text().strip() or None
        taken = self.taken.value()
        if caption == photo.caption and taken == photo.taken_at:
            return
        try:
            updated = self.store.update(Attachment, photo.id, caption=caption, taken_at=taken)
        except (ValidationError, StoreError) as error:
            self.dialogs.error(self, self.tr("Not saved"), error.message(self.lang))
            return
        row = self.view.currentIndex().row()
        self.model.rows[row] = updated
        index = self.model.index(row)
        self.model.dataChanged.emit(index, index)
        self.taken.set_value(updated.taken_at)

    def open_selected(self) -> bool:
        """Show the photo in the system's viewer (a copy under its own name: the notebook's file has none)."""
        photo = self.selected()
        if photo is None:
            return False
        try:
            source = self.store.attachment_file(photo)
            folder = Path(tempfile.gettempdir()) / "feltbog-photos" / (photo.sha256 or "x")[:16]
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / (Path(photo.filename or "photo").name or "photo")
            if not target.exists():
                shutil.copyfile(source, target)
        except (StoreError, OSError) as error:
            message = error.message(self.lang) if isinstance(error, StoreError) else str(error)
            self.dialogs.error(self, self.tr("Cannot open the photo"), message)
            return False
        return self.dialogs.open_url(QUrl.fromLocalFile(str(target)))

    def delete_selected(self) -> bool:
        """Remove the selected photo from the activity (asks first; Ctrl+Z brings it back)."""
        index = self.view.currentIndex()
        if not index.isValid() or self.deleter is None:
            return False
        if not self.deleter.delete(self, Attachment, index.data(ID_ROLE)):
            return False
        self.model.refresh()
        return True

    def choose_files(self) -> None:
        paths = self.dialogs.open_files(
            self,
            self.tr("Add photos"),
            self.tr("Images (*.jpg *.jpeg *.png *.heic *.tif *.tiff);;All files (*)"),
        )
        self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path]) -> int:
        imported, problems = 0, []
        for path in paths:
            try:
                self.store.import_attachment(path, activity_id=self.activity_id)
                imported += 1
            except (StoreError, ValidationError) as error:
                problems.append(error.message(self.lang))
        if imported:
            self.model.refresh()
        if problems:
            self.dialogs.error(self, self.tr("Some files were not added"), "\n".join(problems))
        return imported

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)


# ------------------------------------------------------------------ survey
class SurveyModel(QAbstractTableModel):
    """Statements down, answers across; a count edits in place and shows its share of the row."""

    COL_STATEMENT = 0
    ANSWERS = list(SurveyAnswer)
    COL_TOTAL = 1 + len(ANSWERS)

    def __init__(self, store: Store, activity_id: str, lang: str, parent=None):
        super().__init__(parent)
        self.store, self.activity_id, self.lang = store, activity_id, lang
        self.rows: list[tuple[SurveyItem, dict[SurveyAnswer, int]]] = []
        self._headers = [self.tr("Statement"), *(a.label(lang) for a in self.ANSWERS), self.tr("Total")]
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.rows = self.store.survey(self.activity_id)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2 + len(self.ANSWERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != self.COL_TOTAL:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        item, counts = self.rows[index.row()]
        column = index.column()
        total = sum(counts.values())
        if column == self.COL_STATEMENT:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
                return item.statement
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if column == self.COL_TOTAL:
            return str(total) if role == Qt.ItemDataRole.DisplayRole else None
        count = counts[self.ANSWERS[column - 1]]
        if role == Qt.ItemDataRole.EditRole:
            return count
        if role == Qt.ItemDataRole.DisplayRole:
            if not total:
                return str(count)
            percent = round(100 * count / total)
            return f"{count}\n{percent} %" if self.lang == "da" else f"{count}\n{percent}%"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == self.COL_TOTAL:
            return False
        item, counts = self.rows[index.row()]
        try:
            if index.column() == self.COL_STATEMENT:
                item = self.store.update(SurveyItem, item.id, statement=str(value))
            else:
                answer = self.ANSWERS[index.column() - 1]
                self.store.set_tally(item.id, answer, int(value))
                counts = dict(counts)
                counts[answer] = int(value)
        except (ValidationError, StoreError, ValueError):
            return False
        self.rows[index.row()] = (item, counts)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.COL_TOTAL))
        return True


class SurveyTable(QTableView):
    """Typing on a statement does not start editing it (F2 and double-click do)."""

    def edit(self, index, trigger=None, event=None):  # QAbstractItemView.edit, both overloads
        if trigger is None:
            return super().edit(index)
        if index.column() == SurveyModel.COL_STATEMENT and trigger in (
            QAbstractItemView.EditTrigger.AnyKeyPressed,
            QAbstractItemView.EditTrigger.SelectedClicked,
        ):
            return False
        return super().edit(index, trigger, event)


class SurveyPanel(QWidget):
    def __init__(self, store: Store, activity_id: str, lang: str, parent=None, deleter=None):
        super().__init__(parent)
        self.deleter = deleter
        store.ensure_survey(activity_id, lookups.notebook_language(store))  # the notebook's words
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(
            self.tr(
                "How many answered what? Type the counts; percentages follow. "
                "Double-click a statement to change its wording."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = SurveyModel(store, activity_id, lang, self)
        self.table = SurveyTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Survey"))
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        # Answer labels are long in Danish ("Hverken enig eller uenig"): narrow columns, wrapped headings.
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setMinimumHeight(header.fontMetrics().lineSpacing() * 3 + 8)
        header.setMinimumSectionSize(56)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultSectionSize(max(64, header.fontMetrics().horizontalAdvance("Uenig") + 16))
        header.setSectionResizeMode(SurveyModel.COL_STATEMENT, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Counts: typing a digit replaces the count. Statements: only F2 or a double-click edits
        # them, so tabbing along the row and typing never overwrites a statement by accident.
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        layout.addWidget(self.table, 1)
        QShortcut(
            QKeySequence.StandardKey.Delete, self.table, context=Qt.ShortcutContext.WidgetShortcut
        ).activated.connect(self.delete_selected)

    def delete_selected(self) -> bool:
        """Delete a statement and its counts (asks first; Ctrl+Z brings them back)."""
        index = self.table.currentIndex()
        if not index.isValid() or self.deleter is None:
            return False
        item, _counts = self.model.rows[index.row()]
        if not self.deleter.delete(self, SurveyItem, item.id):
            return False
        self.model.refresh()
        return True
