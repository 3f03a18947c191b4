"""Agency over time, drawn with Qt: the area view's tab and the overview's panel.

The series come from ``fieldapp.store.agency`` (the same as the area report's figure): one
line per agency statement, a dot per listening meeting at its share agreeing, the number of
answers beside the dot, and a tooltip naming the meeting.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QLabel, QToolTip, QVBoxLayout, QWidget

from fieldapp.store import Store
from fieldapp.store.agency import AgencyPoint, AgencySeries, agency_over_time, by_month
from fieldapp.store.tabular import Scope
from fieldapp.ui.formatting import format_date
from fieldapp.ui.lazy import LoadedWhenShown

SERIES_COLOURS = ("#1b6ca8", "#c2561a", "#3a8d3a")  # as in the PDF figure
DOT = 4.0
MAX_LABELLED_DOTS = 30  # more "n=" labels than this only cover each other: the tooltip says it


class AgencyChart(QWidget):
    """The plot itself; ``set_series`` replaces what it shows."""

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.series: list[AgencySeries] = []
        self.monthly = False  # one dot per month (all areas), not per meeting
        self._dots: list[tuple[QPointF, AgencySeries, AgencyPoint]] = []
        self.setMouseTracking(True)
        self.setMinimumHeight(180)

    def sizeHint(self) -> QSize:
        return QSize(520, 240)

    def set_series(self, series: list[AgencySeries]) -> None:
        self.series = series
        self.update()

    def _days(self) -> list[date]:
        return sorted({p.day for s in self.series for p in s.points})

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.windowText().color()
        muted = QColor(text)
        muted.setAlpha(140)
        metrics = painter.fontMetrics()
        legend_h = metrics.height() + 8
        left = metrics.horizontalAdvance("100 %") + 10
        plot = QRectF(
            left, legend_h + 8, self.width() - left - 16, self.height() - legend_h - 8 - 2 * metrics.height()
        )
        self._dots = []
        days = self._days()
        # legend
        x = left
        for s, colour in zip(self.series, SERIES_COLOURS, strict=False):
            painter.setPen(QPen(QColor(colour), 3))
            painter.drawLine(QPointF(x, legend_h / 2 + 2), QPointF(x + 16, legend_h / 2 + 2))
            painter.setPen(text)
            name = s.short_name(self.lang)
            painter.drawText(QPointF(x + 20, legend_h / 2 + metrics.ascent() / 2 + 1), name)
            x += 20 + metrics.horizontalAdvance(name) + 18
        # grid
        for pct in (0, 25, 50, 75, 100):
            y = plot.bottom() - plot.height() * pct / 100
            grid = QColor(text)
            grid.setAlpha(40)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(muted)
            label = f"{pct} %"
            painter.drawText(
                QPointF(left - 6 - metrics.horizontalAdvance(label), y + metrics.ascent() / 2 - 1), label
            )
        if not days:
            return
        first, last = days[0].toordinal(), days[-1].toordinal()

        def x_of(day: date) -> float:
            if first == last:
                return plot.center().x()
            return plot.left() + plot.width() * (day.toordinal() - first) / (last - first)

        painter.setPen(muted)
        shown_right = -1e9
        for day in days:  # a date label under a meeting wherever there is room for it
            label = f"{day.month:02d}.{day.year}" if self.monthly else format_date(day)
            width = metrics.horizontalAdvance(label)
            lx = min(max(x_of(day) - width / 2, 0), self.width() - width)
            if lx > shown_right + 8:
                painter.drawText(QPointF(lx, plot.bottom() + metrics.height() + 2), label)
                shown_right = lx + width
        labelled_dots = sum(len(one.points) for one in self.series)
        for s, colour in zip(self.series, SERIES_COLOURS, strict=False):
            pen = QPen(QColor(colour), 2)
            path = QPainterPath()
            for i, point in enumerate(s.points):
                spot = QPointF(x_of(point.day), plot.bottom() - plot.height() * point.share)
                path.moveTo(spot) if i == 0 else path.lineTo(spot)
                self._dots.append((spot, s, point))
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setBrush(QColor(colour))
            for spot, owner, point in self._dots:
                if owner is s:
                    painter.drawEllipse(spot, DOT, DOT)
                    painter.setPen(muted)
                    if labelled_dots > MAX_LABELLED_DOTS:
                        continue
                    label = f"n={point.answers}"
                    width = metrics.horizontalAdvance(label)
                    dx = DOT + 2 if spot.x() + DOT + 2 + width < self.width() else -DOT - 2 - width
                    painter.drawText(spot + QPointF(dx, -DOT - 1), label)
                    painter.setPen(pen)

    def mouseMoveEvent(self, event) -> None:
        position = event.position()
        for spot, series, point in self._dots:
            if (spot - position).manhattanLength() <= DOT * 3:
                QToolTip.showText(event.globalPosition().toPoint(), self.tooltip(series, point), self)
                return
        QToolTip.hideText()

    def tooltip(self, series: AgencySeries, point: AgencyPoint) -> str:
        share = round(100 * point.share)
        if self.monthly:
            meetings = self.tr("%n listening meeting(s)", "", int(point.meeting or 0))
            return (
                self.tr("%1 in %2: %3 % agree (%4 of %5 answers)\n»%6«")
                .replace("%1", meetings)
                .replace("%2", f"{point.day.month:02d}.{point.day.year}")
                .replace("%3", str(share))
                .replace("%4", str(point.agreeing))
                .replace("%5", str(point.answers))
                .replace("%6", series.statement(self.lang))
            )
        where = f"{point.meeting} ({point.area})" if point.area else point.meeting
        return (
            self.tr("%1\n%2: %3 % agree (%4 of %5 answers)\n»%6«")
            .replace("%1", where)
            .replace("%2", format_date(point.day))
            .replace("%3", str(share))
            .replace("%4", str(point.agreeing))
            .replace("%5", str(point.answers))
            .replace("%6", series.statement(self.lang))
        )


class AgencyPanel(LoadedWhenShown):
    """The chart with a line that says what it shows, or what is missing when there is nothing."""

    def __init__(self, store: Store, lang: str, area_id: str | None = None, parent=None):
        super().__init__(store, parent)
        self.area_id = area_id
        layout = QVBoxLayout(self)
        self.chart = AgencyChart(lang, self)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setEnabled(False)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.note)

    def load(self) -> None:
        series = agency_over_time(self.store, Scope(area_id=self.area_id))
        self.chart.monthly = self.area_id is None  # all areas: dozens of meetings, one dot a month
        self.chart.set_series(by_month(series) if self.chart.monthly else series)
        if any(s.points for s in series):
            if self.chart.monthly:
                note = self.tr(
                    "Share answering agree or strongly agree, all listening meetings of a month together; "
                    "point at a dot for the number of answers. Statements with fewer than 5 answers are "
                    "left out."
                )
            else:
                note = self.tr(
                    "Share answering agree or strongly agree, per listening meeting; n is the number "
                    "of answers. Statements with fewer than 5 answers are left out."
                )
            self.note.setText(note)
            self.chart.show()
        else:
            self.note.setText(
                self.tr(
                    "No listening meeting has 5 or more answers to the agency statements yet. Add the "
                    "survey's answers to a listening meeting to follow agency over time."
                )
            )
            self.chart.hide()

    def has_points(self) -> bool:
        return any(s.points for s in self.chart.series)
