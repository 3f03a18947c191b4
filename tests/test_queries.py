from datetime import date, datetime, timedelta

import pytest

from fieldapp.domain import (
    Action,
    Activity,
    Area,
    LeadershipStage,
    Person,
)
from fieldapp.store.queries import ActivityFilter

TODAY = date(2026, 11, 23)


@pytest.fixture
def village(store):
    uldum = store.add(Area(name="Uldum"))
    barrit = store.add(Area(name="Barrit"))
    anne = store.add(Person(name="Anne", area_id=uldum.id, leadership_stage="potential"))
    bo = store.add(Person(name="Bo", area_id=uldum.id))
    staff = store.add(Person(name="Marie", is_staff=True))
    old_walk = store.add(
        Activity(
            kind="walkabout", title="Byvandring i Uldum", area_id=uldum.id, starts_at=datetime(2026, 6, 1, 10)
        )
    )
    store.add_participant(old_walk.id, anne.id)
    talk = store.add(
        Activity(
            kind="one_to_one",
            title="1:1 med Bo",
            area_id=uldum.id,
            person_id=bo.id,
            starts_at=datetime(2026, 11, 1, 10),
            facilitator_id=staff.id,
        )
    )
    meeting = store.add(
        Activity(
            kind="listening_meeting",
            title="Lyttemøde i Barrit",
            area_id=barrit.id,
            starts_at=datetime(2026, 10, 5, 19),
        )
    )
    store.add_observation(old_walk.id, "Legepladsen er faldefærdig", "concern", themes=["Legeplads"])
    store.add(
        Action(
            text="Ring til kommunen", due_date=TODAY - timedelta(days=3), area_id=uldum.id, owner_id=staff.id
        )
    )
    store.add(Action(text="Send referat", due_date=TODAY + timedelta(days=5)))
    store.add(Action(text="Langt ude", due_date=TODAY + timedelta(days=60)))
    store.add(Action(text="Gjort", due_date=TODAY - timedelta(days=9), status="done"))
    return locals()


def test_overdue_and_upcoming_actions(store, village):
    assert [a.text for a in store.overdue_actions(TODAY)] == ["Ring til kommunen"]
    assert store.overdue_actions(TODAY)[0].owner_name == "Marie"
    assert [a.text for a in store.upcoming_actions(TODAY, days=14)] == ["Send referat"]


def test_people_not_contacted(store, village):
    rows = store.people_not_contacted(TODAY, days=60)
    assert [r.name for r in rows] == ["Anne"]  # Bo had a 1:1 in November; staff are not listed
    assert rows[0].last_contact == date(2026, 6, 1)


def test_leadership_pipeline(store, village):
    pipeline = {(r.area_name, r.stage): r.count for r in store.leadership_pipeline()}
    assert pipeline == {("Uldum", LeadershipStage.CONTACT): 1, ("Uldum", LeadershipStage.POTENTIAL): 1}


def test_activities_per_area_and_month(store, village):
    months = {(m.area_name, m.month, m.kind.value): m.count for m in store.activities_per_area_month()}
    assert months == {
        ("Barrit", "2026-10", "listening_meeting"): 1,
        ("Uldum", "2026-06", "walkabout"): 1,
        ("Uldum", "2026-11", "one_to_one"): 1,
    }


def test_activity_filters_and_paging(store, village):
    assert store.count_activities() == 3
    assert [r.title for r in store.activity_rows(ActivityFilter(area_id=village["uldum"].id))] == [
        "1:1 med Bo",
        "Byvandring i Uldum",
    ]
    assert store.count_activities(ActivityFilter(kind="listening_meeting")) == 1
    assert store.count_activities(ActivityFilter(date_from=date(2026, 10, 1), date_to=date(2026, 10, 5))) == 1
    theme = store.theme_by_name("legeplads")
    rows = store.activity_rows(ActivityFilter(theme_id=theme.id))
    assert [r.title for r in rows] == ["Byvandring i Uldum"] and rows[0].observation_count == 1
    assert store.count_activities(ActivityFilter(text="barr")) == 1
    assert store.count_activities(ActivityFilter(text="50%_")) == 0
    first = store.activity_rows(limit=2, sort="title", descending=False)
    rest = store.activity_rows(limit=2, offset=2, sort="title", descending=False)
    assert [r.title for r in first + rest] == ["1:1 med Bo", "Byvandring i Uldum", "Lyttemøde i Barrit"]


def test_area_and_person_rows(store, village):
    uldum = next(r for r in store.area_rows() if r.name == "Uldum")
    assert (uldum.people_count, uldum.activity_count, uldum.open_actions) == (2, 2, 1)
    assert [p.name for p in store.person_rows(text="an")] == ["Anne"]


def test_one_to_one_outcome_updates_the_person_and_creates_an_action(store, village):
    talk = village["talk"]
    store.update(
        Activity,
        talk.id,
        leadership_assessment="emerging",
        follow_up_date="2026-12-01",
        next_step="Invitere Bo til træningsforløbet",
    )
    action = store.apply_one_to_one(talk.id)
    assert store.get(Person, village["bo"].id).leadership_stage is LeadershipStage.EMERGING
    assert action.text == "Invitere Bo til træningsforløbet" and action.due_date == date(2026, 12, 1)
    assert action.owner_id == village["staff"].id
    store.update(Activity, talk.id, follow_up_date="2026-12-08")
    again = store.apply_one_to_one(talk.id)
    assert again.id == action.id and again.due_date == date(2026, 12, 8)  # updated, not duplicated


def test_themes_are_case_insensitive_and_replaceable(store, village):
    obs = store.observations(village["old_walk"].id)[0]
    store.set_themes(obs.id, ["legeplads", "Unge", "UNGE"])
    assert store.themes_of(obs.id) == ["Legeplads", "Unge"]
    store.set_themes(obs.id, ["Unge"])
    assert store.themes_of(obs.id) == ["Unge"]
    assert store.theme_names() == ["Legeplads", "Unge"]


def test_participants_converge_on_one_row(store, village):
    walk, anne = village["old_walk"], village["anne"]
    store.add_participant(walk.id, anne.id, "association")
    assert [(p.role.value, person.name) for p, person in store.participants(walk.id)] == [
        ("association", "Anne")
    ]
    store.remove_participant(walk.id, anne.id)
    assert store.participants(walk.id) == []
    store.add_participant(walk.id, anne.id)
    assert len(store.participants(walk.id)) == 1


def test_last_contact_follows_moved_and_deleted_activities(store, village):
    anne, walk = village["anne"], village["old_walk"]
    store.update(Activity, walk.id, starts_at=datetime(2026, 11, 20, 10))
    assert [r.name for r in store.people_not_contacted(TODAY, days=60)] == []
    store.remove_participant(walk.id, anne.id)
    rows = store.people_not_contacted(TODAY, days=60)
    assert [(r.name, r.last_contact) for r in rows] == [("Anne", None)]
    store.add_participant(walk.id, anne.id)
    store.delete(Activity, walk.id)
    assert [(r.name, r.last_contact) for r in store.people_not_contacted(TODAY, days=60)] == [("Anne", None)]
