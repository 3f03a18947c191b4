"""Issue 13.1 / 17.2: the erasure rule comes from the field specs, and the erasure ledger beside the
notebook carries erasures over a crash, a damaged notebook and a restore."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest

from fieldapp.domain import BY_TABLE, Activity, ActivityKind, LeadershipStage, Participant, Person
from fieldapp.reports import activity as activity_report
from fieldapp.reports import person as person_report
from fieldapp.store import ERASED, Store, backups, privacy
from fieldapp.store.errors import ErasuresUnknownError

SECRET = "Hemmelig Hansen"


# ------------------------------------------------------------------ the rule and the specs agree
def test_every_personal_field_is_covered_by_the_rule():
    """A field marked personal is erased with the person: its row goes (people, link rows)
    or it is one of the fields a row *about* the person loses. Nothing personal is forgotten."""
    for tbl, cls in BY_TABLE.items():
        personal = {s.name for s in cls.specs() if s.personal}
        if not personal or tbl == "people" or tbl in privacy.LINK_TABLES:
            continue
        assert cls.SUBJECT_FIELD is not None, f"{tbl} has personal fields but no SUBJECT_FIELD"
        assert set(privacy.ERASED_VALUES[tbl]) == personal


def test_what_a_one_to_one_report_shows_of_the_talk_is_personal():
    """The talk notes the reports treat as confidential are exactly fields the erasure empties."""
    shown = set(person_report.TALK_FIELDS) | set(activity_report.ONE_TO_ONE_NOTES)
    assert shown <= set(privacy.ONE_TO_ONE_PERSONAL)
    assert {"title", "place", "leadership_assessment", "follow_up_date"} <= set(privacy.ONE_TO_ONE_PERSONAL)
    assert privacy.LINK_TABLES == ("participants", "relations")


def test_erasure_empties_exactly_the_personal_fields_of_a_talk(store: Store):
    karen = store.add(Person(name=SECRET))
    values = {}
    for spec in Activity.specs():
        if spec.personal:
            values[spec.name] = {
                "text": f"{SECRET} {spec.name}",
                "enum": LeadershipStage.POTENTIAL,
                "date": date(2026, 6, 1),
            }[spec.kind]
    talk = store.add(
        Activity(kind=ActivityKind.ONE_TO_ONE, starts_at=datetime(2026, 5, 1), person_id=karen.id, **values)
    )
    privacy.erase_person(store, karen.id)
    after = store.get(Activity, talk.id)
    for spec in Activity.specs():
        if spec.personal:
            expected = privacy.ERASED_TITLE if spec.name == "title" else None
            assert getattr(after, spec.name) == expected, spec.name
    assert after.kind is ActivityKind.ONE_TO_ONE and after.starts_at == datetime(2026, 5, 1)
    history = store.conn.execute("SELECT value FROM field_versions WHERE instr(value, 'Hemmelig') > 0")
    assert history.fetchall() == []


def test_erasure_writes_through_the_store_only():
    """privacy has no write path of its own any more (issue 17.2)."""
    import inspect

    source = inspect.getsource(privacy)
    assert "_write(" not in source and "_current(" not in source and "store._log(" not in source
    assert "UPDATE activities" not in source and "INSERT INTO field_versions" not in source.replace(
        "INSERT OR IGNORE INTO field_versions", ""
    )


# ------------------------------------------------------------------ the ledger
def _notebook(tmp_path):
    store = Store.open(tmp_path / "feltbog.sqlite")
    karen = store.add(Person(name=SECRET, phone="20 30 40 50"))
    other = store.add(Person(name="Jens"))
    walk = store.add(
        Activity(kind=ActivityKind.WALKABOUT, title="Byvandring", starts_at=datetime(2026, 5, 1))
    )
    store.add(Participant(id=Participant.key(walk.id, karen.id), activity_id=walk.id, person_id=karen.id))
    store.add(
        Activity(
            kind=ActivityKind.ONE_TO_ONE,
            title=f"1:1 med {SECRET}",
            person_id=karen.id,
            starts_at=datetime(2026, 5, 2),
            story="Hemmelig historie",
        )
    )
    return store, karen, other


def _traces(path) -> list:
    conn = sqlite3.connect(path)
    try:
        found = conn.execute(
            "SELECT tbl, field FROM field_versions WHERE instr(value, 'Hemmelig') > 0 OR instr(value, '20 30') > 0"
        ).fetchall()
        found += conn.execute("SELECT id FROM people WHERE name = ?", (SECRET,)).fetchall()
        return found
    finally:
        conn.close()


def test_the_ledger_is_written_with_the_erasure_and_holds_no_personal_data(tmp_path):
    store, karen, _ = _notebook(tmp_path)
    assert privacy.read_ledger(store.path) == []  # every notebook has one, empty at first
    privacy.erase_person(store, karen.id)
    store.close()
    text = privacy.ledger_path(tmp_path / "feltbog.sqlite").read_text(encoding="utf-8")
    assert karen.id in text and ERASED in text
    assert "Hemmelig" not in text and "20 30" not in text
    assert {v.row_id for v in privacy.read_ledger(tmp_path / "feltbog.sqlite")} >= {karen.id}


def test_opening_a_notebook_carries_over_what_its_ledger_knows(tmp_path):
    """A crash after the ledger was written but before the commit, or an old copy put back by
    hand: the next open erases the person."""
    store, karen, _ = _notebook(tmp_path)
    path = store.path
    plain = tmp_path / "copy.sqlite"
    store.backup(plain)  # the notebook as it was before the erasure
    privacy.erase_person(store, karen.id)
    store.close()
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"feltbog.sqlite{suffix}").unlink(missing_ok=True)
    plain.rename(path)
    assert _traces(path) != []
    reopened = Store.open(path)
    try:
        assert reopened.find(Person, karen.id) is None
        assert reopened.get(Activity, reopened.list(Activity, "kind = 'one_to_one'")[0].id).story is None
    finally:
        reopened.close()
    assert _traces(path) == []


def test_restore_reapplies_erasures_even_when_the_notebook_is_damaged(tmp_path):
    store, karen, other = _notebook(tmp_path)
    path = store.path
    old_copy = tmp_path / "backups" / "old.sqlite"
    old_copy.parent.mkdir(exist_ok=True)
    store.backup(old_copy)
    privacy.erase_person(store, karen.id)
    store.close()
    path.write_bytes(b"SQLite format 3\x00" + b"\x00garbage" * 4096)  # damaged beyond reading
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"feltbog.sqlite{suffix}").unlink(missing_ok=True)
    result = backups.restore(path, old_copy)
    assert result.erasures_carried >= 1
    assert _traces(path) == []
    restored = Store.open(path)
    try:
        assert restored.find(Person, karen.id) is None and restored.find(Person, other.id) is not None
    finally:
        restored.close()


def test_restore_is_refused_when_erasures_cannot_be_known_unless_confirmed(tmp_path):
    store, karen, _ = _notebook(tmp_path)
    path = store.path
    old_copy = tmp_path / "backups" / "old.sqlite"
    old_copy.parent.mkdir(exist_ok=True)
    store.backup(old_copy)
    privacy.erase_person(store, karen.id)
    store.close()
    path.write_bytes(b"SQLite format 3\x00" + b"\x00garbage" * 4096)
    privacy.ledger_path(path).write_text("not a ledger", encoding="utf-8")
    damaged = path.read_bytes()
    with pytest.raises(ErasuresUnknownError) as caught:
        backups.restore(path, old_copy)
    assert "slettede personer" in caught.value.message("da") and "erased people" in caught.value.message("en")
    assert path.read_bytes() == damaged  # nothing was changed
    result = backups.restore(path, old_copy, accept_lost_erasures=True)
    assert result.restored_from == old_copy


def test_an_import_into_a_notebook_with_old_erasures_asks_for_no_new_tidy(tmp_path):
    """Only an erasure that changes something here rewrites the shared folder and the indexes."""
    from sync_support import PASSPHRASE, open_notebook

    from fieldapp.domain import Area
    from fieldapp.sync import export_file, import_file
    from fieldapp.sync.envelope import TEST_KDF

    anne, bo = open_notebook(tmp_path / "anne"), open_notebook(tmp_path / "bo")
    try:
        karen = anne.add(Person(name=SECRET))
        for n in range(3):
            anne.add(Person(name=f"Nabo {n}"))
        export_file(anne, tmp_path / "1.feltsync", PASSPHRASE, kdf=TEST_KDF)
        import_file(bo, tmp_path / "1.feltsync", PASSPHRASE)
        privacy.erase_person(anne, karen.id)
        export_file(anne, tmp_path / "2.feltsync", PASSPHRASE, kdf=TEST_KDF)
        import_file(bo, tmp_path / "2.feltsync", PASSPHRASE)
        assert privacy.tidy_pending(bo) and not privacy.scrub_pending(bo)
        assert karen.id in {v.row_id for v in privacy.read_ledger(bo.path)}
        privacy.tidied(bo)
        anne.add(Area(name="Trige"))
        export_file(anne, tmp_path / "3.feltsync", PASSPHRASE, kdf=TEST_KDF)
        import_file(bo, tmp_path / "3.feltsync", PASSPHRASE)
        assert not privacy.tidy_pending(bo) and not privacy.scrub_pending(bo)
        assert bo.find(Person, karen.id) is None
    finally:
        anne.close()
        bo.close()
