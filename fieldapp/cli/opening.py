"""The command line's one door to a notebook, and its rules for paths the user types.

``open_notebook`` opens a notebook that must exist already: it never creates one
(a mistyped ``--db`` is "does not exist", not a fresh empty notebook), and a folder, a
zero-byte file, a file that is not SQLite, an SQLite file that is not a Feltbog
notebook and a damaged notebook each give one sentence. With ``writes=True`` it first
honours the desktop app's lock (``fieldapp.store.notebook_lock``) and holds the same
lock while the command writes.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from fieldapp.cli.errors import CliError, Exit
from fieldapp.store import Store
from fieldapp.store.errors import CorruptDatabaseError, NotANotebookError
from fieldapp.store.notebook_lock import LockHeldError, hold, open_elsewhere
from fieldapp.store.outputs import is_sqlite_file, refuse_unsafe_output


def missing(path: Path) -> CliError:
    return CliError(f"Notesbogen »{path}« findes ikke.", f"The notebook '{path}' does not exist.")


def require_notebook(path: str | os.PathLike[str], *, check: bool = True, damaged_ok: bool = False) -> Path:
    """``path`` if it is an existing Feltbog notebook (``quick_check``-clean with ``check``).

    Everything is read through SQLite (``mode=rw`` never creates a file), and only
    while this process has no other connection to the notebook.
    """
    path = Path(path).expanduser()
    if not path.exists():
        raise missing(path)
    if path.is_dir():
        raise CliError(f"»{path}« er en mappe, ikke en notesbog.", f"'{path}' is a folder, not a notebook.")
    if path.stat().st_size == 0:
        raise CliError(
            f"»{path}« er en tom fil (0 byte), ikke en Feltbog-notesbog.",
            f"'{path}' is an empty file (0 bytes), not a Feltbog notebook.",
        )
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, isolation_level=None)
    except sqlite3.Error as error:
        raise CliError(
            f"Notesbogen »{path}« kunne ikke åbnes: {error}",
            f"The notebook '{path}' could not be opened: {error}",
        ) from error
    try:
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as error:
            foreign = "not a database" in str(error) or "encrypted" in str(error)
            if not foreign and damaged_ok:
                return path
            if not foreign:
                raise CorruptDatabaseError(path=path, detail=str(error)) from error
            conn.close()  # before the header is read through a descriptor of our own
            if damaged_ok and is_sqlite_file(path):
                return path  # SQLite's magic, then garbage: a notebook with a damaged first page
            raise NotANotebookError(path=path) from error
        if "_sqlite_migrations" not in tables:
            raise NotANotebookError(path=path)
        if check and not damaged_ok:
            try:
                rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
            except sqlite3.DatabaseError as error:
                rows = [str(error)]
            if rows != ["ok"]:
                raise CorruptDatabaseError(path=path, detail="; ".join(rows[:2]))
    finally:
        conn.close()
    return path


@contextlib.contextmanager
def notebook_writes(path: str | os.PathLike[str], *, exclusive: bool = False) -> Iterator[None]:
    """Hold the app's lock of ``path`` for the block; refuse when the app (or, with
    ``exclusive``, any other process) has the notebook open. Nothing is changed then."""
    path = Path(path).expanduser()
    try:
        with hold(path):
            if exclusive and open_elsewhere(path):
                raise CliError(
                    f"Notesbogen »{path}« er åben i et andet program lige nu; luk det først. Intet blev ændret.",
                    f"The notebook '{path}' is open in another program right now; close it first. "
                    "Nothing was changed.",
                    Exit.IN_USE,
                )
            yield
    except LockHeldError as held:
        raise CliError(
            f"Notesbogen »{path}« er åben i Feltbog ({held.who}); luk den først. Intet blev ændret.",
            f"The notebook '{path}' is open in Feltbog ({held.who}); close it first. Nothing was changed.",
            Exit.IN_USE,
        ) from None


@contextlib.contextmanager
def open_notebook(
    path: str | os.PathLike[str], *, writes: bool = False, check: bool = True
) -> Iterator[Store]:
    """The notebook at ``path``, which must exist; closed (and its lock released) after the block."""
    path = require_notebook(path, check=check)
    with notebook_writes(path) if writes else contextlib.nullcontext():
        try:
            store = Store.open(path)
        except sqlite3.DatabaseError as error:
            raise CorruptDatabaseError(path=path, detail=str(error)) from error
        with store:
            yield store


def output_path(target: str | os.PathLike[str], notebook: str | os.PathLike[str] | None) -> Path:
    """``target`` if a command may write it (never the notebook, its side files or any SQLite file)."""
    return refuse_unsafe_output(target, notebook)


def refuse_reading_the_notebook(source: str | os.PathLike[str], notebook: str | os.PathLike[str]) -> None:
    """An input file must not be the notebook itself: reading it through a second descriptor
    while the command's connection is open would drop SQLite's locks (docs/cli.md)."""
    source, notebook = Path(source).expanduser(), Path(notebook).expanduser()
    for suffix in ("", "-wal", "-shm", "-journal"):
        side = Path(str(notebook) + suffix)
        try:
            same = source.resolve() == side.resolve() or (source.exists() and os.path.samefile(source, side))
        except OSError:
            same = False
        if same:
            raise CliError(
                f"»{source}« er notesbogen selv (eller en del af den), ikke en fil, der kan indlæses.",
                f"'{source}' is the notebook itself (or part of it), not a file to read in.",
            )
