"""Agency over time: the three agency statements followed meeting by meeting."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from reports_pdf import full_text

from fieldapp.domain import Activity, ActivityKind, Area, SurveyAnswer, SurveyItem, SurveyTally
from fieldapp.domain.enums import DEFAULT_SURVEY_STATEMENTS
from fieldapp.reports import ReportOptions, render_area_report
from fieldapp.store import Store
from fieldapp.store.agency import agency_over_time, statement_index
from fieldapp.store.tabular import Scope

A = SurveyAnswer


def meeting(store, area, day, answers_per_statement, *, statements=None, lang="da"):
    """A listening meeting with a survey: per statement, a dict of answer -> count."""
    activity = store.add(
        Activity(
            kind=ActivityKind.LISTENING_MEETING,
            title=f"Lyttemøde {day.isoformat()}",
            area_id=area.id,
            starts_at=datetime.combine(day, datetime.min.time()).replace(hour=19),
        )
    )
    texts = statements or [s[lang] for s in DEFAULT_SURVEY_STATEMENTS]
    for position, (text, counts) in enumerate(zip(texts, answers_per_statement, strict=True)):
        item = store.add(SurveyItem(activity_id=activity.id, position=position, statement=text))
        for answer, count in counts.items():
            store.add(
                SurveyTally(
                    id=SurveyTally.key(item.id, answer.value), item_id=item.id, answer=answer, count=count
                )
            )
    return activity


@pytest.fixture
def village(tmp_path):
    store = Store.open(tmp_path / "n.sqlite")
    area = store.add(Area(name="Vemmelev"))
    other = store.add(Area(name="Haarby"))
    # influence grows from 2 of 8 to 6 of 8; courage is asked of only 3 people the first time
    meeting(store, area, date(2026, 2, 3), [{A.AGREE: 2, A.DISAGREE: 6}, {A.NEUTRAL: 5}, {A.AGREE: 3}])
    meeting(
        store,
        area,
        date(2026, 5, 12),
        [{A.AGREE: 3, A.STRONGLY_AGREE: 1, A.NEUTRAL: 4}, {A.AGREE: 5}, {A.AGREE: 5}],
    )
    meeting(
        store,
        area,
        date(2026, 9, 30),
        [{A.STRONGLY_AGREE: 6, A.DISAGREE: 2}, {A.AGREE: 4, A.DISAGREE: 1}, {A.AGREE: 2, A.NEUTRAL: 3}],
        lang="en",
    )
    meeting(store, other, date(2026, 4, 1), [{A.AGREE: 9}, {A.AGREE: 9}, {A.AGREE: 9}])
    yield store, area
    store.close()


def test_the_three_statements_are_recognised_in_either_language_and_any_spacing():
    assert statement_index("Jeg havde indflydelse på beslutningerne") == 0
    assert statement_index("  i had INFLUENCE on the   decisions. ") == 0
    assert statement_index("Mødet gav mig mod til at gøre en forskel") == 2
    assert statement_index("Kaffen var god") is None


def test_share_agreeing_per_meeting_oldest_first_with_the_number_of_answers(village):
    store, area = village
    influence, effort, courage = agency_over_time(store, Scope(area_id=area.id))
    assert [(p.day, p.agreeing, p.answers) for p in influence.points] == [
        (date(2026, 2, 3), 2, 8),
        (date(2026, 5, 12), 4, 8),
        (date(2026, 9, 30), 6, 8),
    ]
    assert [round(p.share, 3) for p in influence.points] == [0.25, 0.5, 0.75]
    assert [p.answers for p in effort.points] == [5, 5, 5]
    # 3 answers in February: left out, as in every report
    assert [p.day for p in courage.points] == [date(2026, 5, 12), date(2026, 9, 30)]


def test_across_areas_and_within_a_period(village):
    store, _ = village
    influence, _, _ = agency_over_time(store, Scope())
    assert {p.area for p in influence.points} == {"Vemmelev", "Haarby"}
    influence, _, _ = agency_over_time(store, Scope(start=date(2026, 3, 1), end=date(2026, 6, 30)))
    assert [p.day for p in influence.points] == [date(2026, 4, 1), date(2026, 5, 12)]


@pytest.mark.parametrize("lang, heading", [("da", "Handlekraft over tid"), ("en", "Agency over time")])
def test_area_report_draws_agency_over_time(village, lang, heading, tmp_path):
    store, area = village
    options = ReportOptions(lang=lang, today=date(2026, 11, 1), author="Mette Kjærgaard")
    pdf, _, _ = render_area_report(store, area.id, None, None, options)
    text = full_text(pdf)
    assert heading in text
    assert "n=8" in text and "n=3" not in text
    (tmp_path / f"area_{lang}.pdf").write_bytes(pdf)


def test_all_areas_are_shown_one_point_a_month_with_the_answers_added_up(village):
    from fieldapp.store.agency import by_month

    store, area = village
    meeting(store, area, date(2026, 5, 20), [{A.AGREE: 8}, {A.AGREE: 5}, {A.AGREE: 5}])
    influence, _, _ = by_month(agency_over_time(store, Scope()))
    may = [p for p in influence.points if p.day.month == 5]
    assert len(may) == 1 and (may[0].agreeing, may[0].answers, may[0].meeting) == (12, 16, "2")
    assert [p.day.month for p in influence.points] == [2, 4, 5, 9]
