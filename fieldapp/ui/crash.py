"""Logging to a rotating file, and a dialog with a copyable report for unexpected errors."""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from fieldapp import __version__
from fieldapp.paths import ensure

logger = logging.getLogger(__name__)

LOG_FILENAME = "feltbog.log"


def setup_logging(folder: Path, level: int = logging.INFO) -> Path:
    """One rotating log file (5 × 1 MB) in ``folder``; returns its path."""
    path = ensure(folder) / LOG_FILENAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return path


def crash_report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    lines = [
        f"Feltbog {__version__}",
        f"Python {platform.python_version()}, PySide6 {pyside_version}, {platform.platform()}",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)).rstrip(),
    ]
    return "\n".join(lines)


class CrashDialog(QDialog):
    def __init__(self, report: str, log_path: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setMinimumSize(560, 360)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Feltbog met an unexpected error. Your notes are saved up to the last change. "
                "Please copy the report below and send it to whoever supports Feltbog for you."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if log_path is not None:
            where = QLabel(self.tr("The details are also in the log file: %1").replace("%1", str(log_path)))
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(where)
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Error report"))
        layout.addWidget(self.report, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(self.tr("Copy report"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())


class ErrorReporter(QObject):
    """``sys.excepthook`` that logs, then shows ``CrashDialog`` on the GUI thread (via a signal)."""

    reported = Signal(str)

    def __init__(self, log_path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.log_path = log_path
        self.dialogs: list[CrashDialog] = []
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._previous: Callable[[type[BaseException], BaseException, TracebackType | None], Any] | None = (
            None
        )

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook = self._previous
            self._previous = None

    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        logger.error("unexpected error", exc_info=(exc_type, exc, tb))
        self.reported.emit(crash_report(exc_type, exc, tb))

    def _show(self, report: str) -> None:
        dialog = CrashDialog(report, self.log_path, None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(
            lambda _result, d=dialog: self.dialogs.remove(d) if d in self.dialogs else None
        )
        self.dialogs.append(dialog)
        dialog.show()
