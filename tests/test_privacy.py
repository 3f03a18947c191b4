"""GDPR: consent, the retention review, erasure (also across two notebooks) and access export."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from fieldapp.domain import (
    Action,
    Activity,
    ActivityKind,
    Area,
    ConsentHow,
    Observation,
    Participant,
    Person,
    Relation,
    RelationKind,
    ValidationError,
)
from fieldapp.store import ERASED, NotFoundError, Store, privacy
from fieldapp.store.store import FieldVersion

NAME = "Karen Østergård"
PHONE = "20 30 40 50"


@pytest.fixture
def village(store):
    """A small notebook around one resident, Karen, who appears everywhere."""
    area = store.add(Area(name="Hvidbjerg"))
    staff = store.add(Person(name="Mette Medarbejder", is_staff=True))
    karen = store.add(
        Person(
            name=NAME,
            phone=PHONE,
            email="karen@example.dk",
            area_id=area.id,
            interests="Legepladsen og fællesspisning",
            notes="Kender alle i byen",
        )
    )
    other = store.add(Person(name="Jens Jensen"))
    walk = store.add(
        Activity(
            kind=ActivityKind.WALKABOUT,
            title="Byvandring i Hvidbjerg",
            starts_at=datetime(2026, 5, 1, 10),
            area_id=area.id,
            facilitator_id=staff.id,
        )
    )
    talk = store.add(
        Activity(
            kind=ActivityKind.ONE_TO_ONE,
            title=f"1:1 med {NAME}",
            starts_at=datetime(2026, 5, 3, 14),
            person_id=karen.id,
            facilitator_id=staff.id,
            story="Flyttede hertil i 1998 og har tre børn",
            self_interest="Skolevejen",
            concerns="Trafikken om morgenen",
            resources="Tømrer",
            next_step="Ring i juni",
            summary="Godt møde med Karen",
        )
    )
    store.add(Participant(id=Participant.key(walk.id, karen.id), activity_id=walk.id, person_id=karen.id))
    store.add(Participant(id=Participant.key(walk.id, other.id), activity_id=walk.id, person_id=other.id))
    store.add(
        Relation(
            id=Relation.key(karen.id, other.id, "knows"),
            from_person_id=karen.id,
            to_person_id=other.id,
            kind=RelationKind.KNOWS,
            note="Naboer",
        )
    )
    store.add(
        Relation(
            id=Relation.key(other.id, karen.id, "introduced_by"),
            from_person_id=other.id,
            to_person_id=karen.id,
            kind=RelationKind.INTRODUCED_BY,
        )
    )
    obs = store.add(
        Observation(activity_id=walk.id, text="Fortovet er for smalt ved skolen", raised_by_id=karen.id)
    )
    action = store.add(Action(text="Tal med vejafdelingen", owner_id=karen.id, area_id=area.id))
    store.update(Person, karen.id, notes="Kender alle i byen, især Jens")  # an older version to purge
    return dict(
        area=area, staff=staff, karen=karen, other=other, walk=walk, talk=talk, obs=obs, action=action
    )


# ------------------------------------------------------------------- consent
def test_consent_is_recorded_and_a_review_date_is_set(store, village):
    person = privacy.record_consent(
        store,
        village["karen"].id,
        on=date(2026, 5, 3),
        how=ConsentHow.WRITTEN,
        purpose="Opfølgning på byvandringen",
        may_be_named=True,
        may_contact=True,
    )
    assert person.consent_store_at == date(2026, 5, 3)
    assert person.consent_how is ConsentHow.WRITTEN
    assert person.consent_purpose == "Opfølgning på byvandringen"
    assert person.may_be_named and person.may_contact
    assert person.review_after == date(2028, 5, 2)


def test_withdrawing_consent_records_the_date_and_stops_naming_and_contact(store, village):
    pid = village["karen"].id
    privacy.record_consent(store, pid, on=date(2026, 5, 3), how="verbal", may_be_named=True, may_contact=True)
    person = privacy.withdraw_consent(store, pid, on=date(2026, 9, 1))
    assert person.consent_withdrawn_at == date(2026, 9, 1)
    assert person.may_be_named is False and person.may_contact is False
    assert person.consent_store_at == date(2026, 5, 3)  # evidence of what was withdrawn stays
    again = privacy.record_consent(store, pid, on=date(2026, 10, 1), how="written")
    assert again.consent_withdrawn_at is None


# ------------------------------------------------------------------- review
def test_review_list_shows_people_past_their_date_but_not_staff(store, village):
    store.update(Person, village["karen"].id, review_after=date(2026, 6, 1))
    store.update(Person, village["other"].id, review_after=date(2026, 12, 1))
    store.update(Person, village["staff"].id, review_after=date(2026, 1, 1))
    due = privacy.due_for_review(store, today=date(2026, 7, 1))
    assert [item.person.id for item in due] == [village["karen"].id]
    assert due[0].days_overdue == 30
    assert due[0].last_seen == date(2026, 5, 3)
    assert privacy.due_for_review(store, today=date(2026, 6, 1)) == []  # "after" the date, not on it


def test_keep_until_moves_the_review_date_and_refuses_the_past(store, village):
    pid = village["karen"].id
    store.update(Person, pid, review_after=date(2026, 6, 1))
    privacy.keep_until(store, pid, date(2027, 6, 1), today=date(2026, 7, 1))
    assert privacy.due_for_review(store, today=date(2026, 7, 1)) == []
    with pytest.raises(ValidationError) as caught:
        privacy.keep_until(store, pid, date(2026, 7, 1), today=date(2026, 7, 1))
    assert "efter i dag" in caught.value.message("da")
    assert "after today" in caught.value.message("en")


# ------------------------------------------------------------------- erasure
def test_erasure_removes_the_person_and_links_but_keeps_what_others_need(store, village):
    v = village
    report = privacy.erase_person(store, v["karen"].id)
    assert store.find(Person, v["karen"].id) is None
    assert store.find(Person, v["other"].id) is not None
    assert store.count(Participant) == 1  # Jens still took part in the walk
    assert store.count(Relation) == 0
    obs = store.get(Observation, v["obs"].id)
    assert obs.text == "Fortovet er for smalt ved skolen" and obs.raised_by_id is None
    assert store.get(Action, v["action"].id).owner_id is None
    talk = store.get(Activity, v["talk"].id)
    assert talk.person_id is None
    assert talk.title == privacy.ERASED_TITLE
    assert (talk.story, talk.self_interest, talk.concerns, talk.resources, talk.next_step, talk.summary) == (
        None,
        None,
        None,
        None,
        None,
        None,
    )
    assert talk.facilitator_id == v["staff"].id and talk.starts_at == datetime(2026, 5, 3, 14)
    assert report.rows_erased == {"people": 1, "participants": 1, "relations": 2}
    assert report.links_removed == {
        "activities.person_id": 1,
        "actions.owner_id": 1,
        "observations.raised_by_id": 1,
    }
    assert store.integrity_problems() == []


def test_erased_data_cannot_be_read_back_from_history_or_search(store, village):
    v = village
    privacy.erase_person(store, v["karen"].id)
    versions = store.versions("people", v["karen"].id)
    assert [(x.field, x.value) for x in versions] == [(ERASED, True)]
    dumped = "\n".join(str(row) for row in store.conn.execute("SELECT * FROM field_versions"))
    for secret in (NAME, PHONE, "karen@example.dk", "tre børn", "Trafikken", "Naboer"):
        assert secret not in dumped
    # Nothing points at her any more (only the marker's own row id names her).
    assert (
        store.conn.execute(
            "SELECT count(*) FROM field_versions WHERE instr(value, ?) > 0", (v["karen"].id,)
        ).fetchone()[0]
        == 0
    )
    assert (
        store.conn.execute("SELECT count(*) FROM people_fts WHERE people_fts MATCH 'karen'").fetchone()[0]
        == 0
    )
    assert (
        store.conn.execute(
            "SELECT count(*) FROM activities_fts WHERE activities_fts MATCH 'trafikken'"
        ).fetchone()[0]
        == 0
    )


def test_erased_text_is_gone_from_the_file_itself(tmp_path, village, store):
    privacy.erase_person(store, village["karen"].id)
    store.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("feltbog.sqlite*"))
    for secret in (NAME, PHONE, "karen@example.dk", "Flyttede hertil", "Trafikken om morgenen"):
        assert secret.encode() not in raw
    assert b"stergard" not in raw and b"karen" not in raw.lower()  # nor the search-index tokens


def test_erasure_lists_notes_that_mention_the_name(store, village):
    store.add(Observation(activity_id=village["walk"].id, text=f"{NAME} foreslog en bænk"))
    report = privacy.erase_person(store, village["karen"].id)
    assert [m.tbl for m in report.mentions] == ["activities", "observations"]
    assert report.mentions[1].title == f"{NAME} foreslog en bænk"


def test_older_versions_brought_back_by_an_import_do_not_revive_the_person(store, village):
    pid = village["karen"].id
    before = store.versions("people", pid)
    privacy.erase_person(store, pid)
    # What an old sync file from a colleague would bring: the person's old versions.
    store.conn.executemany(
        "INSERT OR IGNORE INTO field_versions (tbl, row_id, field, value, hlc, site, prev) VALUES (?,?,?,?,?,?,?)",
        [("people", v.row_id, v.field, json.dumps(v.value), v.hlc, "colleague", None) for v in before],
    )
    store.recompute("people", [pid])
    assert store.find(Person, pid) is None
    # … and a newer edit by a colleague who had not yet heard of the erasure neither.
    store.conn.execute(
        "INSERT INTO field_versions (tbl, row_id, field, value, hlc, site) VALUES ('people', ?, 'name', ?, ?, 'x')",
        (pid, json.dumps("Karen igen"), store.clock.now() + 1000),
    )
    store.recompute("people", [pid])
    assert store.find(Person, pid) is None
    privacy.apply_erasures(store)
    assert [v.field for v in store.versions("people", pid)] == [ERASED]


def _copy_versions(source: Store, target: Store) -> list[FieldVersion]:
    """What a sync export + import does at the bottom: move field versions, filtered, then recompute."""
    versions = [
        FieldVersion(t, r, f, json.loads(v), h, s, p)
        for t, r, f, v, h, s, p in source.conn.execute(
            "SELECT tbl, row_id, field, value, hlc, site, prev FROM field_versions"
        )
    ]
    keep = privacy.ErasureFilter(target, versions)
    kept = [v for v in versions if keep.keeps(v)]
    with target.transaction() as conn:
        conn.executemany(
            "INSERT OR IGNORE INTO field_versions (tbl, row_id, field, value, hlc, site, prev)"
            " VALUES (?,?,?,?,?,?,?)",
            [(v.tbl, v.row_id, v.field, json.dumps(v.value), v.hlc, v.site, v.prev) for v in kept],
        )
        for v in kept:
            target.clock.observe(v.hlc)
        rows: dict[str, set[str]] = {}
        for v in kept:
            rows.setdefault(v.tbl, set()).add(v.row_id)
        for tbl, ids in rows.items():
            target.recompute(tbl, sorted(ids))
    privacy.apply_erasures(target)
    return kept


def test_erasure_travels_to_a_colleague_and_stays_erased(tmp_path, village, store):
    v = village
    (tmp_path / "colleague").mkdir()
    colleague = Store.open(tmp_path / "colleague" / "feltbog.sqlite")
    try:
        _copy_versions(store, colleague)  # the colleague has everything, Karen included
        assert colleague.get(Person, v["karen"].id).phone == PHONE
        old_history = store.versions("people", v["karen"].id)

        privacy.erase_person(store, v["karen"].id)
        _copy_versions(store, colleague)
        assert colleague.find(Person, v["karen"].id) is None
        assert colleague.get(Observation, v["obs"].id).raised_by_id is None
        assert colleague.get(Activity, v["talk"].id).story is None
        dumped = "\n".join(str(r) for r in colleague.conn.execute("SELECT * FROM field_versions"))
        assert NAME not in dumped and "tre børn" not in dumped
        assert (
            colleague.conn.execute(
                "SELECT count(*) FROM field_versions WHERE instr(value, ?) > 0", (v["karen"].id,)
            ).fetchone()[0]
            == 0
        )

        # A third laptop that never heard of the erasure sends the old data again.
        stale = [
            FieldVersion("people", x.row_id, x.field, x.value, x.hlc, "stale-site", None) for x in old_history
        ]
        keep = privacy.ErasureFilter(colleague, stale)
        assert [x for x in stale if keep.keeps(x)] == []
        # Both notebooks agree on every materialised row.
        for tbl in ("people", "activities", "observations", "actions", "participants", "relations"):
            ours = store.conn.execute(f"SELECT * FROM {tbl} ORDER BY id").fetchall()
            theirs = colleague.conn.execute(f"SELECT * FROM {tbl} ORDER BY id").fetchall()
            assert ours == theirs, tbl
    finally:
        colleague.close()


def test_a_link_made_by_a_colleague_before_the_erasure_arrived_goes_too(tmp_path, village, store):
    v = village
    (tmp_path / "b").mkdir()
    colleague = Store.open(tmp_path / "b" / "feltbog.sqlite")
    try:
        _copy_versions(store, colleague)
        # The colleague adds Karen to a meeting of their own, then receives the erasure.
        meeting = colleague.add(
            Activity(
                kind=ActivityKind.LISTENING_MEETING, title="Lyttemøde", starts_at=datetime(2026, 6, 1, 19)
            )
        )
        colleague.add(
            Participant(
                id=Participant.key(meeting.id, v["karen"].id), activity_id=meeting.id, person_id=v["karen"].id
            )
        )
        privacy.erase_person(store, v["karen"].id)
        _copy_versions(store, colleague)
        assert colleague.count(Participant, "person_id = ?", [v["karen"].id]) == 0
        assert (
            colleague.conn.execute(
                "SELECT count(*) FROM field_versions WHERE instr(value, ?) > 0", (v["karen"].id,)
            ).fetchone()[0]
            == 0
        )
    finally:
        colleague.close()


def test_erasing_an_unknown_person_says_so(store):
    with pytest.raises(NotFoundError):
        privacy.erase_person(store, "0190d6a4-0000-7000-8000-000000000000")


# --------------------------------------------------------------- access
def test_access_export_holds_everything_about_the_person(tmp_path, store, village):
    v = village
    privacy.record_consent(store, v["karen"].id, on=date(2026, 5, 3), how="verbal", purpose="Opfølgning")
    target = privacy.write_access_export(store, v["karen"].id, tmp_path / "karen.json")
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["person"]["name"] == NAME and data["person"]["phone"] == PHONE
    assert data["consent"]["consent_how"] == "verbal" and data["consent"]["consent_store_at"] == "2026-05-03"
    assert {r["other_person_name"] for r in data["relations"]} == {"Jens Jensen"}
    assert {r["direction"] for r in data["relations"]} == {"from", "to"}
    assert [p["activity_title"] for p in data["participations"]] == ["Byvandring i Hvidbjerg"]
    assert data["one_to_one_talks"][0]["story"] == "Flyttede hertil i 1998 og har tre børn"
    assert data["observations_raised"][0]["text"] == "Fortovet er for smalt ved skolen"
    assert data["actions_owned"][0]["text"] == "Tal med vejafdelingen"
    notes = [h["value"] for h in data["history"] if h["field"] == "notes"]
    assert notes == ["Kender alle i byen", "Kender alle i byen, især Jens"]
    assert not (tmp_path / "karen.json.partial").exists()


def test_erasing_a_staff_member_unlinks_what_they_facilitated(store, village):
    v = village
    privacy.erase_person(store, v["staff"].id)
    assert store.get(Activity, v["walk"].id).facilitator_id is None
    assert (
        store.get(Activity, v["talk"].id).story == "Flyttede hertil i 1998 og har tre børn"
    )  # not about them


def test_a_deleted_talk_about_the_person_loses_its_notes_from_history(store, village):
    v = village
    store.delete(Activity, v["talk"].id)
    privacy.erase_person(store, v["karen"].id)
    fields = {x.field for x in store.versions("activities", v["talk"].id)}
    assert "story" not in fields and "title" not in fields and "person_id" not in fields
    assert "_deleted" in fields and "starts_at" in fields
    assert store.find(Activity, v["talk"].id) is None  # and it stays deleted
