"""What runs behind the main window once it is up: the integrity check and the day's backup.

Neither may keep the user waiting, so both run on a thread of their own with
connections of their own (a WAL reader never blocks the app's writes): first
the leftovers of killed copies are removed, then ``quick_check`` runs when it is
due (once a day, or after an unclean shutdown), then the daily copy is taken when
it is due. Closing the app cancels the job; a cancelled copy leaves nothing behind.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from fieldapp.store import backups

logger = logging.getLogger(__name__)


class MaintenanceJob(QThread):
    """``damaged(detail)`` when the check finds damage; ``checked()`` when it found none;
    ``backed_up(path)`` after the daily copy; ``failed(detail)`` when the copy failed."""

    damaged = Signal(str)
    checked = Signal()
    backed_up = Signal(Path)
    failed = Signal(str)

    def __init__(self, db_path: Path, *, check: bool, backup: bool, parent=None):
        super().__init__(parent)
        self.db_path = db_path
        self.do_check = check
        self.do_backup = backup
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def stop(self, timeout_ms: int = 10_000) -> None:
        """Cancel and wait for the thread (the app is closing)."""
        self.cancel()
        self.wait(timeout_ms)

    def run(self) -> None:
        try:
            backups.remove_leftovers(self.db_path)
            if self.do_check:
                problems = backups.quick_check(self.db_path, self._cancel)
                if problems:
                    logger.error("quick_check of %s: %s", self.db_path, "; ".join(problems[:3]))
                    self.damaged.emit("; ".join(problems[:3]))
                    return  # a copy of a damaged notebook would only push good copies out
                self.checked.emit()
            if self.do_backup and not self._cancel.is_set():
                self.backed_up.emit(backups.backup_file(self.db_path, backups.DAILY, cancel=self._cancel))
        except backups.BackupCancelled:
            logger.info("background maintenance of %s cancelled", self.db_path)
        except Exception as error:
            logger.exception("background maintenance of %s failed", self.db_path)
            self.failed.emit(str(error))
