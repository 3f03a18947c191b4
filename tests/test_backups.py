"""Backups: automatic copies, rotation, listing, restore, and the start-up check."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from fieldapp.domain import Person
from fieldapp.store import Store, backups, privacy
from fieldapp.store import migrations as schema
from fieldapp.store.backups import _Found
from fieldapp.store.errors import BadBackupError, CorruptDatabaseError, NoGoodBackupError


def _people(store: Store, *names: str) -> None:
    for name in names:
        store.add(Person(name=name))


def _names(path) -> list[str]:
    with Store.open(path) as store:
        return sorted(p.name for p in store.list(Person))


def _damage(path, seed: int = 1) -> None:
    """Overwrite a run of pages in the middle of a (checkpointed) notebook file."""
    data = bytearray(path.read_bytes())
    page = 4096
    start = page * 3
    for i in range(start, min(len(data) - page, start + page * 6)):
        data[i] = (i * 7 + seed) % 251
    path.write_bytes(bytes(data))


@pytest.fixture
def notebook(tmp_path):
    path = tmp_path / "feltbog.sqlite"
    store = Store.open(path)
    _people(store, "Anna", "Bo")
    yield store
    store.close()


# ------------------------------------------------------------------ copies
def test_a_backup_is_one_self_contained_file(notebook, tmp_path):
    target = notebook.backup(tmp_path / "copy.sqlite")
    assert not list(tmp_path.glob("*.partial"))
    conn = sqlite3.connect(f"{target.as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("SELECT count(*) FROM people").fetchone()[0] == 2
    conn.close()


def test_first_open_of_the_day_takes_a_daily_copy(tmp_path, notebook):
    path = notebook.path
    notebook.close()
    day = datetime(2026, 3, 2, 8, 0)
    backups.open_notebook(path, now=day).close()
    backups.open_notebook(path, now=day + timedelta(hours=5)).close()
    listed = backups.list_backups(path)
    assert [(b.kind, b.taken_at) for b in listed] == [("daily", day)]
    backups.open_notebook(path, now=day + timedelta(days=1)).close()
    assert [b.taken_at.date() for b in backups.list_backups(path)] == [date(2026, 3, 3), date(2026, 3, 2)]
    assert listed[0].counts == {"people": 2, "activities": 0, "observations": 0, "actions": 0}


def test_the_migration_copy_lands_in_the_same_folder(tmp_path):
    path = tmp_path / "feltbog.sqlite"
    db = Database(path)
    schema.migrations.apply(db, stop_before="0003_privacy")  # a notebook from before this release
    db.execute("INSERT INTO people (id, name) VALUES ('0190d6a4-0000-7000-8000-000000000001', 'Anna')")
    db.conn.commit()
    db.close()
    Store.open(path).close()
    listed = backups.list_backups(path)
    assert [b.kind for b in listed] == ["before-migration"]
    assert listed[0].counts["people"] == 1
    assert listed[0].path.parent == backups.default_backup_dir(path)


def test_before_import_copy_for_the_sync_hook(notebook):
    copy = backups.before_import(notebook)
    assert copy is not None and backups.list_backups(notebook.path)[0].kind == "before-import"


# ---------------------------------------------------------------- rotation
def _found(kind: str, when: datetime) -> _Found:
    from pathlib import Path

    return _Found(Path(f"feltbog-{kind}-{when:%Y%m%d-%H%M%S}.sqlite"), kind, when)


def test_rotation_keeps_seven_daily_and_four_weekly_copies():
    today = date(2026, 6, 30)
    daily = [_found("daily", datetime(2026, 6, 30, 9) - timedelta(days=n)) for n in range(90)]
    extra_same_day = _found("daily", datetime(2026, 6, 30, 7))
    keep = backups.plan_rotation([*daily, extra_same_day], today)
    kept = sorted((f.taken_at for f in daily if f.path in keep), reverse=True)
    assert kept[:7] == [datetime(2026, 6, 30, 9) - timedelta(days=n) for n in range(7)]
    weekly = kept[7:]
    assert len(weekly) == 4
    assert len({w.isocalendar()[:2] for w in weekly}) == 4
    assert extra_same_day.path not in keep


def test_rotation_bounds_every_kind_by_count():
    today = date(2026, 6, 30)
    imports = [_found("before-import", datetime(2026, 6, 30, 12) - timedelta(hours=n)) for n in range(20)]
    old_migrations = [_found("before-migration", datetime(2025, 1, n + 1)) for n in range(5)]
    restores = [_found("before-restore", datetime(2026, 5, n + 1)) for n in range(6)]
    manual = [_found("manual", datetime(2020, 1, 1) + timedelta(days=n)) for n in range(15)]
    keep = backups.plan_rotation([*imports, *old_migrations, *restores, *manual], today)
    assert [f for f in imports if f.path in keep] == imports[:3]  # the newest three
    assert [f.taken_at.day for f in old_migrations if f.path in keep] == [4, 5]
    assert [f.taken_at.day for f in restores if f.path in keep] == [4, 5, 6]
    assert [f for f in manual if f.path in keep] == manual[-10:]


def test_rotation_keeps_the_copies_within_twice_the_notebook_size():
    today = date(2026, 6, 30)
    daily = [
        backups._Found(Path(f"d{n}"), "daily", datetime(2026, 6, 30, 9) - timedelta(days=n), 100)
        for n in range(90)
    ]
    imports = [
        backups._Found(Path(f"i{n}"), "before-import", datetime(2026, 6, 29, n), 300) for n in range(3)
    ]
    keep = backups.plan_rotation([*daily, *imports], today, budget=1000)
    kept = [c for c in [*daily, *imports] if c.path in keep]
    assert sum(c.size for c in kept) <= 1000
    # The oldest daily copies went first; the newest of each kind stays.
    assert daily[0].path in keep and imports[-1].path in keep
    assert [c for c in daily if c.path in keep] == daily[: len([c for c in daily if c.path in keep])]


def test_rotation_deletes_files_on_disk(notebook):
    start = datetime(2026, 1, 1, 9)
    for n in range(12):
        backups.backup_now(notebook, "daily", now=start + timedelta(days=n))
    remaining = backups.list_backups(notebook.path)
    # Jan 6-12 as daily copies; of Jan 1-5, the newest of ISO week 2 (Jan 5) and of week 1 (Jan 4).
    assert [b.taken_at.day for b in remaining] == [12, 11, 10, 9, 8, 7, 6, 5, 4]
    assert all(b.usable for b in remaining)


# ----------------------------------------------------------------- listing
def test_list_marks_damaged_and_foreign_copies(notebook, tmp_path):
    good = backups.backup_now(notebook, "manual", now=datetime(2026, 1, 1, 9))
    bad = backups.backup_path(notebook.path, "manual", now=datetime(2026, 1, 2, 9))
    bad.write_bytes(b"not a database at all")
    listed = backups.list_backups(notebook.path)
    assert [(b.path, b.usable) for b in listed] == [(bad, False), (good, True)]
    assert backups.newest_good_backup(notebook.path).path == good


# --------------------------------------------------------------- restoring
def test_restore_brings_back_the_old_state_and_keeps_the_current_one(notebook):
    path = notebook.path
    copy = backups.backup_now(notebook, "manual", now=datetime(2026, 1, 1, 9))
    _people(notebook, "Carl", "Dorte Søgaard")
    notebook.close()

    result = backups.restore(path, copy)
    assert _names(path) == ["Anna", "Bo"]
    assert result.safety_copy is not None and result.safety_copy.name.startswith("feltbog-before-restore-")
    with Store.open(path) as store:
        assert store.integrity_problems() == []  # includes the FTS integrity-check
        hits = store.conn.execute("SELECT count(*) FROM people_fts WHERE people_fts MATCH 'anna'").fetchone()[
            0
        ]
        assert hits == 1

    backups.restore(path, result.safety_copy)  # undo the restore
    assert _names(path) == ["Anna", "Bo", "Carl", "Dorte Søgaard"]


def test_restore_keeps_edits_that_were_only_in_the_wal(tmp_path, notebook):
    copy = backups.backup_now(notebook, "manual", now=datetime(2026, 1, 1, 9))
    notebook.conn.execute("PRAGMA wal_autocheckpoint=0")
    _people(notebook, "Kun i WAL")
    # The state a crash would leave: main file plus -wal, the -wal holding the last edit.
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for suffix in ("", "-wal"):
        shutil.copy(str(notebook.path) + suffix, crashed / ("feltbog.sqlite" + suffix))
    assert (crashed / "feltbog.sqlite-wal").stat().st_size > 0
    path = crashed / "feltbog.sqlite"

    result = backups.restore(path, copy)
    assert (
        not (crashed / "feltbog.sqlite-wal").exists() or (crashed / "feltbog.sqlite-wal").stat().st_size == 0
    )
    assert _names(path) == ["Anna", "Bo"]
    assert _names(result.safety_copy) == ["Anna", "Bo", "Kun i WAL"]


def test_a_damaged_copy_is_refused_and_nothing_changes(notebook, tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    notebook.close()
    with pytest.raises(BadBackupError) as caught:
        backups.restore(notebook.path, bad)
    assert "kan ikke gendannes" in caught.value.message("da")
    assert _names(notebook.path) == ["Anna", "Bo"]
    assert backups.list_backups(notebook.path) == []


def test_a_restore_never_brings_an_erased_person_back(notebook):
    path = notebook.path
    copy = backups.backup_now(notebook, "manual", now=datetime(2026, 1, 1, 9))
    anna = notebook.list(Person, "name = ?", ["Anna"])[0]
    privacy.erase_person(notebook, anna.id)
    notebook.close()
    result = backups.restore(path, copy)
    assert result.erasures_carried == 1
    assert _names(path) == ["Bo"]
    with Store.open(path) as store:
        assert [v.field for v in store.versions("people", anna.id)] == ["_erased"]


# --------------------------------------------------------------- start-up
def _big_notebook(path):
    with Store.open(path) as store:
        store.bulk_add(Person(name=f"Person {n}", notes="x" * 200) for n in range(400))
        backups.backup_now(store, "daily", now=datetime(2026, 1, 1, 9))
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def test_open_with_check_reports_damage_and_offers_the_newest_good_copy(tmp_path):
    path = tmp_path / "feltbog.sqlite"
    _big_notebook(path)
    _damage(path)
    with pytest.raises(CorruptDatabaseError) as caught:
        backups.open_notebook(path)
    assert "gendanne" in caught.value.message("da") and "restore" in caught.value.message("en")

    best = backups.newest_good_backup(path)
    assert best is not None and best.counts["people"] == 400
    result = backups.restore(path)  # the newest good copy
    assert result.restored_from == best.path
    with backups.open_notebook(path) as store:
        assert store.count(Person) == 400
    # The damaged file was kept (raw) rather than destroyed.
    assert result.safety_copy.read_bytes()[:16] == b"SQLite format 3\x00"


def test_newest_good_backup_skips_a_damaged_newer_copy(tmp_path):
    path = tmp_path / "feltbog.sqlite"
    _big_notebook(path)
    with Store.open(path) as store:
        newer = backups.backup_now(store, "daily", now=datetime(2026, 1, 2, 9))
    _damage(newer, seed=3)
    best = backups.newest_good_backup(path)
    assert best is not None and best.taken_at == datetime(2026, 1, 1, 9)


def test_restore_without_any_good_copy_says_so(tmp_path, notebook):
    notebook.close()
    with pytest.raises(NoGoodBackupError) as caught:
        backups.restore(notebook.path)
    assert "ingen brugbar sikkerhedskopi" in caught.value.message("da")


def test_restore_onto_a_new_laptop_where_no_notebook_exists_yet(notebook, tmp_path):
    copy = notebook.backup(tmp_path / "from-usb.sqlite")
    (tmp_path / "new").mkdir()
    fresh = tmp_path / "new" / "feltbog.sqlite"
    result = backups.restore(fresh, copy)
    assert result.safety_copy is None
    assert _names(fresh) == ["Anna", "Bo"]


def test_a_notebook_whose_first_page_is_gone_is_treated_as_damaged(tmp_path):
    path = tmp_path / "feltbog.sqlite"
    _big_notebook(path)
    data = bytearray(path.read_bytes())
    data[:100] = b"\x00" * 100
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptDatabaseError):
        backups.open_notebook(path)
    result = backups.restore(path)
    with backups.open_notebook(path) as store:
        assert store.count(Person) == 400
    assert result.safety_copy.read_bytes()[:100] == b"\x00" * 100  # kept as it was


def test_a_stranger_file_is_still_not_a_notebook(tmp_path):
    from fieldapp.store import NotANotebookError

    path = tmp_path / "notes.txt"
    path.write_text("just some text")
    with pytest.raises(NotANotebookError):
        backups.open_notebook(path)


# ------------------------------------------------- compressed copies, leftovers
def test_automatic_copies_are_compressed_and_restore_like_plain_ones(tmp_path):
    path = tmp_path / "feltbog.sqlite"
    _big_notebook(path)  # takes a daily copy
    with Store.open(path) as store:
        manual = backups.backup_now(store, "manual", now=datetime(2026, 1, 2, 9))
        _people(store, "Carla")
    daily = next(b for b in backups.list_backups(path) if b.kind == "daily")
    plain_size = path.stat().st_size
    for copy in (daily.path, manual):
        assert copy.suffix == ".feltbak" and copy.read_bytes().startswith(b"FELTBOG-BACKUP 1\n")
        assert copy.stat().st_size < plain_size / 3
    assert daily.counts["people"] == 400 and daily.usable
    backups.restore(path, manual)
    with Store.open(path) as store:
        assert store.count(Person) == 400  # Carla came after the copy


def test_a_damaged_compressed_copy_is_found_by_its_checksum(tmp_path):
    path = tmp_path / "feltbog.sqlite"
    _big_notebook(path)
    copy = backups.list_backups(path)[0].path
    data = bytearray(copy.read_bytes())
    data[len(data) // 2] ^= 0xFF
    copy.write_bytes(bytes(data))
    assert backups.list_backups(path)[0].usable  # the header alone looks fine
    _counts, problem = backups.inspect_copy(copy, check=True)
    assert problem
    with pytest.raises(BadBackupError):
        backups.restore(path, copy)
    assert _count_people(path) == 400


def _count_people(path) -> int:
    with Store.open(path) as store:
        return store.count(Person)


def test_a_copy_taken_while_the_app_saves_is_consistent_and_does_not_block(tmp_path, monkeypatch):
    path = tmp_path / "feltbog.sqlite"
    _big_notebook(path)
    monkeypatch.setattr(backups, "STEP_PAGES", 1)
    edits = []
    with Store.open(path) as store:

        def progress(_fraction: float) -> None:
            # The app's connection writes between the copy's steps, and is never kept waiting.
            if len(edits) < 20:
                edits.append(store.add(Person(name=f"Typed {len(edits)}")))

        copy = backups.backup_now(store, "manual", progress=progress)
        assert store.count(Person) == 420
    assert edits
    counts, problem = backups.inspect_copy(copy, check=True)
    assert problem is None and counts["people"] == 400  # as it was when the copy began


def test_a_cancelled_copy_leaves_nothing(tmp_path):
    import threading

    path = tmp_path / "feltbog.sqlite"
    _big_notebook(path)
    folder = backups.default_backup_dir(path)
    before = sorted(folder.iterdir())
    cancel = threading.Event()
    with Store.open(path) as store, pytest.raises(backups.BackupCancelled):
        backups.backup_now(
            store, "daily", now=datetime(2026, 1, 5, 9), cancel=cancel, progress=lambda f: cancel.set()
        )
    assert sorted(folder.iterdir()) == before


KILLED_COPY = """
import sys, time
from pathlib import Path
from fieldapp.store import backups
backups.STEP_PAGES = 1
def slow(fraction):
    print("copying", flush=True)
    time.sleep(0.05)
