"""Panels whose data is read when they are first on screen, and again on change while they are."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from fieldapp.store import Store


class LoadedWhenShown(QWidget):
    """A panel that reads the notebook in ``load`` only when it is (or next becomes) visible.

    Its queries may read a whole notebook: that is no work for start-up or a hidden tab.
    """

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self._stale = True

    def load(self) -> None:
        """Read the data and show it; subclasses implement it."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Read again now if the panel is on screen, else when it is next shown."""
        self._stale = True
        if self.isVisible():
            self._load()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            QTimer.singleShot(0, self, self._load)  # after the window is drawn; not once the panel is gone

    def _load(self) -> None:
        if not self._stale or self.store.closed:  # the window was replaced (another notebook, language)
            return
        self._stale = False
        self.load()
