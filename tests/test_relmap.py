"""The relational map: who is on it, what connects them, and a layout that keeps groups apart."""

from __future__ import annotations

import dataclasses
import math
from datetime import date, datetime

import pytest

from fieldapp.domain import (
    Activity,
    ActivityKind,
    Area,
    Organisation,
    Participant,
    ParticipantRole,
    Person,
    Relation,
    RelationKind,
)
from fieldapp.store import Store
from fieldapp.store.relmap import relational_map


def take_part(store, activity, *people):
    for person in people:
        store.add(
            Participant(
                id=Participant.key(activity.id, person.id),
                activity_id=activity.id,
                person_id=person.id,
                role=ParticipantRole.RESIDENT,
            )
        )


@pytest.fixture
def village(tmp_path):
    store = Store.open(tmp_path / "n.sqlite")
    area = store.add(Area(name="Vemmelev"))
    elsewhere = store.add(Area(name="Haarby"))
    club = store.add(Organisation(name="Vemmelev IF", area_id=area.id))
    council = store.add(Organisation(name="Lokalrådet", area_id=area.id))
    p = {}
    for name, org, stage in [
        ("Anna Holm", club, "leader"),
        ("Bo Ærø", club, "contact"),
        ("Carl Dahl", council, "emerging"),
        ("Dorte Juhl", None, "potential"),
        ("Eva Sø", None, "contact"),
    ]:
        p[name.split()[0]] = store.add(
            Person(
                name=name, area_id=area.id, organisation_id=org.id if org else None, leadership_stage=stage
            )
        )
    p["Finn"] = store.add(Person(name="Finn Kvist", area_id=elsewhere.id))  # comes to a walk in Vemmelev
    p["Staff"] = store.add(Person(name="Mette Medarbejder", is_staff=True, area_id=area.id))
    walk = store.add(
        Activity(
            kind=ActivityKind.WALKABOUT,
            title="Byvandring",
            area_id=area.id,
            starts_at=datetime(2026, 3, 1, 10),
        )
    )
    take_part(store, walk, p["Anna"], p["Bo"], p["Finn"], p["Staff"])
    meeting = store.add(
        Activity(
            kind=ActivityKind.LISTENING_MEETING,
            title="Lyttemøde",
            area_id=area.id,
            starts_at=datetime(2026, 9, 1, 19),
        )
    )
    take_part(store, meeting, p["Anna"], p["Bo"], p["Carl"])
    talk = store.add(
        Activity(
            kind=ActivityKind.ONE_TO_ONE,
            title="1:1",
            area_id=area.id,
            person_id=p["Dorte"].id,
            starts_at=datetime(2026, 9, 5, 10),
        )
    )
    store.add(
        Relation(
            id=Relation.key(p["Dorte"].id, p["Eva"].id, "suggested"),
            from_person_id=p["Dorte"].id,
            to_person_id=p["Eva"].id,
            kind=RelationKind.SUGGESTED,
            activity_id=talk.id,
        )
    )
    store.add(
        Relation(
            id=Relation.key(p["Anna"].id, p["Carl"].id, "knows"),
            from_person_id=p["Anna"].id,
            to_person_id=p["Carl"].id,
            kind=RelationKind.KNOWS,
        )
    )
    yield store, area, p
    store.close()


def test_the_area_people_and_visitors_are_on_the_map_staff_are_not(village):
    store, area, p = village
    relmap = relational_map(store, area.id)
    names = {person.name for person in relmap.people}
    assert names == {"Anna Holm", "Bo Ærø", "Carl Dahl", "Dorte Juhl", "Eva Sø", "Finn Kvist"}
    sizes = {person.name: person.activities for person in relmap.people}
    assert sizes["Anna Holm"] == 2 and sizes["Dorte Juhl"] == 1 and sizes["Eva Sø"] == 0


