"""Start the desktop app: arguments, language, the notebook lock, first run, the main window."""

from __future__ import annotations

import argparse
import hashlib
import logging
import sqlite3
import sys
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

# The store (sqlite-utils and its plugins) is imported before Qt on purpose: once PySide6
# is loaded, its import hook inspects the source of every module imported after it.
from fieldapp import APP_NAME, __version__, keystore
from fieldapp.domain import i18n as vocabulary
from fieldapp.paths import config_dir, default_notebook, ensure, log_dir
from fieldapp.store import Store, StoreError
from fieldapp.store.errors import CorruptDatabaseError, ErasuresUnknownError, NotANotebookError

# isort: split
from PySide6.QtCore import QLockFile, QObject, QSettings, QThread, QTimer
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from fieldapp.store.backups import RestoreResult
    from fieldapp.ui.main_window import MainWindow
    from fieldapp.ui.maintenance import MaintenanceJob

from fieldapp.ui.crash import ErrorReporter, setup_logging
from fieldapp.ui.dialogs import Dialogs
from fieldapp.ui.formatting import format_datetime
from fieldapp.ui.icons import icon
from fieldapp.ui.translations import LANGUAGES, Translators, system_language

logger = logging.getLogger(__name__)

EXIT_OK, EXIT_ERROR, EXIT_LOCKED, EXIT_CANCELLED = 0, 1, 3, 4
DEMO_SIZE = 300
# The integrity check and the day's backup start this long after the window is up.
MAINTENANCE_DELAY_MS = 1500
# How many of the other backups the damaged-notebook question lists.
OTHERS_LISTED = 6


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="fieldapp", description=f"{APP_NAME} {__version__}")
    parser.add_argument("--db", type=Path, help="open this notebook file instead of the default one")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the app (da or en)")
    # For the start-up benchmark: print a time stamp and quit once the window is up and idle.
    parser.add_argument("--quit-when-idle", action="store_true", help=argparse.SUPPRESS)
    args, _qt_args = parser.parse_known_args(argv)
    return args


def app_settings() -> QSettings:
    return QSettings(str(ensure(config_dir()) / "feltbog.ini"), QSettings.Format.IniFormat)


class NotebookLock:
    """One instance per notebook: a ``QLockFile`` beside the database file."""

    def __init__(self, db_path: Path):
        self.path = db_path.with_name(db_path.name + ".lock")
        self.lock = QLockFile(str(self.path))
        self.lock.setStaleLockTime(0)  # only a dead owner makes the lock stale, never its age

    def acquire(self) -> bool:
        return self.lock.tryLock(0)

    def release(self) -> None:
        self.lock.unlock()


