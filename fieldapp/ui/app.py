"""Start the desktop app: arguments, language, the notebook lock, first run, the main window."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

# The store (sqlite-utils and its plugins) is imported before Qt on purpose: once PySide6
# is loaded, its import hook inspects the source of every module imported after it.
from fieldapp import APP_NAME, __version__, keystore
from fieldapp.domain import i18n as vocabulary
from fieldapp.paths import config_dir, default_notebook, ensure, log_dir
from fieldapp.store import Store, StoreError, backups
from fieldapp.store.errors import CorruptDatabaseError, ErasuresUnknownError

# isort: split
from PySide6.QtCore import QLockFile, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from fieldapp.ui.main_window import MainWindow

from fieldapp.ui.crash import ErrorReporter, setup_logging
from fieldapp.ui.dialogs import Dialogs
from fieldapp.ui.formatting import format_datetime
from fieldapp.ui.icons import icon
from fieldapp.ui.translations import LANGUAGES, Translators, system_language

logger = logging.getLogger(__name__)

EXIT_OK, EXIT_ERROR, EXIT_LOCKED, EXIT_CANCELLED = 0, 1, 3, 4
DEMO_SIZE = 300


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
        """Open with ``quick_check`` and the day's backup; offer the newest good copy if it is damaged.

        ``None`` when the notebook is damaged and the user declined the restore.
        """
        try:
            return backups.open_notebook(path)
        except CorruptDatabaseError as error:
            logger.error("notebook %s is damaged: %s", path, error)
            best = backups.newest_good_backup(path)
            if best is None:
                raise
            counts = best.counts
            text = (
                error.message(self.language)
                + "\n\n"
                + self.tr(
                    "The newest good backup is from %1 and holds %2 people and %3 activities. Restore it now?"
                )
                .replace("%1", format_datetime(best.taken_at, self.language))
                .replace("%2", str(counts.get("people", 0)))
                .replace("%3", str(counts.get("activities", 0)))
            )
            if not self.dialogs.ask(
                None, self.tr("The notebook is damaged"), text, self.tr("Restore the backup")
            ):
                return None
            try:
                result = self._restore(None, path, best.path)
            except ErasuresUnknownError:
                return None  # the user chose not to restore without the erasures
            logger.info("restored %s from %s at start-up", path, result.restored_from)
            return backups.open_notebook(path)

    def _restore(self, parent: QWidget | None, path: Path, backup: Path) -> backups.RestoreResult:
        """``backups.restore``; when the erased people cannot be known (the notebook and its
        erasure ledger are unreadable) only after the user confirms."""
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
            self.store = backups.open_notebook(path)
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
        if self.window is not None:
            self.window.flush()
        if self.store is not None:
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
