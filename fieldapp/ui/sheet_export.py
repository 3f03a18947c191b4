"""File ▸ Export spreadsheet…: the options dialog and the export on a background thread.

The workbook (or the CSV files) is written by ``fieldapp.reports.spreadsheet`` on a
``StoreJob`` with its own connection, to a temporary file renamed into place, so the window
stays usable and a failed or cancelled export leaves nothing behind.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QUrl, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import Area
from fieldapp.reports.spreadsheet import csv_name, sheets, write_csv, write_xlsx
from fieldapp.store import Store
from fieldapp.store.outputs import refuse_unsafe_output, replacing
from fieldapp.store.tabular import Scope
from fieldapp.ui.formatting import format_date
from fieldapp.ui.jobs import Cancelled, StoreJob
from fieldapp.ui.report_export import (
    WARNING_STYLE,
    file_stem,
    language_choice,
    optional_date_row,
    to_date,
)

logger = logging.getLogger(__name__)
XLSX, CSV = "xlsx", "csv"


@dataclass(frozen=True)
class SheetChoice:
    lang: str = "da"
    internal: bool = False
    area_id: str | None = None
    start: date | None = None
    end: date | None = None
    format: str = XLSX

    def scope(self) -> Scope:
        return Scope(self.area_id, self.start, self.end)


class SheetOptionsDialog(QDialog):
    def __init__(self, store: Store, lang: str, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        today = today or date.today()
        self.setWindowTitle(self.tr("Export spreadsheet"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.area = QComboBox()
        self.area.addItem(self.tr("All areas"), None)
        for area in store.list(Area):
            self.area.addItem(area.name or "", area.id)
        form.addRow(self.tr("Area"), self.area)
        self.start_on, self.start = optional_date_row(form, self.tr("From"), date(today.year, 1, 1))
        self.end_on, self.end = optional_date_row(form, self.tr("To"), today)
        self.format = QComboBox()
        self.format.addItem(self.tr("Excel workbook (.xlsx), one sheet per kind"), XLSX)
        self.format.addItem(self.tr("CSV files for Danish Excel (;), one per kind"), CSV)
        form.addRow(self.tr("Format"), self.format)
        self.language = language_choice(lang)
        form.addRow(self.tr("Language of the headers"), self.language)
        self.internal = QCheckBox(self.tr("Internal (names everyone, with contact details and 1:1 talks)"))
        self.warning = QLabel(
            self.tr(
                "Everything is included: names of people who have not agreed to be named, phone numbers, "
                "e-mails, consent and the content of 1:1 talks. Every sheet is marked Internal. Do not pass "
                "it on outside the municipality."
            )
        )
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)  # legible in light and dark mode alike
        self.warning.setVisible(False)
        self.internal.toggled.connect(self.warning.setVisible)
        self.internal.toggled.connect(lambda _on: self.adjustSize())
        form.addRow("", self.internal)
        form.addRow("", self.warning)
        note = QLabel(
            self.tr(
                "Without Internal, the same rules as the council report apply: names only with consent, "
                "no 1:1 content, counts under 5 people shown as 'under 5'."
            )
        )
        note.setWordWrap(True)
        note.setEnabled(False)
        form.addRow("", note)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def choice(self) -> SheetChoice:
        return SheetChoice(
            lang=self.language.currentData(),
            internal=self.internal.isChecked(),
            area_id=self.area.currentData(),
            start=to_date(self.start.date()) if self.start_on.isChecked() else None,
            end=to_date(self.end.date()) if self.end_on.isChecked() else None,
            format=self.format.currentData(),
        )


def export_sheets(
    store: Store, choice: SheetChoice, target: Path, check_cancel=lambda: None
) -> dict[str, int]:
    """Write the workbook to ``target`` (xlsx) or one CSV per sheet into the folder ``target``.

    Each file is written beside its target and renamed into place; nothing is written over
    the notebook or any other SQLite file."""
    built = sheets(store, choice.scope(), lang=choice.lang, internal=choice.internal)
    if choice.format == XLSX:
        with replacing(refuse_unsafe_output(target, store.path)) as temporary:
            return write_xlsx(built, temporary, lang=choice.lang, internal=choice.internal).sheets
    counts = {}
    target.mkdir(parents=True, exist_ok=True)
    for sheet in built:
        check_cancel()
        path = refuse_unsafe_output(target / csv_name(sheet, choice.lang), store.path)
        with replacing(path) as temporary:
            counts[sheet.name[choice.lang]] = write_csv(
                sheet, temporary, lang=choice.lang, internal=choice.internal
            )
    return counts


class SheetJob(StoreJob):
    def __init__(self, db_path: Path, choice: SheetChoice, target: Path, lang: str, parent=None):
        super().__init__(db_path, lang, parent)
        self.choice = choice
        self.target = target

    def _check(self) -> None:
        if self.cancel_requested:
            raise Cancelled

    def perform(self, store: Store) -> object:
        return export_sheets(store, self.choice, self.target, self._check)


class SheetExporter(QObject):
    """File ▸ Export spreadsheet: options, a file or folder name, the job, and "open it"."""

    finished = Signal(object)  # the output path, or None

    def __init__(self, store: Store, dialogs, lang: str, parent: QWidget):
        super().__init__(parent)
        self.store = store
        self.dialogs = dialogs
        self.lang = lang
        self.parent_widget = parent
        self.job: SheetJob | None = None

    def export(self, choice: SheetChoice | None = None) -> bool:
        if self.store.path is None or (self.job is not None and self.job.isRunning()):
            return False
        if choice is None:
            dialog = SheetOptionsDialog(self.store, self.lang, self.parent_widget)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            choice = dialog.choice()
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        stem = f"{file_stem(self.tr('Feltbog'))} {format_date(date.today(), choice.lang)}"
        if choice.format == XLSX:
            chosen = self.dialogs.save_file(
                self.parent_widget,
                self.tr("Save the spreadsheet as"),
                str(Path(documents or Path.home()) / f"{stem}.xlsx"),
                self.tr("Excel workbooks (*.xlsx)"),
            )
            if not chosen:
                return False
            target = Path(chosen)
            if target.suffix.lower() != ".xlsx":
                target = target.with_name(target.name + ".xlsx")
        else:
            folder = self.dialogs.choose_folder(self.parent_widget, self.tr("Folder for the CSV files"))
            if not folder:
                return False
            target = Path(folder)
        job = SheetJob(self.store.path, choice, target, self.lang, self)
        job.succeeded.connect(lambda counts: self._done(target, counts))
        job.failed.connect(self._failed)
        job.cancelled.connect(lambda: self.finished.emit(None))
        self.job = job
        job.start()
        return True

    def shutdown(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job.wait()

    def _done(self, target: Path, counts: dict[str, int]) -> None:
        if self.job is not None:
            self.job.wait()
        rows = sum(counts.values())
        text = self.tr("%n row(s) written to %1.", "", rows).replace("%1", str(target))
        if self.dialogs.ask(self.parent_widget, self.tr("Spreadsheet ready"), text, self.tr("Open it")):
            self.dialogs.open_url(QUrl.fromLocalFile(str(target)))
        self.finished.emit(target)

    def _failed(self, sentence: str) -> None:
        if self.job is not None:
            self.job.wait()
        self.dialogs.error(self.parent_widget, self.tr("Export spreadsheet"), sentence)
        self.finished.emit(None)
