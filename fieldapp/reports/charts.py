"""Charts drawn with reportlab.graphics: survey answers and concerns versus hopes per theme.

Both are drawn from plain shapes rather than reportlab's chart widgets, so that
long Danish statements wrap inside the drawing and every label uses the bundled font.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from fieldapp.domain import ObservationKind, SurveyAnswer
from fieldapp.reports.fonts import BOLD, REGULAR, register_fonts
from fieldapp.reports.styles import ANSWER_COLOURS, CONCERN, HOPE, INK, MUTED, RULE
from fieldapp.reports.texts import format_count, t
from fieldapp.store.reporting import SurveyResult, ThemeCount

LABEL_SIZE = 8
SMALL_SIZE = 7


def _drawing(width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    drawing.initialFontName = REGULAR  # else the renderer selects Helvetica, which is not embedded
    drawing.initialFontSize = LABEL_SIZE
    return drawing


def _fit(value: str, font: str, size: float, width: float) -> str:
    if stringWidth(value, font, size) <= width:
        return value
    while value and stringWidth(value + "…", font, size) > width:
        value = value[:-1]
    return value.rstrip() + "…"


def survey_chart(results: list[SurveyResult], lang: str, width: float) -> Drawing:
    """One 100 % bar per statement, split by answer, with the number of answers beside it."""
    register_fonts()
    answers = list(SurveyAnswer)
    count_width = 20 * mm
    bar_width = width - count_width
    bar_height = 11
    items: list[tuple[list[str], SurveyResult]] = [
        (simpleSplit(r.item.statement or "", BOLD, LABEL_SIZE, bar_width), r) for r in results
    ]
    legend_rows = _legend_rows([a.label(lang) for a in answers], width)
    height = sum(len(lines) * 10 + bar_height + 12 for lines, _ in items) + len(legend_rows) * 12 + 4
    drawing = _drawing(width, height)
    y = height
    for lines, result in items:
        for line in lines:
            y -= 10
            drawing.add(String(0, y + 2, line, fontName=BOLD, fontSize=LABEL_SIZE, fillColor=INK))
        y -= bar_height + 2
        total = result.respondents
        x = 0.0
        for answer, colour in zip(answers, ANSWER_COLOURS, strict=True):
            count = result.counts.get(answer, 0)
            if not count or not total:
                continue
            w = bar_width * count / total
            drawing.add(
                Rect(x, y, w, bar_height, fillColor=colour, strokeColor=colors.white, strokeWidth=0.5)
            )
            label = format_count(count, lang)
            if stringWidth(label, REGULAR, SMALL_SIZE) + 4 < w:
                text_colour = colors.white if colour in (ANSWER_COLOURS[0], ANSWER_COLOURS[4]) else INK
                drawing.add(
                    String(
                        x + w / 2,
                        y + 3,
                        label,
                        fontName=REGULAR,
                        fontSize=SMALL_SIZE,
                        fillColor=text_colour,
                        textAnchor="middle",
                    )
                )
            x += w
        if not total:
            drawing.add(Rect(0, y, bar_width, bar_height, fillColor=None, strokeColor=RULE, strokeWidth=0.5))
        drawing.add(
            String(
                width,
                y + 3,
                t("survey_respondents", lang, count=format_count(total, lang)),
                fontName=REGULAR,
                fontSize=SMALL_SIZE + 0.5,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
        y -= 10
    y -= 2
    for row in legend_rows:
        y -= 11
        x = 0.0
        for index, label in row:
            drawing.add(Rect(x, y, 7, 7, fillColor=ANSWER_COLOURS[index], strokeColor=None))
            drawing.add(String(x + 10, y + 0.5, label, fontName=REGULAR, fontSize=SMALL_SIZE, fillColor=INK))
            x += 10 + stringWidth(label, REGULAR, SMALL_SIZE) + 12
    return drawing


def _legend_rows(labels: list[str], width: float) -> list[list[tuple[int, str]]]:
    rows: list[list[tuple[int, str]]] = [[]]
    used = 0.0
    for index, label in enumerate(labels):
        needed = 10 + stringWidth(label, REGULAR, SMALL_SIZE) + 12
        if rows[-1] and used + needed > width:
            rows.append([])
            used = 0.0
        rows[-1].append((index, label))
        used += needed
    return rows


def theme_chart(themes: list[ThemeCount], lang: str, width: float) -> Drawing:
    """Concerns to the left of a centre line, sources of hope to the right, one row per theme."""
    register_fonts()
    label_width = min(55 * mm, width * 0.35)
    row_height = 14
    header = 16
    height = header + row_height * len(themes) + 4
    drawing = _drawing(width, height)
    span = (width - label_width) / 2 - 14
    centre = label_width + (width - label_width) / 2
    biggest = max([max(tc.concern, tc.hope) for tc in themes] + [1])
    top = height - header
    drawing.add(
        String(
            centre - 4,
            top + 5,
            ObservationKind.CONCERN.label(lang),
            fontName=BOLD,
            fontSize=LABEL_SIZE,
            fillColor=CONCERN,
            textAnchor="end",
        )
    )
    drawing.add(
        String(
            centre + 4,
            top + 5,
            ObservationKind.HOPE.label(lang),
            fontName=BOLD,
            fontSize=LABEL_SIZE,
            fillColor=HOPE,
        )
    )
    for row, theme in enumerate(themes):
        y = top - (row + 1) * row_height
        drawing.add(
            String(
                0,
                y + 4,
                _fit(theme.name, REGULAR, LABEL_SIZE, label_width - 6),
                fontName=REGULAR,
                fontSize=LABEL_SIZE,
                fillColor=INK,
            )
        )
        if theme.concern:
            w = span * theme.concern / biggest
            drawing.add(Rect(centre - w, y + 2, w, row_height - 5, fillColor=CONCERN, strokeColor=None))
            drawing.add(
                String(
                    centre - w - 3,
                    y + 4,
                    format_count(theme.concern, lang),
                    fontName=REGULAR,
                    fontSize=SMALL_SIZE,
                    fillColor=MUTED,
                    textAnchor="end",
                )
            )
        if theme.hope:
            w = span * theme.hope / biggest
            drawing.add(Rect(centre, y + 2, w, row_height - 5, fillColor=HOPE, strokeColor=None))
            drawing.add(
                String(
                    centre + w + 3,
                    y + 4,
                    format_count(theme.hope, lang),
                    fontName=REGULAR,
                    fontSize=SMALL_SIZE,
                    fillColor=MUTED,
                )
            )
    drawing.add(Line(centre, 0, centre, top + 2, strokeColor=MUTED, strokeWidth=0.6))
    return drawing
