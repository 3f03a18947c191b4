"""Export PDF reports from the UI: the options dialog, a worker thread, progress and "open it".

The report is made on a ``QThread`` with its own ``Store`` opened on the notebook's
path (an sqlite3 connection must stay on the thread that opened it). The reports'
progress callback reports each stage and raises ``Cancelled`` once the user pressed
Cancel; the report module then writes nothing.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QObject, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from fieldapp.reports import (
    ReportOptions,
    export_activity_report,
    export_area_report,
    export_person_report,
)
from fieldapp.store import Store
from fieldapp.store.privacy import write_access_export
from fieldapp.ui.formatting import format_date, qt_date_format
from fieldapp.ui.jobs import Cancelled, StoreJob

logger = logging.getLogger(__name__)

ACTIVITY, AREA, PERSON, ACCESS = "activity", "area", "person", "access"
WARNING_STYLE = (
    "QLabel { color: #5f0010; background: #fde7e9; border: 1px solid #d0303f;"
    " border-radius: 4px; padding: 6px 8px; font-weight: bold; }"
)
Work = Callable[[Store, Callable[[int, int, str], None]], Any]


@dataclass(frozen=True)
class ReportChoice:
    """What the user chose in the options dialog."""

    lang: str = "da"
    internal: bool = False
    start: date | None = None
    end: date | None = None

    def options(self) -> ReportOptions:
        return ReportOptions(lang=self.lang, internal=self.internal)


def to_date(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


def language_choice(lang: str) -> QComboBox:
    """Dansk / English for what is written, starting at the language of the moment."""
    box = QComboBox()
    box.addItem("Dansk", "da")
    box.addItem("English", "en")
    box.setCurrentIndex(0 if lang == "da" else 1)
    return box


def optional_date_row(form: QFormLayout, label: str, initial: date) -> tuple[QCheckBox, QDateEdit]:
    """A date that counts only when ticked (an open-ended period): the tick box and the date."""
    on = QCheckBox()
    on.setAccessibleName(label)
    edit = QDateEdit(QDate(initial.year, initial.month, initial.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(qt_date_format())
    edit.setAccessibleName(label)
    edit.setEnabled(False)
    on.toggled.connect(edit.setEnabled)
    row = QHBoxLayout()
    row.addWidget(on)
    row.addWidget(edit)
    row.addStretch(1)
    form.addRow(label, row)
    return on, edit


class ReportOptionsDialog(QDialog):
    """Language, internal or public, and (for an area report) the period."""

    def __init__(self, kind: str, lang: str, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.kind = kind
        self.setWindowTitle(self.tr("Export PDF"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = language_choice(lang)
        form.addRow(self.tr("Language of the report"), self.language)
        self.internal = QCheckBox(self.tr("Internal report (names everyone)"))
        self.warning = QLabel(
            self.tr(
                "The names of all people will be shown, also of those who have not agreed to be named, "
                "and every page is marked Internal. Do not pass it on outside the municipality."
            )
        )
        self.warning.setWordWrap(True)
        # Its own background and text colour: a red text alone is unreadable on a dark window.
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setVisible(False)
        self.internal.toggled.connect(self.warning.setVisible)
        self.internal.toggled.connect(lambda _on: self.adjustSize())
        if kind != ACCESS:  # a right-of-access copy is for the person it is about
            form.addRow("", self.internal)
            form.addRow("", self.warning)
        self.start = self.end = None
        if kind == AREA:
            today = today or date.today()
            self.start_on, self.start = optional_date_row(form, self.tr("From"), date(today.year, 1, 1))
            self.end_on, self.end = optional_date_row(form, self.tr("To"), today)
            note = QLabel(self.tr("Leave a date unticked to include everything before or after."))
            note.setWordWrap(True)
            note.setEnabled(False)
            form.addRow("", note)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def choice(self) -> ReportChoice:
        start = to_date(self.start.date()) if self.start is not None and self.start_on.isChecked() else None
        end = to_date(self.end.date()) if self.end is not None and self.end_on.isChecked() else None
        internal = self.internal.isChecked() and self.kind != ACCESS
        return ReportChoice(self.language.currentData(), internal, start, end)


class ReportJob(StoreJob):
    """Runs ``work(store, progress)`` as a background job; Cancel stops it between stages."""

    progressed = Signal(int, int, str)

    def __init__(self, db_path: Path, work: Work, lang: str, parent: QObject | None = None):
        super().__init__(db_path, lang, parent)
        self.work = work

    def _progress(self, step: int, steps: int, message: str) -> None:
        if self.cancel_requested:
            raise Cancelled
        self.progressed.emit(step, steps, message)

    def perform(self, store: Store) -> object:
        self._progress(0, 4, "")
        result = self.work(store, self._progress)
        if self.cancel_requested:  # cancelled after the last stage: the file is already whole
            logger.info("report finished although cancelled late: %s", result)
        return result


def file_stem(text: str) -> str:
    """A file name from a title: no path separators or characters Windows refuses."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", text)
    return " ".join(cleaned.split())[:80] or "Feltbog"