def test_relations_suggestions_and_taking_part_together_are_edges(village):
    store, area, p = village
    relmap = relational_map(store, area.id)
    edges = {(frozenset((e.a, e.b)), e.kind): e.weight for e in relmap.edges}
    assert edges[(frozenset((p["Anna"].id, p["Carl"].id)), "knows")] == 1
    assert edges[(frozenset((p["Dorte"].id, p["Eva"].id)), "suggested")] == 1
    assert edges[(frozenset((p["Anna"].id, p["Bo"].id)), "together")] == 2
    assert edges[(frozenset((p["Bo"].id, p["Finn"].id)), "together")] == 1
    assert not [e for e in relmap.edges if p["Staff"].id in (e.a, e.b)]


def test_filter_by_stage_and_period(village):
    store, area, p = village
    leaders = relational_map(store, area.id, stages={"leader", "emerging"})
    assert {x.name for x in leaders.people} == {"Anna Holm", "Carl Dahl"}
    assert sorted(e.kind for e in leaders.edges) == ["knows", "together"]  # both at the meeting
    spring = relational_map(store, area.id, start=date(2026, 1, 1), end=date(2026, 6, 30))
    sizes = {x.name: x.activities for x in spring.people}
    assert sizes["Anna Holm"] == 1 and sizes["Carl Dahl"] == 0
    assert "Finn Kvist" in sizes
    autumn = relational_map(store, area.id, start=date(2026, 7, 1))
    assert "Finn Kvist" not in {x.name for x in autumn.people}


def test_groups_are_discs_that_do_not_overlap_with_leaders_at_the_centre(village):
    store, area, _ = village
    relmap = relational_map(store, area.id)
    assert [g.name for g in relmap.groups][:1] == [None] or len(relmap.groups) == 3
    for group in relmap.groups:
        for person in group.members:
            assert math.dist((person.x, person.y), (group.x, group.y)) <= group.radius
        assert group.x - group.radius >= 0 and group.x + group.radius <= relmap.width + 1e-9
    for i, a in enumerate(relmap.groups):
        for b in relmap.groups[i + 1 :]:
            assert math.dist((a.x, a.y), (b.x, b.y)) >= a.radius + b.radius
    club = next(g for g in relmap.groups if g.name == "Vemmelev IF")
    assert club.members[0].name == "Anna Holm", "the leader sits at the centre of the disc"
    again = relational_map(store, area.id)
    assert [(x.id, x.x, x.y) for x in again.people] == [(x.id, x.x, x.y) for x in relmap.people]


def test_a_big_area_stays_within_bounds(tmp_path):
    store = Store.open(tmp_path / "big.sqlite")
    area = store.add(Area(name="By"))
    orgs = [store.add(Organisation(name=f"Forening {i}", area_id=area.id)) for i in range(12)]
    people = [
        Person(name=f"Person {i}", area_id=area.id, organisation_id=orgs[i % 13].id if i % 13 < 12 else None)
        for i in range(600)
    ]
    store.bulk_add(people)
    relmap = relational_map(store, area.id)
    assert len(relmap.people) == 600
    assert all(0 <= x.x <= relmap.width and 0 <= x.y <= relmap.height for x in relmap.people)
    assert relmap.width / relmap.height < 3 and relmap.height / relmap.width < 3
    store.close()


@pytest.mark.parametrize("internal", [False, True])
def test_the_area_report_draws_the_map_naming_only_who_may_be_named(village, internal, tmp_path):
    from reports_pdf import full_text

    from fieldapp.reports import ReportOptions, render_area_report

    store, area, p = village
    store.save(dataclasses.replace(store.get(Person, p["Carl"].id), may_be_named=True))
    options = ReportOptions(lang="da", today=date(2026, 11, 1), author="Mette", internal=internal)
    pdf, _, _ = render_area_report(store, area.id, None, None, options)
    text = full_text(pdf)
    assert "Relationskort" in text and "Vemmelev IF" in text
    assert "Carl Dahl" in text
    assert ("Anna Holm" in text) is internal
    (tmp_path / "report.pdf").write_bytes(pdf)
