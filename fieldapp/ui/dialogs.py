"""File dialogs and message boxes behind one small object, so tests can answer them.

Widgets receive a ``Dialogs`` in their constructor and never call ``QFileDialog`` or
``QMessageBox`` statics themselves; a test passes a subclass with prepared answers.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QWidget


class ConfirmBox(QMessageBox):
    """A question box that knows which of its buttons goes ahead (the other one is the default)."""

    accept_button: QAbstractButton | None = None


class Dialogs(QObject):
    def open_files(self, parent: QWidget | None, title: str, name_filter: str) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(parent, title, "", name_filter)
        return paths

    def choose_folder(self, parent: QWidget | None, title: str) -> str | None:
        path = QFileDialog.getExistingDirectory(parent, title)
        return path or None

    def save_file(self, parent: QWidget | None, title: str, suggested: str, name_filter: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, name_filter)
        return path or None

    def report_options(self, parent: QWidget | None, kind: str, lang: str):
        """The PDF options dialog; a ``ReportChoice`` or ``None`` (cancel)."""
        from fieldapp.ui.report_export import ReportOptionsDialog

        dialog = ReportOptionsDialog(kind, lang, parent)
        return dialog.choice() if dialog.exec() == ReportOptionsDialog.DialogCode.Accepted else None

    def ask(
        self, parent: QWidget | None, title: str, text: str, accept_text: str, *, safe_default: bool = False
    ) -> bool:
        """A question whose yes-button says what it does ("Open the PDF"); True if pressed.

        With ``safe_default`` (anything that deletes, or records something not yet known),
        Enter and Escape answer no.
        """
        box = self.ask_box(parent, title, text, accept_text, safe_default=safe_default)
        box.exec()
        return box.clickedButton() is box.accept_button

    def ask_box(
        self, parent: QWidget | None, title: str, text: str, accept_text: str, *, safe_default: bool = False
    ) -> ConfirmBox:
        box = ConfirmBox(parent)
        box.setWindowTitle(title)
        box.setIcon(QMessageBox.Icon.Warning if safe_default else QMessageBox.Icon.Question)
        box.setText(text)
        accept = box.addButton(accept_text, QMessageBox.ButtonRole.AcceptRole)
        close = box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(close if safe_default else accept)
        box.setEscapeButton(close)
        box.accept_button = accept
        return box

    def choose(self, parent: QWidget | None, title: str, text: str, options: list[str]) -> int | None:
        """One of ``options`` (its index) or ``None`` (Cancel). The first option is the default."""
        box = QMessageBox(parent)
        box.setWindowTitle(title)
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(text)
        buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in options]
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(buttons[0] if buttons else cancel)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else None

    def open_url(self, url: QUrl) -> bool:
        return QDesktopServices.openUrl(url)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str, accept_text: str | None = None) -> bool:
        """A question before something that cannot simply be typed back; True if the user went ahead.

        The default button (Enter) and Escape are the safe answer: a hurried Enter never deletes.
        ``accept_text`` names the action on its button ("Delete", "Erase").
        """
        box = self.confirm_box(parent, title, text, accept_text)
        box.exec()
        return box.clickedButton() is box.accept_button

    def confirm_box(
        self, parent: QWidget | None, title: str, text: str, accept_text: str | None = None
    ) -> ConfirmBox:
        box = ConfirmBox(parent)
        box.setWindowTitle(title)
        box.setIcon(QMessageBox.Icon.Warning if accept_text else QMessageBox.Icon.Question)
        box.setText(text)
        if accept_text:
            accept = box.addButton(accept_text, QMessageBox.ButtonRole.DestructiveRole)
            safe = box.addButton(QMessageBox.StandardButton.Cancel)
        else:
            accept = box.addButton(QMessageBox.StandardButton.Yes)
            safe = box.addButton(QMessageBox.StandardButton.No)
        box.setDefaultButton(safe)
        box.setEscapeButton(safe)
        box.accept_button = accept
        return box

    def first_run(self, parent: QWidget | None) -> str | None:
        """Ask how a new notebook starts: ``"demo"``, ``"empty"`` or ``None`` (cancel)."""
        box = QMessageBox(parent)
        box.setWindowTitle(self.tr("Welcome to Feltbog"))
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(self.tr("This is a new notebook. How would you like to start?"))
        box.setInformativeText(
            self.tr(
                "Demo data shows the app filled with made-up walkabouts, people and areas. "
                "You can start a fresh notebook later."
            )
        )
        demo = box.addButton(self.tr("Start with demo data"), QMessageBox.ButtonRole.AcceptRole)
        empty = box.addButton(self.tr("Empty notebook"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(empty)
        box.exec()
        clicked = box.clickedButton()
        if clicked is demo:
            return "demo"
        if clicked is empty:
            return "empty"
        return None
