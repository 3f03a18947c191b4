"""The command line honours the desktop app's lock, and the app honours the command line's.

The lock is held by a real other process: one that takes the app's own ``QLockFile``
(``fieldapp.ui.app.NotebookLock``), or one that merely keeps a ``Store`` open.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sync_support import full_dump

from fieldapp.cli import Exit, run
from fieldapp.demo import build_demo
from fieldapp.domain import Area, Person
from fieldapp.store import Store, backups
from fieldapp.store.notebook_lock import hold, holder, lock_path, open_elsewhere

ROOT = Path(__file__).resolve().parent.parent

APP_LOCK = """
import sys
from pathlib import Path
from fieldapp.ui.app import NotebookLock
lock = NotebookLock(Path(sys.argv[1]).resolve())
print("locked" if lock.acquire() else "refused", flush=True)
sys.stdin.read()
"""

STORE_OPEN = """
import sys
from fieldapp.store import Store
store = Store.open(sys.argv[1])
store.counts()
print("open", flush=True)
sys.stdin.read()
"""


class Holder:
    def __init__(self, script: str, db: Path):
        env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
        self.process = subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(script), str(db)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        self.first_line = self.process.stdout.readline().strip()

    def release(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)


@pytest.fixture
def notebook(tmp_path, monkeypatch):
    monkeypatch.setenv("FELTBOG_LANG", "da")
    path = tmp_path / "feltbog.sqlite"
    with Store.open(path) as store:
        build_demo(store, size=10, seed=3)
        backups.backup_now(store, backups.MANUAL)
        store.add(Area(name="Efter kopien"))
    return path


def dump(path: Path) -> list:
    with Store.open(path) as store:
        return full_dump(store)


def some_person(path: Path) -> str:
    with Store.open(path) as store:
        return store.list(Person)[0].id


def writing_commands(db: Path, tmp: Path) -> dict[str, list[str]]:
    incoming = tmp / "ind.feltsync"
    with Store.open(db) as store:
        from fieldapp.sync.service import export_file

        export_file(store, incoming, None, encrypt=False, full=True)
    shared = tmp / "delt"
    shared.mkdir(exist_ok=True)
    secret = tmp / "frase.txt"
    secret.write_text("holdets frase\n", encoding="utf-8")
    return {
        "restore": ["restore", "--db", str(db)],
        "erase": ["erase", "--db", str(db), "--person", some_person(db), "--yes"],
        "sync import": ["sync", "import", "--db", str(db), str(incoming)],
        "sync export": ["sync", "export", "--db", str(db), "-o", str(tmp / "ud.feltsync"), "--no-encryption"],
        "sync folder": ["sync", "folder", "--db", str(db), str(shared), "--passphrase-file", str(secret)],
    }


@pytest.mark.skipif(os.name != "posix", reason="kills the holder with SIGKILL")
def test_writing_commands_refuse_a_notebook_the_app_holds_open(notebook, tmp_path, capsys):
    commands = writing_commands(notebook, tmp_path)
    before = dump(notebook)
    app = Holder(APP_LOCK, notebook)
    try:
        assert app.first_line == "locked"
        assert holder(notebook) is not None
        for name, args in commands.items():
            assert run(args) == Exit.IN_USE, name
            err = capsys.readouterr().err.strip().splitlines()
            assert len(err) == 1 and "er åben i Feltbog" in err[0] and "Intet blev ændret" in err[0], name
        assert dump(notebook) == before
        assert not (tmp_path / "ud.feltsync").exists()
        # Reading is fine while the app has the notebook open.
        assert run(["check", "--db", str(notebook)]) == Exit.OK
    finally:
        app.kill()
    # A lock whose owner died (the file is still there) is stale and not honoured.
    assert lock_path(notebook).exists() and holder(notebook) is None
    assert run(commands["erase"]) == Exit.OK
    assert not lock_path(notebook).exists()  # the command took the lock over and let it go


def test_the_message_is_english_when_asked(notebook, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FELTBOG_LANG", "en")
    app = Holder(APP_LOCK, notebook)
    try:
        assert run(["restore", "--db", str(notebook)]) == Exit.IN_USE
        err = capsys.readouterr().err.strip()
        assert "is open in Feltbog" in err and "Nothing was changed" in err
    finally:
        app.release()


def test_the_app_cannot_open_a_notebook_while_a_command_writes_to_it(notebook):
    with hold(notebook):
        app = Holder(APP_LOCK, notebook)
        app.release()
        assert app.first_line == "refused"
    app = Holder(APP_LOCK, notebook)
    app.release()
    assert app.first_line == "locked"


def test_restore_refuses_a_notebook_another_process_has_open(notebook, capsys):
    before = dump(notebook)
    other = Holder(STORE_OPEN, notebook)
    try:
        assert other.first_line == "open"
        assert open_elsewhere(notebook)
        assert run(["restore", "--db", str(notebook)]) == Exit.IN_USE
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "er åben i et andet program" in err[0]
    finally:
        other.release()
    assert dump(notebook) == before
    assert not open_elsewhere(notebook)
    assert run(["restore", "--db", str(notebook)]) == Exit.OK
    with Store.open(notebook) as store:
        assert "Efter kopien" not in [a.name for a in store.list(Area)]


def test_restore_never_replaces_a_file_that_is_not_a_notebook(notebook, tmp_path, capsys):
    copy = backups.list_backups(notebook)[0].path
    letter = tmp_path / "brev.sqlite"
    letter.write_text("Kære kommune …", encoding="utf-8")
    assert run(["restore", "--db", str(letter), str(copy)]) == Exit.FAILED
    assert "ikke en Feltbog-notesbog" in capsys.readouterr().err
    assert letter.read_text(encoding="utf-8") == "Kære kommune …"
    assert run(["restore", "--db", str(notebook), str(notebook)]) == Exit.FAILED
    assert "notesbogen selv" in capsys.readouterr().err


def test_restore_over_a_damaged_notebook_still_works(notebook, tmp_path):
    from test_cli_contract import damage

    good = tmp_path / "god.sqlite"
    shutil.copy(notebook, good)
    damage(good, notebook)
    assert run(["restore", "--db", str(notebook)]) == Exit.OK
    with Store.open(notebook) as store:
        assert store.integrity_problems() == []


def test_restore_over_a_notebook_with_a_garbled_first_page(notebook):
    data = notebook.read_bytes()
    notebook.write_bytes(data[:16] + b"\xff" * 4080 + data[4096:])  # SQLite's magic, then garbage
    assert run(["restore", "--db", str(notebook)]) == Exit.OK
    with Store.open(notebook) as store:
        assert store.integrity_problems() == []
