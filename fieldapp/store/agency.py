"""Agency over time: how many agree with the three agency statements, listening meeting by meeting.

The municipalities measure agency (handlekraft), not satisfaction. After each lyttemøde a
short survey asks three fixed statements (``DEFAULT_SURVEY_STATEMENTS``); this read model
follows each of them over time, per area or across areas: for every meeting whose statement
has at least 5 answers, the share that answered "agree" or "strongly agree", with the number
of answers. A statement with fewer answers is left out, as everywhere in the reports (it could
point at a person). A meeting's statement counts as one of the three when its text is the
Danish or English default, whatever its case and spacing; edited statements are not part of
the series.

The area report draws the series with reportlab (``fieldapp/reports/agency.py``), the area
view and the overview with Qt (``fieldapp/ui/agency_view.py``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from fieldapp.domain.enums import DEFAULT_SURVEY_STATEMENTS, MIN_SURVEY_ANSWERS, SurveyAnswer
from fieldapp.store import tabular
from fieldapp.store.reporting import MeetingSurvey
from fieldapp.store.store import Store
from fieldapp.store.tabular import Scope

AGREEING = (SurveyAnswer.AGREE.value, SurveyAnswer.STRONGLY_AGREE.value)
SHORT_NAMES = (
    {"da": "Indflydelse", "en": "Influence"},
    {"da": "Gøre en indsats", "en": "Make an effort"},
    {"da": "Mod", "en": "Courage"},
)


def _key(text: str | None) -> str:
    return " ".join((text or "").split()).casefold().rstrip(".")


_STATEMENT_INDEX = {
    _key(text): i for i, texts in enumerate(DEFAULT_SURVEY_STATEMENTS) for text in texts.values()
}


def statement_index(text: str | None) -> int | None:
    """Which of the three agency statements ``text`` is (0, 1, 2), or None for another one."""
    return _STATEMENT_INDEX.get(_key(text))


@dataclass(frozen=True)
class AgencyPoint:
    day: date
    meeting: str
    area: str | None
    agreeing: int
    answers: int

    @property
    def share(self) -> float:
        return self.agreeing / self.answers


@dataclass
class AgencySeries:
    index: int  # 0, 1, 2: position in DEFAULT_SURVEY_STATEMENTS
    points: list[AgencyPoint] = field(default_factory=list)

    def statement(self, lang: str) -> str:
        return DEFAULT_SURVEY_STATEMENTS[self.index][lang]

    def short_name(self, lang: str) -> str:
        return SHORT_NAMES[self.index][lang]


def agency_over_time(
    store: Store, scope: Scope, *, min_answers: int = MIN_SURVEY_ANSWERS
) -> list[AgencySeries]:
    """The three series (always three, possibly empty) for an area or all areas, oldest first."""
    collector = _Collector(min_answers)
    for row in tabular.survey_answers(store, scope):
        if row["activity_at"]:
            day = datetime.fromisoformat(row["activity_at"]).date()
            counts = json.loads(row["counts"] or "{}")
            collector.add(row["statement"], day, row["activity"] or "", row["area"], counts)
    return collector.series


def series_from_surveys(
    surveys: list[MeetingSurvey], area: str | None, *, min_answers: int = MIN_SURVEY_ANSWERS
) -> list[AgencySeries]:
    """The same series from an area report's meetings (already limited to the area and period)."""
    collector = _Collector(min_answers)
    for meeting in surveys:
        if meeting.activity.starts_at is None:
            continue
        for result in meeting.results:
            counts = {answer.value: count for answer, count in result.counts.items()}
            day = meeting.activity.starts_at.date()
            collector.add(result.item.statement, day, meeting.activity.title or "", area, counts)
    return collector.series


class _Collector:
    def __init__(self, min_answers: int):
        self.min_answers = max(min_answers, 1)
        self.series = [AgencySeries(i) for i in range(len(DEFAULT_SURVEY_STATEMENTS))]

    def add(self, statement: str | None, day: date, meeting: str, area: str | None, counts: dict) -> None:
        index = statement_index(statement)
        answers = sum(counts.values())
        if index is None or answers < self.min_answers:
            return
        agreeing = sum(counts.get(a, 0) for a in AGREEING)
        self.series[index].points.append(AgencyPoint(day, meeting, area, agreeing, answers))
        self.series[index].points.sort(key=lambda p: p.day)


def has_points(series: list[AgencySeries]) -> bool:
    return any(s.points for s in series)


def by_month(series: list[AgencySeries]) -> list[AgencySeries]:
    """The same series with one point per calendar month (answers added up): across all areas
    a team holds dozens of meetings a year, too many dots to read one by one."""
    merged = []
    for one in series:
        months: dict[tuple[int, int], list[AgencyPoint]] = {}
        for point in one.points:
            months.setdefault((point.day.year, point.day.month), []).append(point)
        points = [
            AgencyPoint(
                day=date(year, month, 15),
                meeting=str(len(group)),  # how many meetings the month's point adds up
                area=None,
                agreeing=sum(p.agreeing for p in group),
                answers=sum(p.answers for p in group),
            )
            for (year, month), group in sorted(months.items())
        ]
        merged.append(AgencySeries(one.index, points))
    return merged
