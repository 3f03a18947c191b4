"""The process's own second open of a notebook must never drop its SQLite locks.

On POSIX, closing *any* descriptor of a file drops every ``fcntl`` lock the process
holds on it, including those of a SQLite connection that is still open. The desktop
app keeps one ``Store`` open and opens the notebook again for each background job; a
plain ``open()``/``close()`` of the file in ``Store.open`` let a CLI process that wrote
and closed afterwards believe it was the last connection and remove the -wal that
the app's connection was still writing to: confirmed writes vanished, or the file
was "malformed".
"""

from __future__ import annotations

import builtins
import io
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.domain import Area
from fieldapp.store import Store
from fieldapp.store.errors import StoreError

ROOT = Path(__file__).resolve().parent.parent

# Another process: open the notebook, write one area, close (a CLI command's life).
WRITER = """
import sys
from fieldapp.domain import Area
from fieldapp.store import Store
with Store.open(sys.argv[1]) as store:
    store.add(Area(name=sys.argv[2]))
print("ok", flush=True)
"""


def _other_process_writes(db: Path, name: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", WRITER, str(db), name],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


@pytest.mark.skipif(os.name != "posix", reason="fcntl lock semantics are POSIX")
def test_second_open_in_process_then_another_process_writes_loses_nothing(tmp_path):
    db = tmp_path / "feltbog.sqlite"
    app = Store.open(db)  # the desktop app's store, open all along
    confirmed = [app.add(Area(name="app-0")).name]
    try:
        for round_ in range(1, 5):
            job = Store.open(db)  # a background job's own store (PDF export, sync)
            job.close()
            _other_process_writes(db, f"cli-{round_}")  # e.g. `fieldapp sync import`
            confirmed.append(f"cli-{round_}")
            confirmed.append(app.add(Area(name=f"app-{round_}")).name)
    finally:
        app.close()
    check = sqlite3.connect(db)
    try:
        assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        names = {row[0] for row in check.execute("SELECT name FROM areas")}
    finally:
        check.close()
    assert set(confirmed) <= names, f"lost confirmed writes: {sorted(set(confirmed) - names)}"


def test_opening_an_existing_notebook_never_opens_its_files_outside_sqlite(tmp_path, monkeypatch):
    """The class, not the instance: no Python-level descriptor on the notebook or its sidecars."""
    db = tmp_path / "feltbog.sqlite"
    Store.open(db).close()
    watched = {str(db), f"{db}-wal", f"{db}-shm", f"{db}-journal"}
    touched: list[str] = []
    real_open, real_os_open, real_io_open = builtins.open, os.open, io.open

    def spy(real):
        def wrapper(file, *args, **kwargs):
            if isinstance(file, (str, os.PathLike)) and os.fspath(file) in watched:
                touched.append(os.fspath(file))
            return real(file, *args, **kwargs)

        return wrapper

    monkeypatch.setattr(builtins, "open", spy(real_open))
    monkeypatch.setattr(io, "open", spy(real_io_open))
    monkeypatch.setattr(os, "open", spy(real_os_open))
    with Store.open(db) as store:
        store.add(Area(name="Ry"))
        with Store.open(db, check=True) as second:
            assert second.counts()["areas"] == 1
    assert touched == []


def test_a_file_that_is_not_a_notebook_is_still_refused(tmp_path):
    from fieldapp.store.errors import NotANotebookError

    text = tmp_path / "notes.txt"
    text.write_text("not a database, just some words that are long enough\n" * 20)
    before = text.read_bytes()
    with pytest.raises(NotANotebookError):
        Store.open(text)
    assert text.read_bytes() == before
    assert not Path(f"{text}-wal").exists() and not Path(f"{text}-shm").exists()


def test_the_open_notebook_is_never_read_as_a_file_the_user_picked(tmp_path):
    """Attaching the notebook itself (or importing it as a GPX track) must not read it outside SQLite."""
    from datetime import datetime

    from fieldapp.domain import Activity
    from fieldapp.routes.service import import_gpx
    from fieldapp.store.errors import AttachmentUnreadableError
    from fieldapp.store.outputs import is_sqlite_file

    db = tmp_path / "feltbog.sqlite"
    with Store.open(db) as store:
        walk = store.add(Activity(kind="walkabout", title="Byvandring", starts_at=datetime(2026, 5, 1, 10)))
        opened: list[str] = []
        real_open = builtins.open

        def spy(file, *args, **kwargs):
            if isinstance(file, (str, os.PathLike)) and os.fspath(file) == str(db):
                opened.append(os.fspath(file))
            return real_open(file, *args, **kwargs)

        builtins.open = spy
        try:
            with pytest.raises(AttachmentUnreadableError):
                store.import_attachment(db, activity_id=walk.id)
            with pytest.raises(AttachmentUnreadableError):
                import_gpx(store, walk.id, db)
            assert is_sqlite_file(db)
        finally:
            builtins.open = real_open
        assert opened == []
        assert store.attachments(activity_id=walk.id) == []


def test_a_notebook_that_fails_to_open_is_not_held_by_this_process(tmp_path):
    """A damaged notebook whose first read fails must not stay registered as open: the
    restore offered next would otherwise refuse it as "in use" (found at the merge of the
    window-first start-up with the in-process registry)."""
    from fieldapp.store.store import open_in_process

    path = tmp_path / "n.sqlite"
    with Store.open(path) as store:
        for number in range(400):
            store.add(Area(name=f"Område {number}", description="x" * 200))
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    for i in range(4096 * 3, 4096 * 9):  # pages the first reads of an open need (its identity)
        data[i] = (i * 7 + 1) % 251
    path.write_bytes(bytes(data))
    with pytest.raises((sqlite3.DatabaseError, StoreError)):
        Store.open(path)
    assert not open_in_process(path)
