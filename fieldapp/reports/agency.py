"""The agency-over-time figure of the area report (the series: ``fieldapp.store.agency``)."""

from __future__ import annotations

from datetime import date

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from fieldapp.reports.fonts import REGULAR, register_fonts
from fieldapp.reports.styles import INK, MUTED, RULE
from fieldapp.store.agency import AgencySeries

SERIES_COLOURS = ("#1b6ca8", "#c2561a", "#3a8d3a")  # one per agency statement, as in the UI


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
        drawing.add(
            String(
                left - 3,
                y - 2.5,
                f"{pct} %",
                textAnchor="end",
                fontName=REGULAR,
                fontSize=6.5,
                fillColor=MUTED,
            )
        )
    for day in _ticks(days):
        drawing.add(
            String(
                x_of(day),
                bottom - 10,
                _tick_label(day, lang),
                textAnchor="middle",
                fontName=REGULAR,
                fontSize=6.5,
            )
        )
    for s, colour in zip(series, SERIES_COLOURS, strict=False):
        stroke = colors.HexColor(colour)
        points = sorted(s.points, key=lambda p: p.day)
        coords = [(x_of(p.day), y_of(p.share)) for p in points]
        if len(coords) > 1:
            drawing.add(PolyLine([v for xy in coords for v in xy], strokeColor=stroke, strokeWidth=1.2))
        for (x, y), point in zip(coords, points, strict=True):
            drawing.add(Circle(x, y, 2.2, fillColor=stroke, strokeColor=stroke))
            label = f"n={point.answers}"
            drawing.add(
                String(x, y + 4, label, textAnchor="middle", fontName=REGULAR, fontSize=5.5, fillColor=MUTED)
            )
    x = left
    for s, colour in zip(series, SERIES_COLOURS, strict=False):
        name = s.short_name(lang)
        drawing.add(
            Line(x, height - 6, x + 12, height - 6, strokeColor=colors.HexColor(colour), strokeWidth=2)
        )
        drawing.add(String(x + 15, height - 8.5, name, fontName=REGULAR, fontSize=7, fillColor=INK))
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
