import json
import os
import sqlite3
import stat
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.domain import (
    ENTITIES,
    Action,
    Activity,
    Area,
    Attachment,
    Observation,
    ObservationTheme,
    Organisation,
    Participant,
    Person,
    Relation,
    SurveyItem,
    SurveyTally,
    Theme,
    ValidationError,
)
from fieldapp.store import (
    DatabaseLockedError,
    NewerSchemaError,
    NotANotebookError,
    NotFoundError,
    ReadOnlyError,
    Store,
)
from fieldapp.store.migrations import SCHEMA_VERSION


def _sample_notebook(store):
    """One of every entity, linked the way field work links them."""
    area = store.add(Area(name="Uldum", municipality="Hedensted Kommune", phase="develop_leaders"))
    org = store.add(Organisation(name="Uldum Borgerforening", kind="association", area_id=area.id))
    anne = store.add(
        Person(
            name="Anne Østergaard",
            area_id=area.id,
            organisation_id=org.id,
            consent_store_at="2026-03-01",
            consent_how="written",
            may_be_named=True,
        )
    )
    bo = store.add(Person(name="Bo Bækgaard", area_id=area.id))
    walk = store.add(
        Activity(
            kind="walkabout",
            title="Byvandring i Uldum",
            area_id=area.id,
            starts_at="2026-05-01 10:00",
            route="Hovedgaden → Åstien",
        )
    )
    obs = store.add(
        Observation(
            activity_id=walk.id,
            kind="hope",
            text="Åstien bruges af mange",
            observed_at="2026-05-01 10:20",
            raised_by_id=anne.id,
            lat=55.84,
            lon=9.63,
        )
    )
    theme = store.add(Theme(id=Theme.key("Natur"), name="Natur"))
    link = store.add(
        ObservationTheme(id=ObservationTheme.key(obs.id, theme.id), observation_id=obs.id, theme_id=theme.id)
    )
    part = store.add(
        Participant(id=Participant.key(walk.id, bo.id), activity_id=walk.id, person_id=bo.id, role="resident")
    )
    rel = store.add(
        Relation(id=Relation.key(anne.id, bo.id, "knows"), from_person_id=anne.id, to_person_id=bo.id)
    )
    meeting = store.add(
        Activity(kind="listening_meeting", title="Lyttemøde", starts_at="2026-06-01 19:00", attendee_count=23)
    )
    item = store.add(
        SurveyItem(activity_id=meeting.id, position=0, statement="Jeg havde indflydelse på beslutningerne")
    )
    tally = store.add(
        SurveyTally(id=SurveyTally.key(item.id, "agree"), item_id=item.id, answer="agree", count=9)
    )
    action = store.add(
        Action(
            text="Indkald til møde om stien",
            area_id=area.id,
            activity_id=walk.id,
            owner_id=anne.id,
            due_date="2026-06-15",
        )
    )
    attachment = store.add(Attachment(sha256="a" * 64, filename="sti.jpg", size=10, activity_id=walk.id))
    return [area, org, anne, bo, walk, obs, theme, link, part, rel, meeting, item, tally, action, attachment]


def test_every_entity_round_trips(store):
    written = _sample_notebook(store)
    assert {type(e) for e in written} == set(ENTITIES)
    for entity in written:
        stored = store.get(type(entity), entity.id)
        assert stored.values() == entity.values()
        assert stored.created_at and stored.updated_at


def test_round_trip_survives_reopening(tmp_path):
    with Store.open(tmp_path / "n.sqlite") as store:
        written = _sample_notebook(store)
    with Store.open(tmp_path / "n.sqlite") as store:
        for entity in written:
            assert store.get(type(entity), entity.id).values() == entity.values()


def test_new_file_is_created_migrated_and_configured(tmp_path):
    with Store.open(tmp_path / "new.sqlite") as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
        assert store.integrity_problems() == []
        site = store.site
    with Store.open(tmp_path / "new.sqlite") as store:
        assert store.site == site  # identity and clock persist


def test_clock_is_persisted(tmp_path):
    with Store.open(tmp_path / "n.sqlite") as store:
        store.add(Area(name="Barrit"))
        last = store.clock.last
    with Store.open(tmp_path / "n.sqlite") as store:
        assert store.clock.last == last
        assert store.clock.now() > last


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.sqlite"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('feltbog', '0099_future', 'x')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(NewerSchemaError) as caught:
        Store.open(path)
    assert "nyere version af Feltbog" in caught.value.message("da")
    assert "newer version" in caught.value.message("en")


