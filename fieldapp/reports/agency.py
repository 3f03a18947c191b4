"""Agency over time: how many agree with the three agency statements, listening meeting by meeting.

The municipalities measure agency (handlekraft), not satisfaction. After each lyttemøde a
short survey asks three fixed statements (``DEFAULT_SURVEY_STATEMENTS``); this module follows
each of them over time, per area or across areas: for every meeting whose statement has at
least 5 answers, the share that answered "agree" or "strongly agree", with the number of
answers. A statement with fewer answers is left out, as everywhere in the reports (it could
point at a person). A meeting's statement counts as one of the three when its text is the
Danish or English default, whatever its case and spacing; other, edited statements are not
part of the series.

``agency_chart`` draws the series with reportlab for the area report; the UI draws the same
series with Qt (``fieldapp/ui/agency_view.py``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from fieldapp.domain.enums import DEFAULT_SURVEY_STATEMENTS, SurveyAnswer
from fieldapp.reports.fonts import REGULAR, register_fonts
from fieldapp.reports.privacy import MIN_SURVEY_RESPONDENTS
from fieldapp.reports.styles import INK, MUTED, RULE
from fieldapp.store import tabular
from fieldapp.store.reporting import MeetingSurvey
from fieldapp.store.store import Store
from fieldapp.store.tabular import Scope

AGREEING = (SurveyAnswer.AGREE.value, SurveyAnswer.STRONGLY_AGREE.value)
SERIES_COLOURS = ("#1b6ca8", "#c2561a", "#3a8d3a")  # one per agency statement, also in the UI
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
    store: Store, scope: Scope, *, min_answers: int = MIN_SURVEY_RESPONDENTS
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
    surveys: list[MeetingSurvey], area: str | None, *, min_answers: int = MIN_SURVEY_RESPONDENTS
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


# ------------------------------------------------------------------------- the PDF figure
def agency_chart(series: list[AgencySeries], lang: str, width: float, height: float = 150) -> Drawing:
    """Share agreeing (0-100 %) per meeting over time, one line per statement, n under each dot."""
    register_fonts()
    drawing = Drawing(width, height)
    drawing.initialFontName = REGULAR
    drawing.initialFontSize = 7
    left, right, bottom, legend = 28.0, 8.0, 26.0, 14.0
    plot_w, plot_h = width - left - right, height - bottom - legend - 6
    days = sorted({p.day for s in series for p in s.points})
    if not days:
        return drawing
    first, last = days[0].toordinal(), days[-1].toordinal()
    span = max(last - first, 1)

    def x_of(day: date) -> float:
        if first == last:
            return left + plot_w / 2
        return left + plot_w * (day.toordinal() - first) / span

    def y_of(share: float) -> float:
        return bottom + plot_h * share

    for pct in (0, 25, 50, 75, 100):
        y = y_of(pct / 100)
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=RULE, strokeWidth=0.4))
        drawing.add(String(left - 3, y - 2.5, f"{pct} %", textAnchor="end", fontSize=6.5, fillColor=MUTED))
    for day in _ticks(days):
        drawing.add(String(x_of(day), bottom - 10, _tick_label(day, lang), textAnchor="middle", fontSize=6.5))
    for s, colour in zip(series, SERIES_COLOURS, strict=False):
        stroke = colors.HexColor(colour)
        points = sorted(s.points, key=lambda p: p.day)
        coords = [(x_of(p.day), y_of(p.share)) for p in points]
        if len(coords) > 1:
            drawing.add(PolyLine([v for xy in coords for v in xy], strokeColor=stroke, strokeWidth=1.2))
        for (x, y), point in zip(coords, points, strict=True):
            drawing.add(Circle(x, y, 2.2, fillColor=stroke, strokeColor=stroke))
            label = f"n={point.answers}"
            drawing.add(String(x, y + 4, label, textAnchor="middle", fontSize=5.5, fillColor=MUTED))
    x = left
    for s, colour in zip(series, SERIES_COLOURS, strict=False):
        name = s.short_name(lang)
        drawing.add(
            Line(x, height - 6, x + 12, height - 6, strokeColor=colors.HexColor(colour), strokeWidth=2)
        )
        drawing.add(String(x + 15, height - 8.5, name, fontSize=7, fillColor=INK))
        x += 15 + stringWidth(name, REGULAR, 7) + 14
    return drawing


_MONTHS_SHORT = {
    "da": ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def _tick_label(day: date, lang: str) -> str:
    return f"{_MONTHS_SHORT['da' if lang == 'da' else 'en'][day.month - 1]} {day.year}"


def _ticks(days: list[date], most: int = 6) -> list[date]:
    """Up to ``most`` dates evenly spread in time from the first meeting to the last, labelled
    by month (a month is labelled once)."""
    first, last = days[0].toordinal(), days[-1].toordinal()
    if first == last:
        return [days[0]]
    picked: dict[tuple[int, int], date] = {}
    for i in range(most):
        day = date.fromordinal(round(first + (last - first) * i / (most - 1)))
        picked.setdefault((day.year, day.month), day)
    return list(picked.values())
