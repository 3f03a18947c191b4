"""The figures behind the area report (fieldapp.store.reporting)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from reports_sample import build

from fieldapp.domain import Activity, ActivityKind, LeadershipStage, SurveyAnswer, SurveyItem, SurveyTally
from fieldapp.reports.area import combined_results
from fieldapp.reports.document import FRAME_WIDTH
from fieldapp.reports.options import Context, ReportOptions
from fieldapp.store import NotFoundError, Store, reporting


@pytest.fixture
def sample(tmp_path):
    store = Store.memory(tmp_path)
    yield build(store)
    store.close()


def test_key_figures_count_people_once_and_leave_staff_out(sample):
    data = reporting.area_data(sample.store, sample.area.id, None, None)
    assert data.kind_counts == {
        ActivityKind.WALKABOUT: 1,
        ActivityKind.ONE_TO_ONE: 1,
        ActivityKind.LISTENING_MEETING: 1,
    }
    assert data.people_met == 5  # five residents; Mette and Jonas are staff
    assert data.new_potential_leaders == 1  # Karen, assessed in her 1:1 talk
    assert data.pipeline[LeadershipStage.POTENTIAL] == 1 and data.pipeline[LeadershipStage.EMERGING] == 1


def test_themes_ranked_by_mentions_without_one_to_one_notes(sample):
    data = reporting.area_data(sample.store, sample.area.id, None, None)
    ranked = [(t.name, t.concern, t.hope, t.total) for t in data.themes]
    assert ranked == [
        ("Børn og unge", 2, 0, 3),
        ("Trafik", 2, 0, 3),
        ("Fællesskab", 0, 2, 3),
        ("Dagligvarer", 1, 0, 1),  # the 1:1 talk's concern about it is not counted
        ("Natur", 0, 0, 1),
    ]
    assert all(q.activity.kind is not ActivityKind.ONE_TO_ONE for q in data.quotes)
    assert [q.observation.votes for q in data.quotes] == [6, 3]


def test_period_is_inclusive_and_new_leaders_need_to_be_new(sample):
    october = reporting.area_data(sample.store, sample.area.id, date(2026, 10, 8), date(2026, 10, 20))
    assert [a.kind for a in october.activities] == [ActivityKind.LISTENING_MEETING, ActivityKind.ONE_TO_ONE]
    store = sample.store
    store.add(
        Activity(
            kind=ActivityKind.ONE_TO_ONE,
            title="Opfølgning",
            area_id=sample.area.id,
            starts_at=datetime(2026, 11, 5, 10, 0),
            person_id=sample.people["Karen Bækgaard"].id,
            leadership_assessment=LeadershipStage.EMERGING,
        )
    )
    november = reporting.area_data(store, sample.area.id, date(2026, 11, 1), date(2026, 11, 30))
    assert november.new_potential_leaders == 0  # Karen was already spotted in October
    assert reporting.area_activity_count(store, sample.area.id, date(2027, 1, 1), None) == 0


def test_combined_survey_leaves_out_meetings_too_small_to_show(sample):
    store = sample.store
    small = store.add(
        Activity(
            kind=ActivityKind.LISTENING_MEETING,
            title="Lille møde",
            area_id=sample.area.id,
            starts_at=datetime(2026, 11, 2, 19, 0),
        )
    )
    statement = "Jeg havde indflydelse på beslutningerne"
    item = store.add(SurveyItem(activity_id=small.id, position=0, statement=statement))
    store.add(
        SurveyTally(id=SurveyTally.key(item.id, "agree"), item_id=item.id, answer=SurveyAnswer.AGREE, count=3)
    )
    data = reporting.area_data(store, sample.area.id, None, None)
    public = {
        r.item.statement: r.respondents for r in combined_results(data, Context(ReportOptions(), FRAME_WIDTH))
    }
    assert public[statement] == 23  # not 26: the small meeting could be worked out by subtraction
    internal = combined_results(data, Context(ReportOptions(internal=True), FRAME_WIDTH))
    assert {r.item.statement: r.respondents for r in internal}[statement] == 26


def test_find_area_by_name_or_id(sample):
    assert reporting.find_area(sample.store, "  ULDUM ").id == sample.area.id
    assert reporting.find_area(sample.store, sample.area.id).name == "Uldum"
    assert reporting.find_area(sample.store, "Atlantis") is None


def test_unknown_ids_raise_not_found(sample):
    with pytest.raises(NotFoundError):
        reporting.activity_data(sample.store, "nope")
    with pytest.raises(NotFoundError):
        reporting.person_data(sample.store, "nope")