class Feltbog(QObject):
    """Owns what lives as long as the app: the store, its lock, translators and the main window."""

    def __init__(self, app: QApplication, settings: QSettings, dialogs: Dialogs, translators: Translators):
        super().__init__()
        self.app = app
        self.settings = settings
        self.dialogs = dialogs
        self.translators = translators
        self.store: Store | None = None
        self.lock: NotebookLock | None = None
        self.window: MainWindow | None = None
        self.maintenance: MaintenanceJob | None = None  # the job behind the window, while it runs
        self.maintenance_delay_ms = MAINTENANCE_DELAY_MS
        self.unclean_exit: bool | None = None  # the notebook was not closed cleanly last time

    @property
    def language(self) -> str:
        return self.translators.language

    def open_notebook(self, path: Path) -> int:
        """Lock and open ``path`` (asking how to start if it is new); an exit code on failure."""
        path = path.expanduser().resolve()
        ensure(path.parent)
        lock = NotebookLock(path)
        if not lock.acquire():
            logger.warning("notebook %s is locked by another instance", path)
            self.dialogs.error(
                None,
                self.tr("Feltbog is already open"),
                self.tr(
                    "This notebook is already open in another Feltbog window: %1\n"
                    "Switch to that window, or close it and try again."
                ).replace("%1", str(path)),
            )
            return EXIT_LOCKED
        is_new = not path.exists()
        choice: str | None = "empty"
        if is_new:
            choice = self.dialogs.first_run(None)
            if choice is None:
                lock.release()
                return EXIT_CANCELLED
        try:
            store = self.open_checked(path)
        except StoreError as error:
            lock.release()
            self.dialogs.error(None, self.tr("Cannot open the notebook"), error.message(self.language))
            return EXIT_ERROR
        if store is None:  # damaged, and the user chose not to restore now
            lock.release()
            return EXIT_CANCELLED
        if choice == "demo":
            from fieldapp.demo import build_demo

            build_demo(store, size=DEMO_SIZE)
        self.store, self.lock = store, lock
        return EXIT_OK

    def open_checked(self, path: Path) -> Store | None:
        """Open (and migrate) the notebook without waiting for a check or a copy.

        Those run behind the window (``start_maintenance``). Only a notebook SQLite
        cannot even open is caught here, and the newest backup with data offered.
        ``None`` when the notebook is damaged and the user declined the restore.
        """
        try:
            return Store.open(path)
        except NotANotebookError as error:
            from fieldapp.store import backups  # loaded when needed: not on the way to the window

            if not path.is_file() or not backups.list_backups(path):
                raise
            damage = CorruptDatabaseError(path=path, detail="the file header is unreadable")
            damage.__cause__ = error
        except CorruptDatabaseError as error:
            damage = error
        except sqlite3.DatabaseError as error:  # damage in the first pages it reads
            damage = CorruptDatabaseError(path=path, detail=str(error))
        return self.restore_damaged(path, damage)

    def restore_damaged(self, path: Path, damage: CorruptDatabaseError) -> Store | None:
        """Before any window: offer the newest backup with data; the restored notebook, or None."""
        logger.error("notebook %s is damaged: %s", path, damage)
        best = self.offer_restore(None, path, damage)
        if best is None:
            return None
        try:
            result = self._restore(None, path, best)
        except ErasuresUnknownError:
            return None  # the user chose not to restore without the erasures
        logger.info("restored %s from %s at start-up", path, result.restored_from)
        return Store.open(path)

    def offer_restore(self, parent, path: Path, error: StoreError) -> Path | None:
        """Ask whether to restore the newest backup that has data (listing the others); its path, or None."""
        from fieldapp.store import backups  # loaded when needed: not on the way to the window

        best = backups.newest_good_backup(path)
        if best is None:
            raise error
        others = [b for b in backups.list_backups(path) if b.path != best.path and b.usable]
        text = (
            error.message(self.language)
            + "\n\n"
            + self.tr(
                "The newest good backup is from %1 and holds %2 people and %3 activities. Restore it now?"
            )
            .replace("%1", format_datetime(best.taken_at, self.language))
            .replace("%2", str(best.counts.get("people", 0)))
            .replace("%3", str(best.counts.get("activities", 0)))
        )
        if others:
            from fieldapp.ui.backup_views import describe_backup

            lines = [f"• {describe_backup(b, self.language)}" for b in others[:OTHERS_LISTED]]
            text += (
                "\n\n"
                + self.tr("Other backups (choose one under Restore from backup… in the menu):")
                + "\n"
                + "\n".join(lines)
            )
        if not self.dialogs.ask(
            parent, self.tr("The notebook is damaged"), text, self.tr("Restore the backup")
        ):
            return None
        return best.path

    # ------------------------------------------------------- behind the window
    def _settings_key(self, name: str, path: Path | None = None) -> str:
        """Where the settings keep ``name`` for the notebook at ``path`` (default: the open one)."""
        if path is None:
            assert self.store is not None and self.store.path is not None
            path = self.store.path
        digest = hashlib.sha1(str(path).encode()).hexdigest()[:16]
        return f"notebooks/{digest}/{name}"

    def stop_maintenance(self) -> None:
        """Stop the check or copy behind the window (closing, restoring, switching notebooks)."""
        job, self.maintenance = self.maintenance, None
        if job is not None:
            job.stop()

    def schedule_maintenance(self) -> None:
        """Note that the notebook is open (an unclean exit leaves that note) and start the
        check and the day's copy once the window is up."""
        if self.store is None or self.store.path is None:
            return
        key = self._settings_key("open")
        if self.unclean_exit is None:  # once per run: later windows (language, restore) are no exit
            self.unclean_exit = bool(self.settings.value(key, False, type=bool))
        self.settings.setValue(key, True)
        QTimer.singleShot(self.maintenance_delay_ms, self.start_maintenance)

    def start_maintenance(self) -> None:
        from fieldapp.store import backups  # loaded when needed: not on the way to the window

        if self.store is None or self.store.path is None or self.maintenance is not None:
            return
        from fieldapp.ui.maintenance import MaintenanceJob

        path = self.store.path
        checked_key = self._settings_key("checked", path)
        check = bool(self.unclean_exit) or self.settings.value(checked_key, "") != date.today().isoformat()
        job = MaintenanceJob(path, check=check, backup=backups.daily_backup_due(path))
        job.checked.connect(lambda: self.settings.setValue(checked_key, date.today().isoformat()))
        job.damaged.connect(lambda detail: self.notebook_damaged(detail, path))
        job.backed_up.connect(lambda target: logger.info("daily backup written to %s", target))
        job.finished.connect(lambda: self._maintenance_finished(job))
        self.maintenance = job
        job.start(QThread.Priority.LowPriority)

    def _maintenance_finished(self, job) -> None:
        if self.maintenance is job:
            self.maintenance = None
        job.deleteLater()

    def notebook_damaged(self, detail: str, path: Path) -> None:
        """The background check found damage: offer the newest backup that has data."""
        if self.store is None or self.store.path != path:
            return  # another notebook is open by now
        error = CorruptDatabaseError(path=path, detail=detail)
        try:
            best = self.offer_restore(self.window, path, error)
        except StoreError:
            self.dialogs.error(self.window, self.tr("The notebook is damaged"), error.message(self.language))
            return
        if best is not None:
            self.restore_backup(best)

    def _restore(self, parent: QWidget | None, path: Path, backup: Path) -> RestoreResult:
        """``backups.restore``; when the erased people cannot be known (the notebook and its
        erasure ledger are unreadable) only after the user confirms."""
        from fieldapp.store import backups  # loaded when needed: not on the way to the window

        try:
            return backups.restore(path, backup)
        except ErasuresUnknownError as error:
            if not self.dialogs.confirm(parent, self.tr("Restore anyway?"), error.message(self.language)):
                raise
            return backups.restore(path, backup, accept_lost_erasures=True)

    def restore_backup(self, backup: Path) -> bool:
        """Close the store, restore ``backup`` over the notebook, reopen it and rebuild the window."""

        assert self.store is not None and self.store.path is not None
        path = self.store.path
        self.stop_maintenance()  # its copy or check reads the file about to be replaced
        old = self.window
        if old is not None:
            old.flush()
            old.save_layout()
        self.store.close()
        self.store = None
        try:
            result = self._restore(old, path, backup)
        except StoreError as error:
            self.dialogs.error(old, self.tr("Not restored"), error.message(self.language))
            result = None
        except OSError as error:
            self.dialogs.error(old, self.tr("Not restored"), error.strerror or str(error))
            result = None
        try:
            self.store = Store.open(path)
        except StoreError as error:
            self.dialogs.error(old, self.tr("Cannot open the notebook"), error.message(self.language))
            raise
        self.show_main_window()
        if old is not None:
            old.setProperty("replaced", True)
            old.close()
            old.deleteLater()
        if result is not None:
            assert self.window is not None  # show_main_window made it
            kept = result.safety_copy.name if result.safety_copy else ""
            self.window.statusBar().showMessage(
                self.tr("Restored. The notebook as it was is kept as %1.").replace("%1", kept), 10000
            )
        return result is not None

    def show_main_window(self) -> None:
        from fieldapp.ui.main_window import MainWindow

        assert self.store is not None
        window = self.window = MainWindow(self.store, self.settings, self.dialogs, self.language)
        window.languageChangeRequested.connect(self.switch_language)
        window.notebookRequested.connect(self.switch_notebook)
        window.restoreRequested.connect(self.restore_backup)
        window.show()
        if self.maintenance is None:
            self.schedule_maintenance()

    def switch_language(self, lang: str) -> None:
        """Remember the choice and rebuild the window in the new language (edits are flushed first)."""
        self.settings.setValue("language", lang)
        if lang == self.language:
            return
        old = self.window
        if old is not None:
            old.flush()
            old.save_layout()
        self.translators.apply(lang)
        self.show_main_window()
        if old is not None:
            old.setProperty("replaced", True)
            old.close()
            old.deleteLater()

    def switch_notebook(self, path: Path) -> bool:
        """File ▸ New/Open notebook: open ``path`` in a new window; on any refusal stay where we are."""
        old_window, old_store, old_lock = self.window, self.store, self.lock
        if old_store is not None and old_store.path == path.expanduser().resolve():
            return False
        if old_window is not None:
            old_window.flush()
            old_window.save_layout()
        self.store = self.lock = None
        if self.open_notebook(path) != EXIT_OK:  # locked elsewhere, damaged, cancelled: already said why
            self.store, self.lock = old_store, old_lock
            return False
        self.stop_maintenance()  # the old notebook's check or copy
        if old_store is not None and old_store.path is not None:
            self.settings.setValue(self._settings_key("open", old_store.path), False)
        self.unclean_exit = None  # asked again for the new notebook
        if old_window is not None:
            old_window.setProperty("replaced", True)
            old_window.close()  # saves and tidies up while its notebook is still open
            old_window.deleteLater()
        if old_store is not None:
            old_store.close()
        if old_lock is not None:
            old_lock.release()
        self.show_main_window()
        return True

    def shutdown(self) -> None:
        self.stop_maintenance()
        if self.window is not None:
            self.window.flush()
        if self.store is not None:
            if self.store.path is not None:
                self.settings.setValue(self._settings_key("open"), False)
            self.store.close()
            self.store = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def choose_language(requested: str | None, settings: QSettings) -> str:
    if requested in LANGUAGES:
        return requested
    stored = settings.value("language", "")
    return stored if stored in LANGUAGES else system_language()


