"""The activity log: what was changed on this laptop and when, newest first, paged."""

from __future__ import annotations

import json
from datetime import datetime

from fieldapp.domain import Activity, ActivityKind, Observation, Person
from fieldapp.store import privacy
from fieldapp.store.activity_log import activity_log, activity_log_count


def test_the_log_tells_the_story_of_the_edits(store):
    anna = store.add(Person(name="Anna"))
    store.update(Person, anna.id, phone="12 34 56 78", notes="Formand")
    walk = store.add(
        Activity(kind=ActivityKind.WALKABOUT, title="Byvandring i Ans", starts_at=datetime(2026, 5, 1))
    )
    obs = store.add(Observation(activity_id=walk.id, text="Bænken er væk"))
    store.delete(Observation, obs.id)
    entries = activity_log(store)
    assert [(e.kind, e.tbl, e.title) for e in entries] == [
        ("deleted", "observations", ""),
        ("created", "observations", ""),
        ("created", "activities", "Byvandring i Ans"),
        ("changed", "people", "Anna"),
        ("created", "people", "Anna"),
    ]
    assert entries[3].fields == ("notes", "phone")
    assert (
        entries[0].at.tzinfo is not None
        and abs((datetime.now().astimezone() - entries[0].at).total_seconds()) < 60
    )
    assert entries[2].what("da") == "aktivitet" and entries[2].what("en") == "activity"


def test_changes_from_colleagues_are_not_in_this_laptops_log(store):
    store.add(Person(name="Anna"))
    store.conn.execute(
        "INSERT INTO field_versions (tbl, row_id, field, value, hlc, site) VALUES ('people', ?, 'name', ?, ?, 'other')",
        ("0190d6a4-0000-7000-8000-000000000009", json.dumps("Fra kollega"), store.clock.now()),
    )
    assert [e.title for e in activity_log(store)] == ["Anna"]
    assert activity_log_count(store) == 1


def test_paging_by_offset_and_by_hlc(store):
    for n in range(25):
        store.add(Person(name=f"Person {n:02d}"))
    assert activity_log_count(store) == 25
    first = activity_log(store, limit=10)
    second = activity_log(store, limit=10, offset=10)
    by_hlc = activity_log(store, limit=10, before_hlc=first[-1].hlc)
    assert [e.title for e in first] == [f"Person {n:02d}" for n in range(24, 14, -1)]
    assert second == by_hlc
    assert [e.title for e in activity_log(store, limit=10, offset=20)] == [
        f"Person {n:02d}" for n in range(4, -1, -1)
    ]


def test_an_erasure_shows_as_such_without_the_erased_name(store):
    karen = store.add(Person(name="Karen Østergård"))
    store.update(Person, karen.id, notes="Hemmeligt")
    privacy.erase_person(store, karen.id)
    entries = activity_log(store)
    assert entries[0].kind == "erased" and entries[0].title == ""
    assert all("Karen" not in e.title for e in entries)
    assert len(entries) == 1  # her earlier versions are purged, so is their trace