backups.backup_file(Path(sys.argv[1]), "daily", progress=slow)
"""


def test_a_killed_copy_leaves_a_partial_that_the_next_copy_removes(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "feltbog.sqlite"
    _big_notebook(path)
    folder = backups.default_backup_dir(path)
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_COPY, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout.readline().strip() == "copying"
    process.kill()
    process.wait()
    process.stdout.close()
    assert list(folder.glob("*.partial"))  # what a kill leaves behind ...
    with Store.open(path) as store:
        backups.backup_now(store, "manual")
    assert not list(folder.glob("*.partial"))  # ... is gone with the next copy
    assert all(b.usable for b in backups.list_backups(path, check=True))


def test_a_killed_restore_leaves_nothing_after_the_next_start(tmp_path):
    path = tmp_path / "feltbog.sqlite"
    _big_notebook(path)
    building = path.with_name(path.name + ".restoring")
    building.write_bytes(b"half a notebook")
    Path(str(building) + "-journal").write_bytes(b"x")
    backups.remove_leftovers(path)
    assert not building.exists() and not Path(str(building) + "-journal").exists()


def test_copies_taken_before_a_sync_by_older_versions_are_listed_and_rotated(tmp_path, notebook):
    folder = backups.default_backup_dir(notebook.path)
    folder.mkdir(exist_ok=True)
    old = [folder / f"feltbog-before-sync-2026010{n}-090000-123456.sqlite" for n in range(1, 6)]
    for target in old:
        notebook.backup(target)
    listed = backups.list_backups(notebook.path)
    assert {b.kind for b in listed} == {"before-import"} and len(listed) == 5
    backups.before_import(notebook)
    kinds = [b.kind for b in backups.list_backups(notebook.path)]
    assert kinds == ["before-import"] * backups.KEEP_NEWEST["before-import"]


def test_fieldapp_restore_lists_every_backup_also_those_taken_before_a_sync(notebook, capsys, monkeypatch):
    from fieldapp.cli.main import run

    monkeypatch.setenv("FELTBOG_LANG", "da")
    backups.backup_now(notebook, "daily", now=datetime(2026, 1, 1, 9))
    backups.before_import(notebook)
    path = notebook.path
    notebook.close()
    assert run(["restore", "--db", str(path), "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert "før en indlæsning" in lines[0] and "2 personer" in lines[0] and lines[0].endswith(".feltbak")
    assert lines[1].startswith("2026-01-01 09:00:00") and "daglig" in lines[1]
    assert _names(path) == ["Anna", "Bo"]  # nothing restored


def test_without_lzma_the_daily_copy_is_gzipped(notebook, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "lzma", None)  # a Python built without liblzma
    copy = backups.backup_now(notebook, "daily", now=datetime(2026, 1, 1, 9))
    assert backups.read_header(copy)["codec"] == "gz"
    assert backups.inspect_copy(copy, check=True) == (
        {"people": 2, "activities": 0, "observations": 0, "actions": 0},
        None,
    )
