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
    store.clock.last = max(store.clock.last, stored)
    return store.clock.last


def imports_count(store: Store) -> int:
    """How many sync files this notebook has read in (to tell whether a stopped sync read any)."""
    return store.conn.execute("SELECT count(*) FROM sync_imports").fetchone()[0]


# ------------------------------------------------------------------ team key
_TEAM_SALT = "team_salt"


def team_salt(store: Store) -> bytes | None:
    """The salt of the team key this notebook seals its sync files with (None before the first)."""
    row = store.conn.execute("SELECT value FROM meta WHERE key = ?", (_TEAM_SALT,)).fetchone()
    try:
        return bytes.fromhex(row[0]) if row and row[0] else None
    except ValueError:
        return None


def adopt_team_salt(store: Store, salt: bytes) -> bytes:
    """Keep ``salt`` if this notebook has none yet or ``salt`` sorts first, and return the one kept.

    Two laptops that began apart each made a salt; the smaller one wins everywhere after a
    sync or two, so a team ends up paying one Argon2id for all its files.
    """
    current = team_salt(store)
    if current is not None and current <= salt:
        return current
    store.conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (_TEAM_SALT, salt.hex()),
    )
    return salt


# ------------------------------------------------------------------ shared folders
def bad_files(store: Store, folder: str) -> dict[str, tuple[int, int]]:
    """Files of a shared folder that were refused before: name -> (size, mtime_ns) then."""
    return {
        name: (size, mtime)
        for name, size, mtime in store.conn.execute(
            "SELECT file_name, size, mtime_ns FROM sync_bad_files WHERE folder = ?", (folder,)
        )
    }


def remember_bad_file(store: Store, folder: str, name: str, size: int, mtime_ns: int, error: str) -> None:
    with store.transaction():
        store.conn.execute(
            "INSERT OR REPLACE INTO sync_bad_files (folder, file_name, size, mtime_ns, error, seen_at)"
            " VALUES (?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
            (folder, name, size, mtime_ns, error),
        )


def forget_bad_files(store: Store, folder: str, keep: set[str]) -> None:
    """Forget refused files that are gone from the folder (or were read after all)."""
    gone = [name for name in bad_files(store, folder) if name not in keep]
    if gone:
        with store.transaction():
            store.conn.executemany(
                "DELETE FROM sync_bad_files WHERE folder = ? AND file_name = ?", [(folder, n) for n in gone]
            )


def move_folder_bookkeeping(store: Store, old: str, new: str) -> bool:
    """A shared folder known by its path got an identity: carry what was recorded under the path
    over to the identity (unless the identity has records already). True if anything moved."""
    conn = store.conn
    if conn.execute("SELECT 1 FROM sync_destinations WHERE destination = ?", (new,)).fetchone():
        return False
    with store.transaction():
        moved = conn.execute(
            "UPDATE sync_destinations SET destination = ? WHERE destination = ?", (new, old)
        ).rowcount
        moved += conn.execute(
            "UPDATE sync_imports SET destination = ? WHERE destination = ?", (new, old)
        ).rowcount
        conn.execute("UPDATE OR IGNORE sync_bad_files SET folder = ? WHERE folder = ?", (new, old))
    return moved > 0
