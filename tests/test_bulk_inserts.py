"""Bulk inserts set a table's insert triggers aside and do their work in one statement.

What the triggers keep (the full-text index, each person's last contact) must come out
exactly as if every row had gone in one by one, and the triggers must be back afterwards.
"""

from __future__ import annotations

from sync_support import PASSPHRASE, open_notebook, tables

from fieldapp.demo import build_demo
from fieldapp.store import Store
from fieldapp.store.migrations import FTS_COLUMNS
from fieldapp.sync import export_file, import_file
from fieldapp.sync.envelope import TEST_KDF

# The last-contact table as migration 0005 first fills it, from scratch.
LAST_CONTACT = """
    SELECT person_id, max(s) FROM (
        SELECT pt.person_id AS person_id, a.starts_at AS s
          FROM participants pt JOIN activities a ON a.id = pt.activity_id
        UNION ALL
        SELECT person_id, starts_at FROM activities WHERE person_id IS NOT NULL)
    GROUP BY person_id ORDER BY person_id"""


def triggers(store: Store) -> list[tuple]:
    return store.conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    ).fetchall()


def assert_derived_data_sound(store: Store) -> None:
    for table in FTS_COLUMNS:  # FTS5 checks an external-content index against its table
        store.conn.execute(f"INSERT INTO {table}_fts ({table}_fts) VALUES ('integrity-check')")
    kept = store.conn.execute(
        "SELECT person_id, last FROM person_last_contact WHERE last IS NOT NULL ORDER BY person_id"
    ).fetchall()
    assert kept == store.conn.execute(LAST_CONTACT).fetchall()
    assert kept, "the demo has people who were met"


def test_a_bulk_load_and_a_sync_import_keep_search_and_last_contact_exact(tmp_path):
    anne, bo = open_notebook(tmp_path / "anne"), open_notebook(tmp_path / "bo")
    try:
        installed = triggers(anne)
        build_demo(anne, size=300, seed=5)  # batches of thousands of rows: the bulk path
        assert triggers(anne) == installed
        assert_derived_data_sound(anne)

        export_file(anne, tmp_path / "demo.feltsync", PASSPHRASE, kdf=TEST_KDF)
        import_file(bo, tmp_path / "demo.feltsync", PASSPHRASE)
        assert triggers(bo) == installed
        assert_derived_data_sound(bo)
        assert tables(bo) == tables(anne)
        assert bo.search("legeplads") == anne.search("legeplads") != []
    finally:
        anne.close()
        bo.close()


def test_a_failed_bulk_insert_leaves_the_triggers_in_place(tmp_path):
    store = open_notebook(tmp_path / "x")
    try:
        installed = triggers(store)
        names = ["id", "created_at", "updated_at", "name"]
        rows = [
            (f"00000000-0000-7000-8000-{n:012d}", "2026-01-01", "2026-01-01", f"Område {n}")
            for n in range(300)
        ]
        rows.append(rows[0])  # the same id twice: the insert fails half-way
        try:
            with store.transaction():
                store._insert_rows("areas", names, rows)
        except Exception:  # noqa: BLE001 - sqlite3.IntegrityError, whatever the driver calls it
            pass
        else:
            raise AssertionError("a duplicate id was accepted")
        assert triggers(store) == installed
        assert store.conn.execute("SELECT count(*) FROM areas").fetchone()[0] == 0
        assert store.conn.execute("SELECT count(*) FROM areas_fts").fetchone()[0] == 0
    finally:
        store.close()


def test_people_met_before_their_walk_arrived_get_its_date(tmp_path):
    """Files arrive in any order: participations can be here before their activity is."""
    from fieldapp.store import changelog
    from fieldapp.sync.archive import Limits
    from fieldapp.sync.service import _unpack

    anne, bo = open_notebook(tmp_path / "anne"), open_notebook(tmp_path / "bo")
    try:
        build_demo(anne, size=300, seed=6)
        export_file(anne, tmp_path / "demo.feltsync", PASSPHRASE, kdf=TEST_KDF)
        incoming = _unpack(
            (tmp_path / "demo.feltsync").read_bytes(), "demo", "sha", PASSPHRASE, None, Limits()
        )
        first = [
            (row, value)
            for row, value in zip(incoming.rows, incoming.values, strict=True)
            if row[0] == "participants"
        ]
        assert len(first) > 200
        with bo.transaction():
            changelog.merge(bo, [row for row, _ in first], [value for _, value in first])
        with bo.transaction():
            changelog.merge(bo, incoming.rows, incoming.values)
        assert_derived_data_sound(bo)
        assert tables(bo) == tables(anne)
    finally:
        anne.close()
        bo.close()