class ReportExporter(QObject):
    """Asks for options and a file name, runs the export off the GUI thread, offers to open it."""

    finished = Signal(object)  # the output path, or None when cancelled or failed
    job_started = Signal(object)  # the ReportJob (tests use it to press Cancel at a known moment)

    def __init__(self, store: Store, dialogs, lang: str, parent: QWidget):
        super().__init__(parent)
        self.store = store
        self.dialogs = dialogs
        self.lang = lang
        self.parent_widget = parent
        self.job: ReportJob | None = None
        self.progress: QProgressDialog | None = None

    # ------------------------------------------------------------- the four exports
    def export_activity(self, activity_id: str, title: str) -> bool:
        return self._export(
            ACTIVITY, title, lambda s, c, out, p: export_activity_report(s, activity_id, out, c.options(), p)
        )

    def export_area(self, area_id: str, name: str) -> bool:
        return self._export(
            AREA,
            name,
            lambda s, c, out, p: export_area_report(s, area_id, out, c.start, c.end, c.options(), p),
        )

    def export_person(self, person_id: str) -> bool:
        return self._export(
            PERSON,
            self.tr("Personal data"),
            lambda s, c, out, p: export_person_report(s, person_id, out, c.options(), p),
        )

    def export_access(self, person_id: str) -> bool:
        """Right of access: the person report as PDF and everything as JSON beside it."""

        def work(store, choice, out, progress):
            result = export_person_report(store, person_id, out, choice.options(), progress)
            write_access_export(store, person_id, Path(out).with_suffix(".json"))
            return result

        return self._export(ACCESS, self.tr("Right of access"), work)

    # ------------------------------------------------------------- running one
    def _export(self, kind: str, title: str, make: Callable[..., Any]) -> bool:
        if self.store.path is None:
            self.dialogs.error(
                self.parent_widget,
                self.tr("Export PDF"),
                self.tr("A notebook held only in memory cannot be exported."),
            )
            return False
        if self.job is not None and self.job.isRunning():
            return False
        choice = self.dialogs.report_options(self.parent_widget, kind, self.lang)
        if choice is None:
            return False
        documents = QStandardPaths.StandardLocation.DocumentsLocation
        folder = QStandardPaths.writableLocation(documents) or str(Path.home())
        suggested = Path(folder) / f"{file_stem(title)} {format_date(date.today(), choice.lang)}.pdf"
        target = self.dialogs.save_file(
            self.parent_widget, self.tr("Save the PDF as"), str(suggested), self.tr("PDF documents (*.pdf)")
        )
        if not target:
            return False
        output = Path(target)
        if output.suffix.lower() != ".pdf":
            output = output.with_name(output.name + ".pdf")
        job = ReportJob(
            self.store.path, lambda store, progress: make(store, choice, output, progress), self.lang, self
        )
        progress = QProgressDialog(self.tr("Making the PDF …"), self.tr("Cancel"), 0, 4, self.parent_widget)
        progress.setWindowTitle(self.tr("Export PDF"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        progress.canceled.connect(job.cancel)
        job.progressed.connect(lambda step, steps, text: self._show_step(progress, step, steps, text))
        job.succeeded.connect(lambda result: self._done(output, result))
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        self.job, self.progress = job, progress
        self.job_started.emit(job)
        job.start()
        return True

    def shutdown(self) -> None:
        """Cancel a running export and wait for its thread (the window is closing)."""
        if self.job is not None:
            self.job.cancel()
            self.job.wait()

    @staticmethod
    def _show_step(progress: QProgressDialog, step: int, steps: int, text: str) -> None:
        progress.setMaximum(steps)
        progress.setValue(step)
        if text:
            progress.setLabelText(text)

    def _close_progress(self) -> None:
        if self.job is not None:
            self.job.wait()
            self.job.deleteLater()
            self.job = None
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _done(self, output: Path, result: Any) -> None:
        self._close_progress()
        pages = getattr(result, "pages", 0)
        text = (
            self.tr("The PDF was saved as %1 (%2 pages).")
            .replace("%1", str(output))
            .replace("%2", str(pages))
        )
        if self.dialogs.ask(self.parent_widget, self.tr("PDF ready"), text, self.tr("Open the PDF")):
            self.dialogs.open_url(QUrl.fromLocalFile(str(output)))
        self.finished.emit(output)

    def _failed(self, message: str) -> None:
        self._close_progress()
        self.dialogs.error(self.parent_widget, self.tr("The PDF was not made"), message)
        self.finished.emit(None)

    def _cancelled(self) -> None:
        self._close_progress()
        self.finished.emit(None)
