"""Background jobs on a notebook: each runs on its own thread with its own ``Store``.

A sqlite3 connection must not cross threads, so a job opens the notebook again by
path, does its work, and reports back through signals: ``succeeded`` with the result,
``failed`` with the one sentence the user sees, ``cancelled`` when the work raised
``Cancelled``.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from fieldapp.store import Store, StoreError
from fieldapp.ui.formatting import error_sentence, is_expected

logger = logging.getLogger(__name__)


class Cancelled(Exception):
    """The user stopped the job; nothing was written."""


class StoreJob(QThread):
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, db_path: Path, lang: str, parent: QObject | None = None):
        super().__init__(parent)
        self.db_path = db_path
        self.lang = lang
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop; it raises ``Cancelled`` at its next safe point."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def perform(self, store: Store) -> object:
        """The job's work, on the job's own connection; subclasses implement it."""
        raise NotImplementedError

    def run(self) -> None:
        try:
            store = Store.open(self.db_path)
        except StoreError as error:
            self.failed.emit(error.message(self.lang))
            return
        try:
            self.succeeded.emit(self.perform(store))
        except Cancelled:
            self.cancelled.emit()
        except Exception as error:  # shown as one sentence; unexpected ones logged in full
            if not is_expected(error):
                logger.exception("%s failed", type(self).__name__)
            self.failed.emit(error_sentence(error, self.lang))
        finally:
            store.close()
