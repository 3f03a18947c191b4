"""Paths the user types after ``-o``: never over a notebook, its side files or any SQLite file;
written whole or not at all."""

from __future__ import annotations

import errno
import hashlib
import sqlite3
from pathlib import Path

import pytest

from fieldapp.cli import Exit, run
from fieldapp.demo import build_demo
from fieldapp.domain import Person
from fieldapp.store import Store, backups
from fieldapp.store.outputs import OutputRefusedError, refuse_unsafe_output, write_atomically


@pytest.fixture
def notebook(tmp_path, monkeypatch):
    monkeypatch.setenv("FELTBOG_LANG", "da")
    path = tmp_path / "feltbog.sqlite"
    with Store.open(path) as store:
        build_demo(store, size=8, seed=5)
        backups.backup_now(store, backups.MANUAL)
    other = tmp_path / "kollega.sqlite"
    with Store.open(other):
        pass
    # A live -wal/-shm beside the notebook, as while the app has it open.
    keeper = sqlite3.connect(path)
    keeper.execute("PRAGMA journal_mode=WAL")
    keeper.execute("CREATE TEMP TABLE t(x)")
    keeper.execute("SELECT count(*) FROM people").fetchone()
    yield path
    keeper.close()


def writers(db: Path) -> dict[str, list[str]]:
    with Store.open(db) as store:
        person = store.list(Person)[0].id
        area = store.conn.execute("SELECT name FROM areas LIMIT 1").fetchone()[0]
    return {
        "export-pdf": ["export-pdf", "--db", str(db), "--area", area, "-o"],
        "access": ["access", "--db", str(db), "--person", person, "-o"],
        "sync export": ["sync", "export", "--db", str(db), "--no-encryption", "-o"],
        "backup": ["backup", "--db", str(db), "-o"],
    }


def targets(db: Path) -> dict[str, tuple[Path, str]]:
    copy = backups.list_backups(db)[0].path
    return {
        "the notebook": (db, "er selve notesbogen"),
        "its -wal": (Path(f"{db}-wal"), "hører til notesbogen"),
        "its -shm": (Path(f"{db}-shm"), "hører til notesbogen"),
        "its lock": (Path(f"{db}.lock"), "hører til notesbogen"),
        "a backup": (copy, "er en SQLite-database"),
        "another notebook": (db.with_name("kollega.sqlite"), "er en SQLite-database"),
        "the notebook by another name": (db.parent / "." / db.name, "er selve notesbogen"),
    }


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith("-shm")  # shared memory: changes under any reader
    }


def test_no_writer_overwrites_a_notebook_its_side_files_or_a_backup(notebook, capsys):
    commands = writers(notebook)
    for what, (target, words) in targets(notebook).items():
        before = fingerprint(notebook.parent)
        for name, args in commands.items():
            assert run([*args, str(target)]) == Exit.FAILED, (name, what)
            err = capsys.readouterr().err.strip().splitlines()
            assert len(err) == 1 and words in err[0], (name, what, err)
        assert fingerprint(notebook.parent) == before, what
    assert not list(notebook.parent.rglob("*.partial"))


def test_english_refusal(notebook, monkeypatch, capsys):
    monkeypatch.setenv("FELTBOG_LANG", "en")
    assert run([*writers(notebook)["access"], str(notebook)]) == Exit.FAILED
    assert "is the notebook itself" in capsys.readouterr().err


def test_writers_still_write_ordinary_files(notebook, tmp_path, capsys):
    for name, args in writers(notebook).items():
        target = tmp_path / f"ud-{name.replace(' ', '-')}.bin"
        target.write_text("gammel fil")  # an ordinary file may be replaced
        assert run([*args, str(target)]) == Exit.OK, capsys.readouterr().err
        assert target.read_bytes() != b"gammel fil"
    assert not list(tmp_path.rglob("*.partial"))


def test_a_failed_write_leaves_the_old_file_and_no_partial(tmp_path, monkeypatch):
    target = tmp_path / "rapport.pdf"
    target.write_bytes(b"den forrige rapport")

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("os.fsync", disk_full)
    with pytest.raises(OSError):
        write_atomically(target, b"%PDF-1.7 ny rapport")
    assert target.read_bytes() == b"den forrige rapport"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.pdf"]


def test_a_failed_access_export_from_the_cli_leaves_nothing(notebook, tmp_path, monkeypatch, capsys):
    target = tmp_path / "indsigt.json"

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    args = [*writers(notebook)["access"], str(target)]
    monkeypatch.setattr("os.fsync", disk_full)
    assert run(args) == Exit.FAILED
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "No space left" in err[0]
    assert (
        not target.exists() and not list(tmp_path.glob("*.partial")) and not list(tmp_path.glob(".*.partial"))
    )


def test_the_rule_itself(tmp_path):
    db = tmp_path / "n.sqlite"
    with Store.open(db):
        pass
    (tmp_path / "mappe").mkdir()
    with pytest.raises(OutputRefusedError) as refused:
        refuse_unsafe_output(tmp_path / "mappe", db)
    assert "er en mappe" in refused.value.message("da")
    # The -wal of any database, not only the notebook's.
    other = tmp_path / "andet.db"
    sqlite3.connect(other).execute("CREATE TABLE x(y)").connection.commit()
    with pytest.raises(OutputRefusedError):
        refuse_unsafe_output(Path(f"{other}-wal"), db)
    assert refuse_unsafe_output(tmp_path / "ny.pdf", db) == tmp_path / "ny.pdf"