def start(argv: list[str], *, dialogs: Dialogs | None = None) -> Feltbog | int:
    """Everything up to the main window shown; an exit code if it cannot get there."""
    args = parse_args(argv)
    app = _application()
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(icon("feltbog"))
    settings = app_settings()
    keystore.move_out_of_settings(settings)  # older versions kept the passphrase there in plain text
    translators = Translators(app)
    translators.apply(choose_language(args.lang, settings))
    controller = Feltbog(app, settings, dialogs or Dialogs(), translators)
    code = controller.open_notebook(args.db or default_notebook())
    if code != EXIT_OK:
        return code
    try:
        controller.show_main_window()
    except sqlite3.DatabaseError as error:  # damage the window's first queries ran into
        assert controller.store is not None and controller.store.path is not None
        path = controller.store.path
        if controller.window is not None:
            controller.window.setProperty("replaced", True)
            controller.window.close()
            controller.window.deleteLater()
            controller.window = None
        controller.store.close()
        controller.store = controller.restore_damaged(
            path, CorruptDatabaseError(path=path, detail=str(error))
        )
        if controller.store is None:
            controller.shutdown()
            return EXIT_CANCELLED
        controller.show_main_window()
    return controller


def _application() -> QApplication:
    """The running QApplication (tests make one first), else a new one."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    return QApplication([sys.argv[0] if sys.argv else APP_NAME])


def run_app(argv: list[str]) -> int:
    started = time.perf_counter()
    log_path = setup_logging(log_dir())
    logger.info("starting %s %s", APP_NAME, __version__)
    app = _application()
    reporter = ErrorReporter(log_path)
    reporter.install()
    result = start(argv)
    if isinstance(result, int):
        return result
    controller = result
    app.aboutToQuit.connect(controller.shutdown)
    if parse_args(argv).quit_when_idle:

        def report_idle() -> None:
            print(f"IDLE {time.time():.6f}", flush=True)
            app.quit()

        QTimer.singleShot(0, report_idle)
    logger.info("main window shown after %.0f ms", (time.perf_counter() - started) * 1000)
    code = app.exec()
    reporter.uninstall()
    return code


__all__ = ["Feltbog", "NotebookLock", "run_app", "start", "vocabulary"]
