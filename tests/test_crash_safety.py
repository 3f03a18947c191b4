"""SIGKILL a writing process about twenty times: nothing confirmed may be lost."""

from __future__ import annotations

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from crash_harness import run_kills


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_twenty_kills_lose_nothing_confirmed(tmp_path):
    totals = run_kills(20, tmp_path, seed=20261123)
    assert totals["problems"] == []
    assert totals["lost"] == 0
    assert totals["survived"] == totals["kills"] == 20
    assert totals["confirmed"] > 100  # the writer really was writing when it was killed


def test_the_checker_notices_a_lost_write_and_a_broken_backup(tmp_path):
    from crash_harness import check

    from fieldapp.domain import Person
    from fieldapp.store import Store, backups

    path = tmp_path / "feltbog.sqlite"
    with Store.open(path) as store:
        kept = store.add(Person(name="Gemt"))
        backups.backup_path(path, "daily").parent.mkdir()
        backups.backup_path(path, "daily").write_bytes(b"SQLite format 3\x00 half a copy")
    confirmed = [
        {"kind": "v", "tbl": "people", "row": kept.id, "field": "name", "value": "Gemt"},
        {"kind": "v", "tbl": "people", "row": kept.id, "field": "name", "value": "Aldrig gemt"},
    ]
    result = check(path, confirmed)
    assert result["lost"] == 1
    assert any("broken backup" in p for p in result["problems"])


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_kills_during_imports_that_carry_an_erasure(tmp_path, monkeypatch):
    """Issue 13.1: an import that brings an erasure leaves the old notebook or the fully purged one."""
    import crash_harness

    # Only people, 1:1 talks about them and files that erase them: every kill lands near one.
    monkeypatch.setattr(crash_harness, "EXTRA_OPS", {})
    totals = run_kills(12, tmp_path, seed=20261126, max_delay=1.5)
    assert totals["problems"] == []
    assert totals["lost"] == 0
    assert sum(1 for p in tmp_path.rglob("erasure-*.feltsync")) > 5  # imports really ran
