"""What the desktop app needs after a sync ran on another connection to the same notebook."""

from __future__ import annotations

from fieldapp.store.store import Store


def catch_up_clock(store: Store) -> int:
    """Move this connection's clock past what another connection (the sync worker) stored.

    An edit made after an import must win over the imported versions, so the clock of
    the window's store may never stay behind the versions the worker merged in.
    """
    row = store.conn.execute("SELECT value FROM meta WHERE key = 'hlc'").fetchone()
    stored = int(row[0]) if row and row[0] is not None else 0
    if stored > store.clock.last:
        store.clock.last = stored
    return store.clock.last


def imports_count(store: Store) -> int:
    """How many sync files this notebook has read in (to tell whether a stopped sync read any)."""
    return store.conn.execute("SELECT count(*) FROM sync_imports").fetchone()[0]
