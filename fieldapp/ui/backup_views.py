"""Restoring a notebook: the list of backup copies, and the question asked when a notebook is damaged."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QThread, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.store.backups import (
    BEFORE_IMPORT,
    BEFORE_MIGRATION,
    BEFORE_RESTORE,
    DAILY,
    MANUAL,
    BackupCancelled,
    BackupInfo,
    backup_file,
    list_backups,
)
from fieldapp.ui.formatting import error_sentence, format_count, format_datetime, is_expected
from fieldapp.ui.list_models import Column, RowsTableModel

logger = logging.getLogger(__name__)


def describe_backup(backup: BackupInfo, lang: str) -> str:
    """One line: when, which kind, how many people and activities."""
    model = BackupTableModel()
    return (
        QCoreApplication.translate("BackupTableModel", "%1, %2: %3 people, %4 activities")
        .replace("%1", format_datetime(backup.taken_at, lang))
        .replace("%2", model.kind_label(backup).lower())
        .replace("%3", format_count(backup.counts.get("people", 0), lang))
        .replace("%4", format_count(backup.counts.get("activities", 0), lang))
    )


class BackupTableModel(RowsTableModel):
    """Backup copies, newest first: when, why, what they hold, or why they cannot be used."""

    COL_TAKEN, COL_KIND, COL_PEOPLE, COL_ACTIVITIES, COL_OBSERVATIONS, COL_ACTIONS, COL_STATE = range(7)

    def make_columns(self) -> list[Column]:
        def count(table: str):
            return Column(
                "",
                lambda b: format_count(b.counts[table]) if table in b.counts else "",
                lambda b: b.counts.get(table, -1),
                align_right=True,
            )

        columns = [
            Column(self.tr("Taken"), lambda b: format_datetime(b.taken_at), lambda b: b.taken_at.isoformat()),
            Column(self.tr("Kind"), self.kind_label),
            count("people"),
            count("activities"),
            count("observations"),
            count("actions"),
            Column(self.tr("State"), self.state_text),
        ]
        for column, header in zip(
            columns[2:6],
            (self.tr("People"), self.tr("Activities"), self.tr("Observations"), self.tr("Actions")),
            strict=True,
        ):
            column.header = header
        return columns

    def state_text(self, backup: BackupInfo) -> str:
        """Usable, or why not (the store's reasons are short English notes: the known ones are translated)."""
        if backup.usable:
            return self.tr("Usable")
        known = {
            "not an SQLite database": self.tr("Not a database file"),
            "not a Feltbog notebook": self.tr("Not a Feltbog notebook"),
            "made by a newer version of Feltbog": self.tr("Made by a newer version of Feltbog"),
        }
        return known.get(backup.problem or "", self.tr("Damaged: %1").replace("%1", backup.problem or ""))

    def kind_label(self, backup: BackupInfo) -> str:
        return {
            DAILY: self.tr("Daily"),
            MANUAL: self.tr("Made by hand"),
            BEFORE_IMPORT: self.tr("Before an import"),
            BEFORE_MIGRATION: self.tr("Before an update"),
            BEFORE_RESTORE: self.tr("Before a restore"),
        }.get(backup.kind, backup.kind)

    def row_id_of(self, backup: BackupInfo) -> str:
        return str(backup.path)

    def extra_data(self, backup: BackupInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and not backup.usable:
            return QColor("#b00020")
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(backup.path)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and not self.rows[index.row()].usable:
            flags &= ~Qt.ItemFlag.ItemIsSelectable
        return flags


class BackupJob(QThread):
    """A copy by hand, on a thread of its own (the notebook stays usable meanwhile)."""

    done = Signal(Path)
    failed = Signal(str)

    def __init__(self, db_path: Path, folder: Path | None, lang: str, parent=None):
        super().__init__(parent)
        self.db_path, self.folder, self.lang = db_path, folder, lang
        self.cancel = threading.Event()

    def run(self) -> None:
        try:
            self.done.emit(backup_file(self.db_path, MANUAL, folder=self.folder, cancel=self.cancel))
        except BackupCancelled:
            pass
        except Exception as error:
            if not is_expected(error):
                logger.exception("backup of %s failed", self.db_path)
            self.failed.emit(error_sentence(error, self.lang))


class RestoreDialog(QDialog):
    """Lists the notebook's backup copies; "Restore" emits ``restore_chosen`` with the copy's path.

    The dialog does not restore by itself: the app closes its store first, then restores
    and reopens (``Feltbog.restore_backup``).
    """

    restore_chosen = Signal(Path)

    def __init__(
        self, db_path: Path, dialogs, lang: str, parent: QWidget | None = None, backup_dir: Path | None = None
    ):
        super().__init__(parent)
        self.db_path = db_path
        self.dialogs = dialogs
        self.lang = lang
        self.setWindowTitle(self.tr("Restore from backup"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose the copy to go back to. The notebook as it is now is kept as a copy "
                "first, so nothing is lost; people erased since the copy stay erased."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.backup_dir = backup_dir
        self.model = BackupTableModel(self)
        # Compressed copies tell their counts in their header; a damaged one is found
        # (and refused) when it is restored, not by reading every copy whole here.
        self.model.set_rows(list_backups(db_path, backup_dir))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Backup copies"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setShowGrid(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.choose())
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("There are no backup copies of this notebook yet."))
        self.empty.setVisible(self.model.rowCount() == 0)
        layout.addWidget(self.empty)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Backup status"))
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.backup_button = QPushButton(self.tr("Back up now"))
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.backup_button.clicked.connect(self.back_up_now)
        self.job: BackupJob | None = None
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setEnabled(False)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.choose)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.resize(820, 380)

    def back_up_now(self) -> None:
        """Take a copy by hand in the background; the list shows it when it is written."""
        if self.job is not None:
            return
        self.backup_button.setEnabled(False)
        self.status.setText(self.tr("Making a backup copy…"))
        self.job = BackupJob(self.db_path, self.backup_dir, self.lang, self)
        self.job.done.connect(self._backed_up)
        self.job.failed.connect(
            lambda text: self.status.setText(self.tr("No backup made: %1").replace("%1", text))
        )
        self.job.finished.connect(self._job_finished)
        self.job.start()

    def _backed_up(self, path: Path) -> None:
        self.model.set_rows(list_backups(self.db_path, self.backup_dir))
        self.empty.setVisible(self.model.rowCount() == 0)
        self.status.setText(self.tr("Backup saved: %1").replace("%1", path.name))
        rows = [n for n, b in enumerate(self.model.rows) if b.path == path]
        if rows:
            self.select_row(rows[0])

    def _job_finished(self) -> None:
        self.job = None
        self.backup_button.setEnabled(True)

    def done(self, result: int) -> None:
        if self.job is not None:  # closing stops the copy; it leaves nothing behind
            self.job.cancel.set()
            self.job.wait(10_000)
        super().done(result)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _selection_changed(self, *_args) -> None:
        backup = self.selected()
        self.restore_button.setEnabled(backup is not None and backup.usable)

    def choose(self) -> None:
        backup = self.selected()
        if backup is None or not backup.usable:
            return
        question = self.tr(
            "Go back to the copy from %1?\n\nChanges made since then are not in that copy; "
            "the notebook as it is now is kept as a copy of its own."
        ).replace("%1", format_datetime(backup.taken_at, self.lang))
        if not self.dialogs.confirm(self, self.tr("Restore from backup"), question):
            return
        self.restore_chosen.emit(backup.path)
        self.accept()
