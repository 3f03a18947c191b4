"""The store's change notification as a Qt signal, coalesced so a burst of writes redraws once."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from fieldapp.store import Store

COALESCE_MS = 50


class StoreChanges(QObject):
    """``changed`` fires once, shortly after any write to the notebook (ours, a sync import, an erasure).

    The store calls back synchronously inside the code that wrote; views must not redraw
    there (they might be half-way through a save), so the signal is sent from the event loop.
    """

    changed = Signal()

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.timer = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self.timer.timeout.connect(self._send)
        store.add_listener(self._written)

    def _written(self) -> None:
        try:
            self.timer.start()
        except RuntimeError:  # the window that listened is gone
            self.detach()

    def _send(self) -> None:
        if not self.store.closed:  # a write just before the notebook was closed (quit, restore)
            self.changed.emit()

    def detach(self) -> None:
        self.store.remove_listener(self._written)
