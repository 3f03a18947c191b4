"""A walkabout's route in a PDF: the track drawn with reportlab.graphics, numbered markers,
a legend with the same numbers, and the distance and duration walked.

Public reports show only each marker's kind in the legend (an observation's words are
in the report's own list, with its redaction); internal reports show the words too.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from reportlab.graphics.shapes import Circle, Drawing, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from fieldapp.domain import Activity, ActivityKind
from fieldapp.reports.charts import _drawing, _fit
from fieldapp.reports.fonts import BOLD, REGULAR
from fieldapp.reports.options import Context
from fieldapp.reports.styles import INK, MUTED, RULE, data_table, facts_table, heading, para
from fieldapp.routes import Projection, RouteError, RoutePlan
from fieldapp.routes.geometry import format_distance, format_duration, nice_scale_bar, thin_segments
from fieldapp.routes.placement import OBSERVATION
from fieldapp.routes.service import route_plan
from fieldapp.store.errors import StoreError

if TYPE_CHECKING:
    from fieldapp.store import Store

logger = logging.getLogger(__name__)

TRACK = colors.HexColor("#0f766e")
OBSERVATION_MARK = colors.HexColor("#c2410c")
PHOTO_MARK = colors.HexColor("#1d4ed8")
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
    drawing = _drawing(width, height)
    drawing.add(Rect(0, 0, width, height, fillColor=colors.white, strokeColor=RULE, strokeWidth=0.5))
    project = Projection.fit(plan.track.bounds, width, height, margin=MARK_RADIUS * 2 + 4, y_down=False)
    for points in thin_segments([project.all(segment) for segment in plan.track.segments], 0.8):
        drawing.add(
            PolyLine(
                [c for xy in points for c in xy],
                strokeColor=TRACK,
                strokeWidth=1.6,
                strokeLineJoin=1,
                strokeLineCap=1,
            )
        )
    first, last = plan.track.segments[0][0], plan.track.segments[-1][-1]
    sx, sy = project(first.lat, first.lon)
    ex, ey = project(last.lat, last.lon)
    drawing.add(Circle(sx, sy, 4, fillColor=START, strokeColor=colors.white, strokeWidth=1))
    drawing.add(Rect(ex - 3.5, ey - 3.5, 7, 7, fillColor=INK, strokeColor=colors.white, strokeWidth=1))
    for x, y, word in (
        (sx, sy, "Start" if lang == "da" else "Start"),
        (ex, ey, "Slut" if lang == "da" else "End"),
    ):
        anchor = "start" if x < width / 2 else "end"
        drawing.add(
            String(
                x + (7 if anchor == "start" else -7),
                y - 11,
                word,
                fontName=REGULAR,
                fontSize=7,
                fillColor=MUTED,
                textAnchor=anchor,
            )
        )
    for placement in plan.placed:
        x, y = project(placement.lat, placement.lon)
        colour = OBSERVATION_MARK if placement.item.kind == OBSERVATION else PHOTO_MARK
        drawing.add(Circle(x, y, MARK_RADIUS, fillColor=colour, strokeColor=colors.white, strokeWidth=1))
        drawing.add(
            String(
                x,
                y - 2.4,
                str(placement.number),
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
    return drawing


def legend_rows(plan: RoutePlan, ctx: Context) -> list[list[str]]:
    rows = []
    for placement in plan.placed:
        kind = ctx.t("route_observation") if placement.item.kind == OBSERVATION else ctx.t("route_photo")
        what = (
            f"{kind}: {_fit(placement.item.label, REGULAR, 8.5, ctx.width * 0.6)}"
            if ctx.options.internal
            else kind
        )
        rows.append([str(placement.number), what, format_distance(placement.along_m, ctx.lang)])
    return rows


def route_section(
    plan: RoutePlan, ctx: Context, *, title: str | None = None, height: float = 95 * mm
) -> list[Flowable]:
    """Heading, distance and duration, the figure and its legend."""
    parts: list[Flowable] = [
        heading(title or ctx.t("route_map"), 2 if title is None else 3),
        facts_table(route_facts(plan, ctx), ctx.width),
        route_drawing(plan, ctx.width, height, ctx.lang),
    ]
    if plan.placed:
        w = ctx.width
        parts.append(
            data_table(
                [ctx.t("route_number"), ctx.t("route_what"), ctx.t("route_along")],
                legend_rows(plan, ctx),
                [w * 0.08, w * 0.7, w * 0.22],
            )
        )
    if plan.unplaced:
        parts.append(para(ctx.t("route_unplaced", count=len(plan.unplaced)), "note"))
    return [KeepTogether(parts[:3]), *parts[3:]]
