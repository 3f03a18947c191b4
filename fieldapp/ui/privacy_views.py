"""Personal data review (keep until … / erase) and the change log of this laptop."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import BY_TABLE, ActivityKind, Observation, ValidationError
from fieldapp.store import Store, StoreError, lookups
from fieldapp.store.activity_log import CHANGED, CREATED, DELETED_KIND, ERASED_KIND, LogEntry, activity_log
from fieldapp.store.privacy import Mention, ReviewItem, due_for_review, erase_person, keep_until
from fieldapp.ui.formatting import format_date, format_datetime, qt_date_format
from fieldapp.ui.list_models import ID_ROLE, Column, RowsTableModel

OPENABLE = ("activities", "people", "areas", "actions")
# Link rows (an observation's theme, a tally) have an id, not a name, as their title.
LOOKS_LIKE_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def plain_table(model, accessible: str) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(accessible)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def erasure_question(store: Store, person) -> str:
    """The question before erasing a person: what goes, what stays (without the link), and that it is final.

    Asked by the personal data review and by the person editor's Erase button alike.
    """
    history = store.person_history(person.id)
    talks = sum(
        1 for a in history.activities if a.kind == ActivityKind.ONE_TO_ONE and a.person_id == person.id
    )
    taking_part = len(history.activities) - talks
    relations = len(lookups.relations_of(store, person.id))
    removed = [QCoreApplication.translate("ReviewDialog", "the person with contact and consent details")]
    if taking_part:
        removed.append(
            QCoreApplication.translate("ReviewDialog", "their part in %1 activities").replace(
                "%1", str(taking_part)
            )
        )
    if relations:
        removed.append(
            QCoreApplication.translate("ReviewDialog", "%1 relations to other people").replace(
                "%1", str(relations)
            )
        )
    if talks:
        removed.append(
            QCoreApplication.translate("ReviewDialog", "the notes of %1 1:1 talks about them").replace(
                "%1", str(talks)
            )
        )
    kept = []
    if history.observations:
        kept.append(
            QCoreApplication.translate("ReviewDialog", "%1 observations they raised").replace(
                "%1", str(len(history.observations))
            )
        )
    if history.actions:
        kept.append(
            QCoreApplication.translate("ReviewDialog", "%1 actions they own").replace(
                "%1", str(len(history.actions))
            )
        )
    lines = [
        QCoreApplication.translate("ReviewDialog", "Erase %1 for good? This cannot be undone.").replace(
            "%1", person.name or ""
        ),
        "",
        QCoreApplication.translate("ReviewDialog", "Removed: %1.").replace("%1", ", ".join(removed)),
    ]
    if kept:
        lines.append(
            QCoreApplication.translate("ReviewDialog", "Kept, without the link to them: %1.").replace(
                "%1", ", ".join(kept)
            )
        )
    lines.append(
        QCoreApplication.translate("ReviewDialog", "Colleagues' notebooks erase them too at their next sync.")
    )
    lines.append(
        QCoreApplication.translate(
            "ReviewDialog",
            "Backup copies and older sync files still hold them until they are replaced: most automatic "
            "copies within five weeks, the newest three of each kind and copies you made yourself only "
            "when they are deleted.",
        )
    )
    return "\n".join(lines)


class ReviewTableModel(RowsTableModel):
    COL_NAME, COL_REVIEW, COL_OVERDUE, COL_LAST_SEEN = range(4)

    def make_columns(self) -> list[Column]:
        return [
            Column(self.tr("Name"), lambda item: item.person.name or ""),
            Column(
                self.tr("Review date"),
                lambda item: format_date(item.person.review_after),
                lambda item: item.person.review_after.isoformat(),
            ),
            Column(
                self.tr("Days overdue"),
                lambda item: str(item.days_overdue),
                lambda item: item.days_overdue,
                align_right=True,
            ),
            Column(
                self.tr("Last seen"),
                lambda item: format_date(item.last_seen),
                lambda item: item.last_seen.isoformat() if item.last_seen else "",
            ),
        ]

    def row_id_of(self, item: ReviewItem) -> str:
        return item.person.id


class MentionsModel(RowsTableModel):
    COL_WHAT, COL_TEXT = range(2)

    def make_columns(self) -> list[Column]:
        return [
            Column(
                self.tr("Where"), lambda m: BY_TABLE[m.tbl].display_name() if m.tbl in BY_TABLE else m.tbl
            ),
            Column(self.tr("Text"), lambda m: m.title),
        ]

    def row_id_of(self, mention: Mention) -> str:
        return mention.row_id


class ReviewDialog(QDialog):
    """People whose review date has passed: keep them until a new date, or erase them."""

    open_record = Signal(str, str)
    changed = Signal()

    def __init__(
        self, store: Store, dialogs, lang: str, parent: QWidget | None = None, today: date | None = None
    ):
        super().__init__(parent)
        self.store, self.dialogs, self.lang = store, dialogs, lang
        self.today = today or date.today()
        self.setWindowTitle(self.tr("Personal data review"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "These people's review date has passed. Keep a person's data until a new date "
                "if there is still a reason to, or erase the person."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = ReviewTableModel(self)
        self.table = plain_table(self.model, self.tr("People due for review"))
        self.table.doubleClicked.connect(lambda index: self.open_record.emit("people", index.data(ID_ROLE)))
        layout.addWidget(self.table, 2)
        self.empty = QLabel(self.tr("Nobody is due for review."))
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.keep_button = QPushButton(self.tr("Keep until"))
        self.keep_date = QDateEdit()
        self.keep_date.setCalendarPopup(True)
        self.keep_date.setDisplayFormat(qt_date_format(lang))
        self.keep_date.setAccessibleName(self.tr("Keep until"))
        later = self.today + timedelta(days=365)
        self.keep_date.setDate(QDate(later.year, later.month, later.day))
        self.erase_button = QPushButton(self.tr("Erase person…"))
        self.keep_button.clicked.connect(self.keep_selected)
        self.erase_button.clicked.connect(self.erase_selected)
        row.addWidget(self.keep_button)
        row.addWidget(self.keep_date)
        row.addStretch(1)
        row.addWidget(self.erase_button)
        layout.addLayout(row)
        self.mentions_label = QLabel()
        self.mentions_label.setWordWrap(True)
        self.mentions = MentionsModel(self)
        self.mentions_table = plain_table(self.mentions, self.tr("Text that still mentions the name"))
        self.mentions_table.doubleClicked.connect(self._open_mention)
        layout.addWidget(self.mentions_label)
        layout.addWidget(self.mentions_table, 1)
        self.mentions_label.setVisible(False)
        self.mentions_table.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.resize(760, 520)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(due_for_review(self.store, self.today))
        self.empty.setVisible(self.model.rowCount() == 0)
        self._update_buttons()

    def select_person(self, person_id: str) -> bool:
        for row, item in enumerate(self.model.rows):
            if item.person.id == person_id:
                self.table.selectRow(row)
                return True
        return False

    def selected(self) -> ReviewItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _update_buttons(self, *_args) -> None:
        chosen = self.selected() is not None
        self.keep_button.setEnabled(chosen)
        self.erase_button.setEnabled(chosen)

    def keep_selected(self) -> bool:
        item = self.selected()
        if item is None:
            return False
        day = self.keep_date.date()
        try:
            keep_until(self.store, item.person.id, date(day.year(), day.month(), day.day()), today=self.today)
        except (ValidationError, StoreError) as error:
            self.dialogs.error(self, self.tr("Not saved"), error.message(self.lang))
            return False
        self.refresh()
        self.changed.emit()
        return True

    def erase_question(self, item: ReviewItem) -> str:
        return erasure_question(self.store, item.person)

    def erase_selected(self) -> bool:
        item = self.selected()
        if item is None:
            return False
        if not self.dialogs.confirm(
            self, self.tr("Erase person"), self.erase_question(item), self.tr("Erase")
        ):
            return False
        try:
            report = erase_person(self.store, item.person.id)
        except StoreError as error:
            self.dialogs.error(self, self.tr("Not erased"), error.message(self.lang))
            return False
        self.refresh()
        self.mentions.set_rows(report.mentions)
        shown = bool(report.mentions)
        self.mentions_label.setText(
            self.tr("%1 is erased. This text still mentions the name; open it to check it by hand:").replace(
                "%1", item.person.name or ""
            )
            if shown
            else self.tr("%1 is erased. No other text mentions the name.").replace(
                "%1", item.person.name or ""
            )
        )
        self.mentions_label.setVisible(True)
        self.mentions_table.setVisible(shown)
        self.changed.emit()
        return True

    def _open_mention(self, index: QModelIndex) -> None:
        mention = self.mentions.rows[index.row()]
        if mention.tbl in OPENABLE:
            self.open_record.emit(mention.tbl, mention.row_id)
        elif mention.tbl == "observations":
            observation = self.store.find(Observation, mention.row_id)
            if observation is not None:
                self.open_record.emit("activities", observation.activity_id)


class ChangeLogModel(RowsTableModel):
    """This laptop's saves, newest first, a page at a time (``fetchMore`` pages by hlc)."""

    COL_WHEN, COL_WHAT, COL_TITLE, COL_KIND, COL_FIELDS = range(5)
    PAGE = 100

    def __init__(self, store: Store, lang: str, parent=None):
        self.store, self.lang = store, lang
        super().__init__(parent)
        self.exhausted = False
        self._fetching = False

    def make_columns(self) -> list[Column]:
        return [
            Column(
                self.tr("When"),
                lambda e: format_datetime(e.at.replace(tzinfo=None), self.lang),
                lambda e: e.hlc,
            ),
            Column(self.tr("What"), lambda e: e.what(self.lang)),
            Column(self.tr("Title"), self.title_text),
            Column(self.tr("Change"), self.kind_label),
            Column(self.tr("Fields"), self.fields_text),
        ]

    def title_text(self, entry: LogEntry) -> str:
        if LOOKS_LIKE_ID.match(entry.title):
            return ""
        return entry.title or self.tr("(no longer in the notebook)")

    def kind_label(self, entry: LogEntry) -> str:
        return {
            CREATED: self.tr("created"),
            CHANGED: self.tr("changed"),
            DELETED_KIND: self.tr("deleted"),
            ERASED_KIND: self.tr("erased"),
        }.get(entry.kind, entry.kind)

    def fields_text(self, entry: LogEntry) -> str:
        if entry.kind != CHANGED:  # created rows have every field; deleted and erased ones none worth naming
            return ""
        cls = BY_TABLE.get(entry.tbl)
        names = []
        for name in entry.fields:
            try:
                names.append(cls.spec(name).label(self.lang) if cls else name)
            except (KeyError, LookupError, AttributeError):
                names.append(name)
        return ", ".join(names)

    def row_id_of(self, entry: LogEntry) -> str:
        return entry.row_id

    def reload(self) -> None:
        self.exhausted = False
        self._fetching = True  # no fetchMore from a view while the reset is still being signalled
        try:
            self.set_rows(activity_log(self.store, limit=self.PAGE))
        finally:
            self._fetching = False
        self.exhausted = not self.rows

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and not self.exhausted and bool(self.rows)

    def fetchMore(self, parent=QModelIndex()) -> None:
        # A view may ask for more while rows are being inserted; the page in hand comes first.
        if parent.isValid() or not self.rows or self._fetching:
            return
        page = activity_log(self.store, limit=self.PAGE, before_hlc=min(e.hlc for e in self.rows))
        if not page:
            self.exhausted = True
            return
        self._fetching = True
        try:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()
        finally:
            self._fetching = False

    def extra_data(self, entry: LogEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.UserRole:
            return entry.tbl
        return None


class ChangeLogDialog(QDialog):
    """What was changed on this laptop and when (field names only, never old values)."""

    open_record = Signal(str, str)

    def __init__(self, store: Store, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change log"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("What was saved on this laptop, newest first. Double-click a line to open the record.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = ChangeLogModel(store, lang, self)
        self.table = plain_table(self.model, self.tr("Change log"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.doubleClicked.connect(self._open)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.more_button = QPushButton(self.tr("Show older"))
        self.more_button.clicked.connect(self.show_older)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        row.addWidget(self.refresh_button)
        row.addStretch(1)
        row.addWidget(self.more_button)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 520)
        self.refresh()

    def refresh(self) -> None:
        self.model.reload()
        widths = (130, 120, 300, 130)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        self.more_button.setEnabled(self.model.canFetchMore())

    def show_older(self) -> None:
        self.model.fetchMore()
        self.more_button.setEnabled(self.model.canFetchMore())

    def _open(self, index: QModelIndex) -> None:
        entry = self.model.rows[index.row()]
        if entry.tbl in OPENABLE and entry.title:
            self.open_record.emit(entry.tbl, entry.row_id)
