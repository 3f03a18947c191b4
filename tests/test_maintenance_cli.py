"""The backup, restore, erase, access and review commands, as a user runs them."""

from __future__ import annotations

import json
from datetime import date

import pytest

from fieldapp import cli
from fieldapp.domain import Person
from fieldapp.store import Store, backups


@pytest.fixture(autouse=True)
def danish(monkeypatch):
    monkeypatch.setenv("FELTBOG_LANG", "da")


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "feltbog.sqlite"
    with Store.open(path) as store:
        store.add(Person(name="Anna", phone="12345678", review_after=date(2020, 1, 1)))
        store.add(Person(name="Bo"))
    return path


def _anna(path) -> str:
    with Store.open(path) as store:
        return store.list(Person, "name = 'Anna'")[0].id


def test_backup_and_restore(db, tmp_path, capsys):
    assert cli.run(["backup", "--db", str(db), "-o", str(tmp_path / "copy.sqlite")]) == 0
    assert "Sikkerhedskopi gemt" in capsys.readouterr().out
    assert cli.run(["backup", "--db", str(db)]) == 0
    assert [b.kind for b in backups.list_backups(db)] == ["manual"]
    with Store.open(db) as store:
        store.add(Person(name="Carl"))
    assert cli.run(["restore", "--db", str(db), str(tmp_path / "copy.sqlite")]) == 0
    out = capsys.readouterr().out
    assert "Gendannet fra" in out and "before-restore" in out
    with Store.open(db) as store:
        assert sorted(p.name for p in store.list(Person)) == ["Anna", "Bo"]


def test_restore_of_a_missing_file_is_one_clear_line(db, tmp_path, capsys):
    assert cli.run(["restore", "--db", str(db), str(tmp_path / "nope.sqlite")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("fieldapp: ") and "kan ikke gendannes" in err[0]


def test_erase_asks_first(db, monkeypatch, capsys):
    anna = _anna(db)
    monkeypatch.setattr("builtins.input", lambda prompt: "nej")
    assert cli.run(["erase", "--db", str(db), "--person", anna]) == 4
    assert "Intet slettet" in capsys.readouterr().out
    monkeypatch.setattr("builtins.input", lambda prompt: "ja")
    assert cli.run(["erase", "--db", str(db), "--person", anna]) == 0
    assert "Slettet: people 1" in capsys.readouterr().out
    with Store.open(db) as store:
        assert [p.name for p in store.list(Person)] == ["Bo"]


def test_erase_of_an_unknown_person(db, capsys):
    assert (
        cli.run(["erase", "--db", str(db), "--person", "0190d6a4-0000-7000-8000-000000000000", "--yes"]) == 1
    )
    assert "Der findes ingen person" in capsys.readouterr().err


def test_access_writes_json(db, tmp_path, capsys):
    target = tmp_path / "anna.json"
    assert cli.run(["access", "--db", str(db), "--person", _anna(db), "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["person"]["phone"] == "12345678"


def test_review_lists_people_past_their_date(db, capsys, monkeypatch):
    monkeypatch.setenv("FELTBOG_LANG", "en")
    assert cli.run(["review", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Anna" in out and "review after 2020-01-01" in out and "Bo" not in out


def test_restore_without_knowable_erasures_needs_the_flag(db, tmp_path, capsys):
    """Issue 13.1: a damaged notebook with a damaged erasure ledger is only restored on request."""
    from fieldapp.store import privacy

    copy = tmp_path / "copy.sqlite"
    assert cli.run(["backup", "--db", str(db), "-o", str(copy)]) == 0
    db.write_bytes(b"SQLite format 3\x00" + b"\x01kaput" * 5000)
    privacy.ledger_path(db).write_text("kaput", encoding="utf-8")
    capsys.readouterr()
    assert cli.run(["restore", "--db", str(db), str(copy)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "slettede personer" in err[0]
    assert cli.run(["restore", "--db", str(db), str(copy), "--accept-lost-erasures"]) == 0
    with Store.open(db) as store:
        assert sorted(p.name for p in store.list(Person)) == ["Anna", "Bo"]
