"""A walkabout's route in a PDF: the track drawn with reportlab.graphics, numbered markers,
a legend with the same numbers, and the distance and duration walked.

The legend lists each observation with its kind and its words (shortened) and each photo
with its caption, as the report's own list of observations does.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether

from fieldapp.domain import Activity, ActivityKind, ObservationKind
from fieldapp.reports.charts import _drawing, _fit
from fieldapp.reports.fonts import BOLD, REGULAR
from fieldapp.reports.options import Context
from fieldapp.reports.styles import INK, MUTED, RULE, data_table, facts_table, heading, para
from fieldapp.routes import Projection, RouteError, RoutePlan
from fieldapp.routes.geometry import format_distance, format_duration, nice_scale_bar, thin_segments
from fieldapp.routes.layout import Marker, layout_markers
from fieldapp.routes.placement import OBSERVATION, PHOTO
from fieldapp.routes.service import route_plan
from fieldapp.store.errors import StoreError

if TYPE_CHECKING:
    from fieldapp.store import Store

logger = logging.getLogger(__name__)

TRACK = colors.HexColor("#0f766e")
OBSERVATION_MARK = colors.HexColor("#c2410c")
PHOTO_MARK = colors.HexColor("#1d4ed8")
MIXED_MARK = colors.HexColor("#6d28d9")  # a group holding both observations and photos
START = colors.HexColor("#15803d")
MARK_RADIUS = 6


def plan_for(store: Store, activity: Activity) -> RoutePlan | None:
    """The walkabout's placed route, or None (no track, or a track that cannot be read: logged)."""
    if activity.kind is not ActivityKind.WALKABOUT or not activity.gpx_attachment_id:
        return None
    try:
        return route_plan(store, activity.id)
    except (RouteError, StoreError) as error:
        logger.warning("route of %s left out of the report: %s", activity.id, error)
        return None


def route_facts(plan: RoutePlan, ctx: Context) -> list[tuple[str, str]]:
    facts = [(ctx.t("route_distance"), format_distance(plan.track.length_m, ctx.lang))]
    if plan.track.duration is not None:
        facts.append(
            (ctx.t("route_duration"), format_duration(plan.track.duration.total_seconds(), ctx.lang))
        )
    return facts


def route_drawing(plan: RoutePlan, width: float, height: float, lang: str) -> Drawing:
    return draw_route(plan, width, height, lang)[0]


def draw_route(plan: RoutePlan, width: float, height: float, lang: str) -> tuple[Drawing, list[Marker]]:
    """The track, its start and end (one marker on a loop) and the numbered markers, laid out so
    every number can be read; with the markers' layout, for the legend."""
    drawing = _drawing(width, height)
    drawing.add(Rect(0, 0, width, height, fillColor=colors.white, strokeColor=RULE, strokeWidth=0.5))
    project = Projection.fit(plan.track.bounds, width, height, margin=MARK_RADIUS * 2 + 4, y_down=False)
    for points in thin_segments([project.all(segment) for segment in plan.track.segments], 0.8, 2500):
        drawing.add(
            PolyLine(
                [c for xy in points for c in xy],
                strokeColor=TRACK,
                strokeWidth=1.6,
                strokeLineJoin=1,
                strokeLineCap=1,
            )
        )
    _ends(drawing, plan, project, width, lang)
    markers = layout_markers(
        [(*project(p.lat, p.lon), p.number) for p in plan.placed],
        MARK_RADIUS,
        width,
        height,
        lambda text: stringWidth(text, BOLD, 6.5),
    )
    kinds = {p.number: p.item.kind for p in plan.placed}
    for marker in markers:
        if marker.has_leader:
            drawing.add(
                Line(marker.anchor_x, marker.anchor_y, marker.x, marker.y, strokeColor=INK, strokeWidth=0.5)
            )
            drawing.add(Circle(marker.anchor_x, marker.anchor_y, 1.6, fillColor=INK, strokeColor=None))
        held = {kinds[n] for n in marker.numbers}
        colour = OBSERVATION_MARK if held == {OBSERVATION} else PHOTO_MARK if held == {PHOTO} else MIXED_MARK
        drawing.add(
            Circle(
                marker.x, marker.y, marker.radius, fillColor=colour, strokeColor=colors.white, strokeWidth=1
            )
        )
        drawing.add(
            String(
                marker.x,
                marker.y - 2.4,
                marker.label,
                fontName=BOLD,
                fontSize=6.5,
                fillColor=colors.white,
                textAnchor="middle",
            )
        )
    metres, units = nice_scale_bar(project.metres_per_unit(), width / 4)
    if units:
        drawing.add(PolyLine([8, 12, 8, 8, 8 + units, 8, 8 + units, 12], strokeColor=INK, strokeWidth=0.8))
        drawing.add(
            String(12 + units, 8, format_distance(metres, lang), fontName=REGULAR, fontSize=7, fillColor=INK)
        )
    return drawing, markers