def test_files_that_are_not_notebooks_are_refused(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("Dette er ikke en database")
    with pytest.raises(NotANotebookError):
        Store.open(text)
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE something (x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotANotebookError):
        Store.open(other)
    assert other.stat().st_size > 0  # and it was left alone


def test_pending_migration_takes_a_backup_first(tmp_path, monkeypatch):
    from fieldapp.store import migrations

    path = tmp_path / "n.sqlite"
    with Store.open(path) as store:
        store.add(Area(name="Vemmelev"))

    def m0002_test(db):
        db.execute("CREATE TABLE test_only (x)")

    names = list(migrations.MIGRATION_NAMES)
    registered = list(migrations.migrations._migrations)
    try:
        migrations.migration("0002_test_only")(m0002_test)
        with Store.open(path) as store:
            assert store.conn.execute("SELECT count(*) FROM test_only").fetchone()[0] == 0
    finally:
        migrations.MIGRATION_NAMES[:] = names
        migrations.migrations._migrations[:] = registered
    backups = list((tmp_path / "backups").glob("n-before-migration-*.sqlite"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    assert conn.execute("SELECT name FROM areas").fetchall() == [("Vemmelev",)]
    assert not conn.execute("SELECT name FROM sqlite_master WHERE name = 'test_only'").fetchall()
    conn.close()


def _versions(store, tbl, row_id):
    return [(v.field, v.value, v.prev) for v in store.versions(tbl, row_id)]


def test_add_update_delete_write_exact_field_versions(store):
    area = store.add(Area(name="Uldum", municipality="Hedensted Kommune"))
    rows = store.versions("areas", area.id)
    assert {(v.field, v.value) for v in rows} == {
        ("name", "Uldum"),
        ("municipality", "Hedensted Kommune"),
        ("phase", "awaken"),
        ("influence", "consult"),
    }
    assert len({v.hlc for v in rows}) == 1 and all(v.site == store.site and v.prev is None for v in rows)
    created = rows[0]

    store.update(Area, area.id, name="Uldum by", phase="awaken")  # phase unchanged: not logged
    rows = store.versions("areas", area.id)
    assert len(rows) == 5
    newest = rows[-1]
    assert (newest.field, newest.value, newest.prev) == ("name", "Uldum by", created.key)
    assert newest.hlc > created.hlc

    store.update(Area, area.id, municipality=None)
    assert store.versions("areas", area.id)[-1].value is None

    store.delete(Area, area.id)
    tombstone = store.versions("areas", area.id)[-1]
    assert (tombstone.field, tombstone.value) == ("_deleted", True)
    assert store.find(Area, area.id) is None


def test_unchanged_update_writes_nothing(store):
    area = store.add(Area(name="Barrit"))
    before = store.counts()["field_versions"]
    store.update(Area, area.id, name="Barrit")
    assert store.counts()["field_versions"] == before


def test_delete_cascades_with_a_tombstone_for_every_row(store):
    items = _sample_notebook(store)
    walk = items[4]
    children = {
        ("observations", items[5].id),
        ("observation_themes", items[7].id),
        ("participants", items[8].id),
        ("attachments", items[14].id),
        ("activities", walk.id),
    }
    store.delete(Activity, walk.id)
    for tbl, row_id in children:
        assert store.versions(tbl, row_id)[-1].field == "_deleted"
        assert store.conn.execute(f"SELECT 1 FROM {tbl} WHERE id = ?", (row_id,)).fetchone() is None
    # What is not part of the walkabout stays.
    assert store.find(Action, items[13].id) is not None
    assert store.find(Person, items[2].id) is not None


def test_validation_and_bad_references_write_nothing(store):
    before = store.counts()
    with pytest.raises(ValidationError):
        store.add(Activity(kind="walkabout", title="", starts_at="i går"))
    with pytest.raises(ValidationError) as caught:
        store.add(Observation(activity_id="01a20906-a1a2-7d54-a356-6e53ff71a606", text="x"))
    assert "ikke findes" in caught.value.message("da")
    area = store.add(Area(name="Uldum"))
    with pytest.raises(ValidationError):
        store.update(Area, area.id, phase="sleeping")
    assert store.get(Area, area.id).phase.value == "awaken"
    assert store.counts()["field_versions"] == before["field_versions"] + 3


def test_unknown_ids_raise_not_found(store):
    with pytest.raises(NotFoundError) as caught:
        store.get(Area, "01a20906-a1a2-7d54-a356-6e53ff71a606")
    assert "område" in caught.value.message("da")
    with pytest.raises(NotFoundError):
        store.delete(Area, "01a20906-a1a2-7d54-a356-6e53ff71a606")


def test_a_failed_transaction_leaves_nothing_behind(store):
    before = store.counts()
    with pytest.raises(RuntimeError), store.transaction():
        store.add(Area(name="Haarby"))
        raise RuntimeError("power cut")
    assert store.counts() == before


def test_locked_database_gives_a_clear_error(tmp_path, monkeypatch):
    import fieldapp.store.store as store_module

    path = tmp_path / "n.sqlite"
    Store.open(path).close()
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 100)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with Store.open(path) as store:
            with pytest.raises(DatabaseLockedError) as caught:
                store.add(Area(name="Dalmose"))
            assert "i brug" in caught.value.message("da")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    with Store.open(path) as store:
        assert store.count(Area) == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_notebook_gives_a_clear_error(tmp_path):
    path = tmp_path / "n.sqlite"
    Store.open(path).close()
    path.chmod(stat.S_IRUSR)
    with pytest.raises(ReadOnlyError):
        Store.open(path)


def test_read_only_writes_are_refused_cleanly(tmp_path):
    path = tmp_path / "n.sqlite"
    with Store.open(path) as store:
        store.add(Area(name="Uldum"))
        store.conn.execute("PRAGMA query_only = ON")
        with pytest.raises(ReadOnlyError) as caught:
            store.add(Area(name="Barrit"))
        assert "skrivebeskyttet" in caught.value.message("da")
        store.conn.execute("PRAGMA query_only = OFF")
        assert [a.name for a in store.list(Area)] == ["Uldum"]


def _table_dump(store):
    dump = {}
    for cls in ENTITIES:
        cursor = store.conn.execute(f"SELECT * FROM {cls.TABLE} ORDER BY id")
        dump[cls.TABLE] = cursor.fetchall()
    return dump


_edits = st.lists(
    st.tuples(
        st.sampled_from(["add", "rename", "describe", "delete", "revive"]),
        st.integers(0, 3),
        st.text(alphabet="abcæøå ", min_size=1, max_size=8).filter(str.strip),
    ),
    min_size=1,
    max_size=25,
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=_edits)
def test_local_writes_equal_recomputing_from_the_change_log(tmp_path_factory, edits):
    store = Store.memory(tmp_path_factory.getbasetemp() / "attachments")
    ids: list[str] = []
    try:
        for op, index, text in edits:
            target = ids[index % len(ids)] if ids else None
            exists = target is not None and store.find(Area, target) is not None
            if op == "add" or target is None:
                ids.append(store.add(Area(name=text)).id)
            elif op == "rename" and exists:
                store.update(Area, target, name=text)
            elif op == "describe" and exists:
                store.update(Area, target, description=text if len(text) > 3 else None)
            elif op == "delete" and exists:
                store.delete(Area, target)
            elif op == "revive" and not exists:
                store.add(Area(id=target, name=text))
        before = _table_dump(store)
        row_ids = [
            r[0] for r in store.conn.execute("SELECT DISTINCT row_id FROM field_versions WHERE tbl = 'areas'")
        ]
        store.conn.execute("DELETE FROM areas")
        store.recompute("areas", row_ids)
        assert _table_dump(store) == before
        assert store.integrity_problems() == []
    finally:
        store.close()


def test_an_edit_newer_than_a_delete_revives_the_row(store):
    area = store.add(Area(name="Glamsbjerg"))
    store.delete(Area, area.id)
    revived = store.add(Area(id=area.id, name="Glamsbjerg"))
    assert revived.created_at == area.created_at  # the row's history starts at its first version
    store.recompute("areas", [area.id])
    assert store.get(Area, area.id).name == "Glamsbjerg"


def test_erased_rows_never_come_back(store):
    from fieldapp.store import ERASED

    person = store.add(Person(name="Ida Jensen"))
    with store.transaction():
        store._log("people", person.id, {ERASED: True}, store.clock.now())
        store._log("people", person.id, {"name": "Ida Jensen"}, store.clock.now())
    store.recompute("people", [person.id])
    assert store.find(Person, person.id) is None


def test_values_are_json_in_the_change_log(store):
    person = store.add(Person(name="Åse", may_be_named=True, review_after=date(2027, 1, 1)))
    raw = dict(
        store.conn.execute(
            "SELECT field, value FROM field_versions WHERE row_id = ?", (person.id,)
        ).fetchall()
    )
    assert json.loads(raw["may_be_named"]) == 1
    assert json.loads(raw["review_after"]) == "2027-01-01"
    assert json.loads(raw["name"]) == "Åse"


def test_bulk_add_is_all_or_nothing(store):
    area = Area(name="Uldum")
    with pytest.raises(ValidationError):
        store.bulk_add([area, Activity(kind="walkabout", title="", starts_at=datetime(2026, 1, 1))])
    assert store.count(Area) == 0
    assert store.bulk_add([area]) == 1
    assert store.versions("areas", area.id)


def test_change_log_sequence_numbers_are_never_reused(store):
    """Sync exports "everything after seq N"; a purge (GDPR erasure) must not let new versions reuse old numbers."""
    store.add(Area(name="Uldum"))
    top = store.conn.execute("SELECT max(seq) FROM field_versions").fetchone()[0]
    store.conn.execute("DELETE FROM field_versions WHERE seq >= ?", (top - 1,))
    store.add(Area(name="Barrit"))
    newest = store.conn.execute("SELECT min(seq) FROM field_versions WHERE value = '\"Barrit\"'").fetchone()[
        0
    ]
    assert newest > top
