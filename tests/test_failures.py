"""A write that fails (full disk, read-only, locked) says why and leaves nothing half-written."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from fieldapp.domain import Person
from fieldapp.store import DatabaseLockedError, DiskFullError, ReadOnlyError, Store, StoreError, backups
from fieldapp.store.errors import translate_os_error


def _consistent(store: Store) -> None:
    """Every materialised person has its versions and every logged person its row."""
    rows = {r[0] for r in store.conn.execute("SELECT id FROM people")}
    logged = {
        r[0] for r in store.conn.execute("SELECT DISTINCT row_id FROM field_versions WHERE tbl = 'people'")
    }
    assert rows == logged
    assert store.integrity_problems() == []


def test_a_full_disk_refuses_the_write_cleanly_and_a_retry_works(store):
    store.add(Person(name="Før"))
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count={pages + 2}")
    note = "Et langt referat fra lyttemødet. " * 600
    with pytest.raises(DiskFullError) as caught:
        for n in range(50):
            store.add(Person(name=f"Person {n}", notes=note))
    assert "Disken er fuld" in caught.value.message("da")
    assert "disk is full" in caught.value.message("en")
    _consistent(store)
    stored = store.count(Person)
    unsaved = Person(name="Gemmes senere", notes=note)
    with pytest.raises(DiskFullError):
        store.add(unsaved)
    assert store.count(Person) == stored
    store.conn.execute("PRAGMA max_page_count=1073741823")  # space freed
    assert store.add(unsaved).notes == note  # the same text, saved on retry
    _consistent(store)


def test_an_update_on_a_full_disk_keeps_the_old_value(store):
    person = store.add(Person(name="Anna", notes="kort"))
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count={pages}")
    with pytest.raises(DiskFullError):
        store.update(Person, person.id, notes="meget længere tekst " * 900)
    assert store.get(Person, person.id).notes == "kort"
    assert [v.value for v in store.versions("people", person.id) if v.field == "notes"] == ["kort"]


def test_a_read_only_notebook_refuses_writes_with_a_clear_message(store):
    person = store.add(Person(name="Anna"))
    store.conn.execute("PRAGMA query_only=1")  # SQLite answers as for a read-only file
    for write in (
        lambda: store.add(Person(name="Bo")),
        lambda: store.update(Person, person.id, name="Anne"),
        lambda: store.delete(Person, person.id),
    ):
        with pytest.raises(ReadOnlyError) as caught:
            write()
        assert "skrivebeskyttet" in caught.value.message("da")
    store.conn.execute("PRAGMA query_only=0")
    assert [p.name for p in store.list(Person)] == ["Anna"]
    _consistent(store)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_file_on_disk(tmp_path):
    path = tmp_path / "feltbog.sqlite"
    with Store.open(path) as store:
        store.add(Person(name="Anna"))
    path.chmod(stat.S_IRUSR)
    tmp_path.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(StoreError), Store.open(path) as store:
            store.add(Person(name="Bo"))
    finally:
        tmp_path.chmod(stat.S_IRWXU)
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert [p.name for p in Store.open(path).list(Person)] == ["Anna"]


def test_a_notebook_locked_by_another_program(store):
    store.conn.execute("PRAGMA busy_timeout=100")
    other = sqlite3.connect(store.path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO meta (key, value) VALUES ('other', 'x')")
        with pytest.raises(DatabaseLockedError) as caught:
            store.add(Person(name="Anna"))
        assert "i brug af et andet program" in caught.value.message("da")
        assert "in use by another program" in caught.value.message("en")
        other.execute("ROLLBACK")
    finally:
        other.close()
    assert store.add(Person(name="Anna")).name == "Anna"
    _consistent(store)


def test_a_backup_that_cannot_be_written_leaves_no_partial_file(store, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backup folder should be")
    with pytest.raises(StoreError):
        store.backup(blocker / "copy.sqlite")
    assert not list(tmp_path.rglob("*.partial"))


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_real_out_of_space_error_reads_as_disk_full():
    with pytest.raises(OSError) as caught, open("/dev/full", "wb") as handle:
        handle.write(b"x" * 10)
        handle.flush()
    error = translate_os_error(caught.value, "/dev/full")
    assert isinstance(error, DiskFullError)


def test_a_failed_daily_copy_does_not_stop_the_notebook_from_opening(tmp_path):
    path = tmp_path / "feltbog.sqlite"
    Store.open(path).close()
    (tmp_path / "backups").write_text("a file where the backup folder should be")
    with backups.open_notebook(path) as store:
        assert store.add(Person(name="Anna")).name == "Anna"