def _ends(drawing: Drawing, plan: RoutePlan, project: Projection, width: float, lang: str) -> None:
    """Start (green dot) and end (black square); on a loop one combined marker and one word."""
    first, last = plan.track.segments[0][0], plan.track.segments[-1][-1]
    sx, sy = project(first.lat, first.lon)
    ex, ey = project(last.lat, last.lon)
    words = {"da": ("Start", "Slut", "Start og slut"), "en": ("Start", "End", "Start and end")}
    start_word, end_word, both_word = words.get(lang, words["en"])
    if plan.track.is_loop:
        drawing.add(Circle(sx, sy, 4.5, fillColor=START, strokeColor=INK, strokeWidth=1.2))
        labels = [(sx, sy, both_word)]
    else:
        drawing.add(Circle(sx, sy, 4, fillColor=START, strokeColor=colors.white, strokeWidth=1))
        drawing.add(Rect(ex - 3.5, ey - 3.5, 7, 7, fillColor=INK, strokeColor=colors.white, strokeWidth=1))
        labels = [(sx, sy, start_word), (ex, ey, end_word)]
    for x, y, word in labels:
        anchor = "start" if x < width / 2 else "end"
        drawing.add(
            String(
                x + (7 if anchor == "start" else -7),
                y - 11 if y > 26 else y + 6,  # above the point near the bottom, clear of the scale bar
                word,
                fontName=REGULAR,
                fontSize=7,
                fillColor=MUTED,
                textAnchor=anchor,
            )
        )


def legend_rows(plan: RoutePlan, ctx: Context, markers: list[Marker] | None = None) -> list[list[str]]:
    """One row per placed item: its number, what it is with its (shortened) words, how far along.

    An item whose marker holds several (a group where they lie on top of each other) says
    which marker on the map holds it.
    """
    holder = {n: m for m in markers or [] for n in m.numbers if len(m.numbers) > 1}
    rows = []
    for placement in plan.placed:
        item = placement.item
        if item.kind == OBSERVATION:
            kind = _observation_kind(item.category, ctx.lang) or ctx.t("route_observation")
        else:
            kind = ctx.t("route_photo")
        label = ctx.names(item.label) if item.label else ""  # names redacted in public reports
        what = f"{kind}: {_fit(label, REGULAR, 8.5, ctx.width * 0.55)}" if label else kind
        if placement.number in holder:
            what += f" ({ctx.t('route_on_map', label=holder[placement.number].label)})"
        rows.append([str(placement.number), what, format_distance(placement.along_m, ctx.lang)])
    return rows


def _observation_kind(category: str | None, lang: str) -> str | None:
    try:
        return ObservationKind(category).label(lang) if category else None
    except ValueError:
        return None


def route_section(
    plan: RoutePlan, ctx: Context, *, title: str | None = None, height: float = 95 * mm
) -> list[Flowable]:
    """Heading, distance and duration, the figure and its legend."""
    parts: list[Flowable] = [
        heading(title or ctx.t("route_map"), 2 if title is None else 3),
        facts_table(route_facts(plan, ctx), ctx.width),
        (figure := draw_route(plan, ctx.width, height, ctx.lang))[0],
    ]
    if plan.placed:
        w = ctx.width
        parts.append(
            data_table(
                [ctx.t("route_number"), ctx.t("route_what"), ctx.t("route_along")],
                legend_rows(plan, ctx, figure[1]),
                [w * 0.08, w * 0.7, w * 0.22],
            )
        )
    if plan.unplaced:
        parts.append(para(ctx.t("route_unplaced", count=len(plan.unplaced)), "note"))
    return [KeepTogether(parts[:3]), *parts[3:]]
