"""The Sync dialog (folder, import, export) and the conflict inbox.

Sync runs on a ``QThread`` with its own ``Store`` opened on the notebook's path,
like the PDF export (an sqlite3 connection stays on the thread that opened it).
Cancel stops it at the next progress report, before anything is committed: an import
is one transaction that the sync service rolls back on any exception.
The passphrase is remembered only when the user ticks "remember", and then only in
the operating system's key store (``fieldapp.keystore``), never in the settings.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp import keystore
from fieldapp.domain import BY_TABLE, ValidationError
from fieldapp.domain.fields import FieldSpec
from fieldapp.store import Store, StoreError, changelog, conflicts
from fieldapp.store.lookups import record_title
from fieldapp.store.sync_state import catch_up_clock, imports_count
from fieldapp.sync.envelope import KdfParams
from fieldapp.sync.errors import MassDeleteError
from fieldapp.sync.service import SUFFIX, SyncSummary, export_file, import_file, sync_folder
from fieldapp.ui.formatting import format_iso
from fieldapp.ui.jobs import Cancelled, StoreJob

logger = logging.getLogger(__name__)

FOLDER, IMPORT, EXPORT = "folder", "import", "export"
PLACE_KEY = "sync/place"
MODE_KEY = "sync/mode"


@dataclass(frozen=True)
class SyncRequest:
    mode: str
    path: Path
    passphrase: str
    force: bool = False  # the user confirmed a file that deletes more than half of the notebook


def last_sync_local(store: Store) -> datetime | None:
    """The last export or import as local time, or None if this notebook never synced."""
    text = changelog.last_sync(store)
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().replace(tzinfo=None)


# Stages whose last report comes after the work is committed (an import's transaction,
# an export's file written): stopping there would call a finished change "cancelled".
COMMITTED_WHEN_DONE = frozenset({"merge", "write"})


class SyncJob(StoreJob):
    """Runs one export, import or folder sync with its own ``Store``; ``cancel()`` stops it."""

    progressed = Signal(str, int, int)

    def __init__(
        self, db_path: Path, request: SyncRequest, lang: str, kdf: KdfParams, parent: QObject | None = None
    ):
        super().__init__(db_path, lang, parent)
        self.request = request
        self.kdf = kdf

    def _progress(self, stage: str, done: int, total: int) -> None:
        self.progressed.emit(stage, done, total)
        if self.cancel_requested and not (stage in COMMITTED_WHEN_DONE and done >= total):
            raise Cancelled

    def perform(self, store: Store) -> SyncSummary | MassDeleteError:
        request = self.request
        if request.mode == FOLDER:
            return sync_folder(
                store,
                request.path,
                request.passphrase,
                progress=self._progress,
                kdf=self.kdf,
                force=request.force,
            )
        if request.mode == IMPORT:
            try:
                return import_file(
                    store, request.path, request.passphrase, progress=self._progress, force=request.force
                )
            except MassDeleteError as error:
                return error  # not a failure yet: the dialog asks whether that is intended
        return export_file(store, request.path, request.passphrase, progress=self._progress, kdf=self.kdf)


class SyncDialog(QDialog):
    """Choose a folder or a file, give the passphrase, run, and read what happened."""

    synced = Signal(object)  # the SyncSummary; None after a cancelled folder sync that had read files in
    open_inbox = Signal()  # the user wants to settle the conflicts now
    finished_run = Signal()  # after every run, successful, failed or cancelled (tests wait for it)
    job_started = Signal(object)  # the SyncJob (tests use it to press Cancel at a known moment)

    def __init__(
        self,
        store: Store,
        settings: QSettings,
        dialogs,
        lang: str,
        parent: QWidget | None = None,
        kdf: KdfParams = KdfParams(),
    ):
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.dialogs = dialogs
        self.lang = lang
        self.kdf = kdf
        self.job: SyncJob | None = None
        self.request: SyncRequest | None = None  # the running (or last) one
        self.summary: SyncSummary | None = None
        self._imports_before = 0
        self._close_when_stopped = False
        self.setWindowTitle(self.tr("Synchronise"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Exchange changes with colleagues through a shared folder or a sync file. "
                "Everyone must use the same passphrase."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.modes = QButtonGroup(self)
        self.folder_mode = QRadioButton(self.tr("Synchronise with a shared folder"))
        self.import_mode = QRadioButton(self.tr("Import a sync file"))
        self.export_mode = QRadioButton(self.tr("Export to a sync file"))
        for button, mode in (
            (self.folder_mode, FOLDER),
            (self.import_mode, IMPORT),
            (self.export_mode, EXPORT),
        ):
            button.setProperty("mode", mode)
            self.modes.addButton(button)
            layout.addWidget(button)

        form = QFormLayout()
        self.place = QLineEdit()
        self.place.setAccessibleName(self.tr("Folder or file"))
        self.choose = QPushButton(self.tr("Choose…"))
        self.choose.setAutoDefault(False)  # Enter is for the action, not for choosing again
        self.choose.clicked.connect(self.choose_place)
        row = QHBoxLayout()
        row.addWidget(self.place, 1)
        row.addWidget(self.choose)
        self.place_label = QLabel(self.tr("Folder"))
        form.addRow(self.place_label, row)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        form.addRow(self.tr("Passphrase"), self.passphrase)
        self.remember = QCheckBox(self.tr("Remember the passphrase on this computer"))
        self.key_note = QLabel()
        self.key_note.setWordWrap(True)
        self.key_note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.key_note.setEnabled(False)  # greyed: a remark, not a control
        self.key_note.setVisible(False)
        remembering = QVBoxLayout()
        remembering.setSpacing(2)
        remembering.addWidget(self.remember)
        remembering.addWidget(self.key_note)
        form.addRow("", remembering)
        layout.addLayout(form)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.outcome)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        self.inbox_button = buttons.addButton(
            self.tr("Open the conflicts"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.inbox_button.setAutoDefault(False)
        self.inbox_button.setVisible(False)
        self.inbox_button.clicked.connect(self.open_inbox)
        self.run_button = buttons.addButton(self.tr("Synchronise"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.run_button.setDefault(True)  # Enter, wherever the cursor is, runs the chosen action
        self.run_button.clicked.connect(self.run)
        self.cancel_button = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

        self._offer_remembering()
        mode = str(self.settings.value(MODE_KEY, FOLDER))
        {FOLDER: self.folder_mode, IMPORT: self.import_mode, EXPORT: self.export_mode}.get(
            mode, self.folder_mode
        ).setChecked(True)
        place = self.settings.value(PLACE_KEY)
        if isinstance(place, str) and mode == FOLDER:
            self.place.setText(place)
        self.modes.buttonToggled.connect(self._mode_changed)
        self._mode_changed()

    def _offer_remembering(self) -> None:
        """Fill in the remembered passphrase; without a key store, say why there is none."""
        if not keystore.available():
            self.remember.setChecked(False)
            self.remember.setEnabled(False)
            why = self.tr(
                "This computer has no key store in which the passphrase could be kept safely, "
                "so it is not remembered. Type it each time."
            )
            self.remember.setToolTip(why)
            self._note(why)
            return
        self.remember.setToolTip(self.tr("Kept in the computer's key store, never in a file."))
        stored = keystore.load()
        if stored:
            self.passphrase.setText(stored)
            self.remember.setChecked(True)

    def _note(self, text: str) -> None:
        self.key_note.setText(text)
        self.key_note.setVisible(bool(text))

    # ------------------------------------------------------------- choosing
    def mode(self) -> str:
        checked = self.modes.checkedButton()
        return checked.property("mode") if checked is not None else FOLDER

    def set_mode(self, mode: str) -> None:
        {FOLDER: self.folder_mode, IMPORT: self.import_mode, EXPORT: self.export_mode}[mode].setChecked(True)

    def action_name(self, mode: str) -> str:
        return {FOLDER: self.tr("Synchronise"), IMPORT: self.tr("Import"), EXPORT: self.tr("Export")}[mode]

    def _mode_changed(self, *_args) -> None:
        self.run_button.setText(self.action_name(self.mode()))
        self.run_button.setDefault(True)
        self.place_label.setText(self.tr("Folder") if self.mode() == FOLDER else self.tr("File"))
        self.place.clear()
        if self.mode() == FOLDER:
            place = self.settings.value(PLACE_KEY)
            if isinstance(place, str):
                self.place.setText(place)

    def choose_place(self) -> None:
        mode = self.mode()
        name_filter = self.tr("Feltbog sync files (*%1)").replace("%1", SUFFIX)
        if mode == FOLDER:
            chosen = self.dialogs.choose_folder(self, self.tr("Choose the shared folder"))
        elif mode == IMPORT:
            files = self.dialogs.open_files(self, self.tr("Choose the sync file"), name_filter)
            chosen = files[0] if files else None
        else:
            stem = self.store.path.stem if self.store.path else "feltbog"
            suggested = str(Path.home() / f"{stem} {datetime.now():%Y-%m-%d}{SUFFIX}")
            chosen = self.dialogs.save_file(self, self.tr("Save the sync file as"), suggested, name_filter)
        if chosen:
            self.place.setText(str(chosen))

    # ------------------------------------------------------------- running
    def run(self) -> bool:
        if self.job is not None:
            return False
        if self.store.path is None:
            self._show_error(self.tr("A notebook held only in memory cannot be synchronised."))
            return False
        mode = self.mode()
        if not self.place.text().strip():
            self.choose_place()
        text = self.place.text().strip()
        if not text:
            self._show_error(self.tr("Choose a folder or a file first."))
            return False
        passphrase = self.passphrase.text()
        if not passphrase:
            self._show_error(self.tr("Type the passphrase your team agreed on."))
            return False
        path = Path(text)
        if mode == EXPORT and path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        self._remember(passphrase)
        self.settings.setValue(MODE_KEY, mode)
        if mode == FOLDER:
            self.settings.setValue(PLACE_KEY, str(path))
        self.settings.sync()
        self._start(SyncRequest(mode, path, passphrase))
        return True

    def _start(self, request: SyncRequest) -> None:
        self.outcome.clear()
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self._running(True)
        self._imports_before = imports_count(self.store)
        self.request = request
        assert self.store.path is not None  # only a notebook file is synchronised
        job = SyncJob(self.store.path, request, self.lang, self.kdf, self)
        job.progressed.connect(self._show_progress)
        job.succeeded.connect(self._done)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        self.job = job
        self.job_started.emit(job)
        job.start()

    def _remember(self, passphrase: str) -> None:
        if not self.remember.isEnabled():
            return  # no key store: nothing is kept anywhere
        if not self.remember.isChecked():
            keystore.forget()
            self._note("")
        elif keystore.save(passphrase):
            self._note("")
        else:
            self._note(self.tr("The key store did not take the passphrase, so it is not remembered."))

    def _running(self, running: bool) -> None:
        self.run_button.setVisible(not running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        for widget in (
            self.folder_mode,
            self.import_mode,
            self.export_mode,
            self.place,
            self.choose,
            self.passphrase,
        ):
            widget.setEnabled(not running)

    def cancel(self) -> bool:
        """Stop the running sync at its next step; nothing of the file being read is kept."""
        if self.job is None:
            return False
        self.job.cancel()
        self.cancel_button.setEnabled(False)
        self.outcome.setStyleSheet("")
        self.outcome.setText(self.tr("Stopping the synchronisation …"))
        return True

    def _show_progress(self, _stage: str, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _finish_job(self) -> None:
        if self.job is not None:
            self.job.wait()
            self.job.deleteLater()
            self.job = None
        self.progress.setVisible(False)
        self._running(False)
        catch_up_clock(self.store)

    def summary_text(self, summary: SyncSummary, mode: str | None = None) -> str:
        """What happened, in plain words: what came in, what went out and where, what waits."""
        mode = mode or (self.request.mode if self.request else self.mode())
        lines = []
        if mode in (FOLDER, IMPORT):
            read = len(summary.files_imported)
            if summary.changes_in:
                lines.append(self.tr("%n change(s) came in", "", summary.changes_in) + self._from_files(read))
            elif mode == FOLDER:
                lines.append(self.tr("Nothing new from colleagues."))
            else:
                lines.append(self.tr("The file held nothing new for this notebook."))
        if mode in (FOLDER, EXPORT):
            if summary.files_written:
                written = summary.files_written[-1]
                lines.append(
                    self.tr("%n change(s) of yours went to", "", summary.changes_out)
                    + f" »{written.name}« "
                    + self.tr("in %1.").replace("%1", str(written.parent))
                )
            else:
                lines.append(self.tr("You had no new changes to send."))
        if summary.conflicts:
            lines.append(self.tr("%n conflict(s) wait for your choice.", "", summary.conflicts))
        if summary.failures:
            path, error = summary.failures[0]
            lines.append(
                self.tr("%n file(s) could not be read:", "", len(summary.failures))
                + f" »{path.name}«: {error.message(self.lang)}"
            )
        if summary.files_known_bad:
            lines.append(
                self.tr("%n damaged file(s) were skipped, as last time.", "", len(summary.files_known_bad))
            )
        return "\n".join(lines)

    def _from_files(self, read: int) -> str:
        return " " + self.tr("from %n file(s).", "", read) if read > 1 else "."

    def _done(self, outcome: SyncSummary | MassDeleteError) -> None:
        self._finish_job()
        if self._confirmed_mass_delete(outcome):
            return
        if isinstance(outcome, MassDeleteError):  # the user said no: the file stays out
            self.outcome.setStyleSheet("color: #b00020;")
            self.outcome.setText(self.tr("The file was not imported. Nothing was changed."))
            self._after_run()
            return
        summary = outcome
        self.summary = summary
        self.outcome.setStyleSheet("")
        self.outcome.setText(self.summary_text(summary))
        self.adjustSize()  # room for the summary, however many lines it has
        self.synced.emit(summary)
        self._offer_inbox()
        self._after_run()

    def _offer_inbox(self) -> None:
        waiting = len(conflicts.open_conflicts(self.store))
        self.inbox_button.setVisible(waiting > 0)
        if waiting:
            self.inbox_button.setText(self.tr("Open the conflicts (%n)", "", waiting))

    def _confirmed_mass_delete(self, outcome: SyncSummary | MassDeleteError) -> bool:
        """A file would delete more than half of the notebook: ask, and run again if meant.

        Happens when a colleague really cleared out an area, or when a file comes from a
        notebook that lost its data. Returns True when the sync was started again.
        """
        assert self.request is not None  # the run that ended
        refused = (
            [outcome]
            if isinstance(outcome, MassDeleteError)
            else [error for _path, error in outcome.failures if isinstance(error, MassDeleteError)]
        )
        if not refused or self.request.force or self._close_when_stopped:
            return False
        first = refused[0].params
        text = (
            self.tr(
                "The file '%1' would delete %2 of the %3 records in this notebook. That happens when a "
                "colleague has cleared out a lot, but also when a file comes from a notebook that lost "
                "its data. Import it anyway and delete them?"
            )
            .replace("%1", str(first.get("name", "")))
            .replace("%2", str(first.get("deleted", "")))
            .replace("%3", str(first.get("total", "")))
        )
        if len(refused) > 1:
            text += "\n" + self.tr(
                "%1 files would delete this much; the answer counts for all of them."
            ).replace("%1", str(len(refused)))
        if not self.dialogs.ask(
            self, self.tr("Delete many records?"), text, self.tr("Import and delete"), safe_default=True
        ):
            return False
        self._start(replace(self.request, force=True))
        return True

    def _failed(self, message: str) -> None:
        self._finish_job()
        if self._close_when_stopped:  # the user closed the dialog meanwhile: no error box
            logger.warning("sync failed after the dialog was closed: %s", message)
        else:
            self._show_error(message)
        self._after_run()

    def _cancelled(self) -> None:
        self._finish_job()
        self.outcome.setStyleSheet("")
        if imports_count(self.store) > self._imports_before:  # a folder sync had read some files in
            self.outcome.setText(
                self.tr(
                    "The synchronisation was cancelled. The files read in before that are kept; "
                    "the rest follows next time."
                )
            )
            self.synced.emit(None)
        else:
            self.outcome.setText(self.tr("The synchronisation was cancelled. Nothing was changed."))
        self._after_run()

    def _after_run(self) -> None:
        self.finished_run.emit()
        if self._close_when_stopped:
            self._close_when_stopped = False
            super().reject()

    def _show_error(self, message: str) -> None:
        self.outcome.setStyleSheet("color: #b00020;")
        self.outcome.setText(message)
        self.dialogs.error(self, self.tr("Not synchronised"), message)

    def shutdown(self) -> None:
        """The app is closing: stop a running sync and wait for its thread."""
        if self.job is not None:
            self.job.cancel()
            self.job.wait()

    def reject(self) -> None:
        """Close (Esc, the Close button, the window's ×); while a sync runs, ask to stop it first."""
        if self.job is None:
            super().reject()
            return
        if self._close_when_stopped:
            return  # already stopping; the dialog closes when the job has ended
        if self.dialogs.confirm(
            self,
            self.tr("Stop the synchronisation?"),
            self.tr(
                "The synchronisation is still running. Stop it and close? "
                "Nothing from the file being read is kept."
            ),
        ):
            self._close_when_stopped = True
            self.cancel()


def show_value(store: Store, spec: FieldSpec, value: Any, lang: str) -> str:
    """A field value as the user knows it: enum labels, yes/no, dates written the way the
    language writes them, and the title of a linked record instead of its id."""
    if value is None or value == "":
        return "—"
    if spec.kind == "enum" and spec.enum is not None:
        try:
            return spec.enum(value).label(lang)
        except ValueError:
            return str(value)
    if spec.kind == "bool":
        if value in (True, 1, "1", "true"):
            return QCoreApplication.translate("ConflictInbox", "Yes")
        return QCoreApplication.translate("ConflictInbox", "No")
    if spec.kind in ("date", "datetime") and isinstance(value, str):
        return format_iso(value, lang)
    if spec.kind == "ref" and spec.ref is not None and isinstance(value, str):
        return record_name(store, spec.ref, value, lang)
    return str(value)


def record_name(store: Store, tbl: str, row_id: str, lang: str) -> str:
    """A record's title; its kind ("Area") if it has none; "(deleted)" if it is gone."""
    title = record_title(store, tbl, row_id)
    if title is None:
        return QCoreApplication.translate("ConflictInbox", "(deleted)")
    cls = BY_TABLE[tbl]
    if not title:
        kind = cls.display_name(lang)
        return f"{kind[:1].upper()}{kind[1:]}"
    spec = next((spec for spec in cls.specs() if spec.name == cls.TITLE_FIELD), None)
    if spec is not None and spec.kind in ("enum", "ref"):  # a relation's kind, a theme link's theme
        return show_value(store, spec, title, lang)
    return title


COMBINABLE = frozenset({"text", "int", "float"})


class ConflictModel(QAbstractTableModel):
    """The open conflicts as rows: record, field, value in force, other values."""

    def __init__(self, store: Store, lang: str, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.lang = lang
        self.items: list[conflicts.Conflict] = []
        self._cells: list[list[str]] = []
        self._headers = [
            self.tr("Record"),
            self.tr("Field"),
            self.tr("Value in force"),
            self.tr("Other values"),
        ]

    def reload(self) -> None:
        self.beginResetModel()
        self.items = conflicts.open_conflicts(self.store)
        self._cells = [self._row(conflict) for conflict in self.items]
        self.endResetModel()

    def _row(self, conflict: conflicts.Conflict) -> list[str]:
        kind = BY_TABLE[conflict.tbl].display_name(self.lang)
        title = record_name(self.store, conflict.tbl, conflict.row_id, self.lang)

        def shown(value: Any) -> str:
            return show_value(self.store, conflict.spec, value, self.lang)

        return [
            f"{kind[:1].upper()}{kind[1:]}: {title}",
            conflict.label(self.lang),
            shown(conflict.current.value),
            " | ".join(shown(v.value) for v in conflict.others),
        ]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self._cells[index.row()][index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


class ConflictInbox(QDialog):
    """Open conflicts: pick one of the competing values or type a combined one."""

    changed = Signal()

    def __init__(self, store: Store, dialogs, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.dialogs = dialogs
        self.lang = lang
        self.model = ConflictModel(store, lang, self)
        self.setWindowTitle(self.tr("Conflicts"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The same field was changed on two laptops. The value in force is shown first; "
                "keep one of the values or type a combined one."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("No conflicts are waiting."))
        layout.addWidget(self.empty)

        form = QFormLayout()
        self.choices = QComboBox()
        self.choices.setAccessibleName(self.tr("Value to keep"))
        self.keep_button = QPushButton(self.tr("Keep this value"))
        self.keep_button.clicked.connect(self.keep_chosen)
        row = QHBoxLayout()
        row.addWidget(self.choices, 1)
        row.addWidget(self.keep_button)
        form.addRow(self.tr("Keep"), row)
        self.combined = QLineEdit()
        self.combined.setAccessibleName(self.tr("Combined value"))
        self.combined.setPlaceholderText(self.tr("Type a value that combines both"))
        self.combine_button = QPushButton(self.tr("Use this value"))
        self.combine_button.clicked.connect(self.use_combined)
        row = QHBoxLayout()
        row.addWidget(self.combined, 1)
        row.addWidget(self.combine_button)
        form.addRow(self.tr("Or combine"), row)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 420)
        self.refresh()

    @property
    def items(self) -> list[conflicts.Conflict]:
        return self.model.items

    def refresh(self) -> None:
        self.model.reload()
        self.table.resizeRowsToContents()
        self.empty.setVisible(not self.items)
        if self.items:
            self.table.selectRow(0)
        self._selected()

    def shown(self, conflict: conflicts.Conflict, value: Any) -> str:
        return show_value(self.store, conflict.spec, value, self.lang)

    def current(self) -> conflicts.Conflict | None:
        row = self.table.currentIndex().row()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _selected(self, *_args) -> None:
        conflict = self.current()
        self.choices.clear()
        self.combined.clear()
        for widget in (self.choices, self.keep_button):
            widget.setEnabled(conflict is not None)
        # Only text (and numbers) can be typed in combined; a date, a choice or a link is kept.
        combinable = conflict is not None and conflict.spec.kind in COMBINABLE
        for part in (self.combined, self.combine_button):
            part.setEnabled(combinable)
        self.combined.setPlaceholderText(
            self.tr("Type a value that combines both")
            if combinable or conflict is None
            else self.tr("Keep one of the values above")
        )
        if conflict is None:
            return
        for version in conflict.candidates:
            self.choices.addItem(self.shown(conflict, version.value), version)
        if conflict.spec.kind == "text":
            self.combined.setText(" / ".join(str(v.value) for v in conflict.candidates if v.value))

    def keep_chosen(self) -> bool:
        conflict = self.current()
        version = self.choices.currentData()
        if conflict is None or version is None:
            return False
        return self._settle(lambda: conflicts.pick(self.store, conflict, version))

    def use_combined(self) -> bool:
        conflict = self.current()
        if conflict is None:
            return False
        value = self.combined.text()
        return self._settle(lambda: conflicts.resolve(self.store, conflict, value))

    def _settle(self, settle) -> bool:
        try:
            settle()
        except (ValidationError, StoreError) as error:
            self.dialogs.error(self, self.tr("Not saved"), error.message(self.lang))
            return False
        self.refresh()
        self.changed.emit()
        return True
