"""The relational map as a figure in the area report (the map itself: ``fieldapp.store.relmap``).

Internal reports name people (all of them on a small map, the potential, emerging and
established leaders on a big one); public reports name only people who may be named and
draw everyone else as an anonymous dot. Organisations are named in both.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Line, String
from reportlab.lib import colors
from reportlab.platypus import Flowable

from fieldapp.domain import LeadershipStage
from fieldapp.reports.fonts import REGULAR, register_fonts
from fieldapp.reports.options import Context
from fieldapp.reports.styles import INK, MUTED, RULE, heading, para
from fieldapp.store.relmap import RelationalMap, node_radius

STAGE_COLOURS = {  # as in the app's map
    LeadershipStage.CONTACT.value: "#9fb7c9",
    LeadershipStage.POTENTIAL.value: "#e0a040",
    LeadershipStage.EMERGING.value: "#d0652a",
    LeadershipStage.LEADER.value: "#8e2c48",
}
ALL_NAMES_UP_TO = 60  # people on the map; above this only leaders-to-be are named
MAX_TOGETHER_LINES = 800  # on paper, more "took part together" lines are only grey mud
EDGE_STYLE = {  # kind -> (grey level, width, dash)
    "together": (0.82, 0.3, None),
    "knows": (0.35, 0.8, None),
    "introduced_by": (0.35, 0.8, None),
    "suggested": (0.2, 0.8, (2, 1.5)),
}


def relational_figure(relmap: RelationalMap | None, ctx: Context) -> list[Flowable]:
    if relmap is None or not relmap.people:
        return []
    return [
        heading(ctx.t("relmap_heading")),
        relmap_drawing(relmap, ctx),
        para(ctx.t("relmap_note_internal" if ctx.options.internal else "relmap_note_public"), "small"),
    ]


RELMAP_HEIGHT = 330.0  # points: the figure's height at most (the map is laid out for it)


def relmap_drawing(relmap: RelationalMap, ctx: Context, max_height: float = RELMAP_HEIGHT) -> Drawing:
    register_fonts()
    legend_h = 14.0
    scale = min(ctx.width / max(relmap.width, 1e-6), (max_height - legend_h) / max(relmap.height, 1e-6))
    width, height = ctx.width, relmap.height * scale + legend_h + 8
    drawing = Drawing(width, height)
    drawing.initialFontName = REGULAR
    drawing.initialFontSize = 6
    top = height - legend_h - 4

    def at(x: float, y: float) -> tuple[float, float]:
        return x * scale, top - y * scale

    for group in relmap.groups:
        x, y = at(group.x, group.y)
        drawing.add(
            Circle(
                x,
                y,
                group.radius * scale,
                fillColor=colors.Color(0, 0, 0, 0.04),
                strokeColor=RULE,
                strokeWidth=0.4,
            )
        )
        name = group.name or ctx.t("relmap_no_group")
        drawing.add(
            String(
                x,
                y + group.radius * scale - 7,
                name,
                textAnchor="middle",
                fontName=REGULAR,
                fontSize=5.5,
                fillColor=MUTED,
            )
        )
    people = relmap.by_id()
    together = [e for e in relmap.edges if e.kind == "together"][:MAX_TOGETHER_LINES]  # strongest first
    for edge in together + [e for e in relmap.edges if e.kind != "together"]:
        grey, line_width, dash = EDGE_STYLE[edge.kind]
        a, b = people[edge.a], people[edge.b]
        line = Line(
            *at(a.x, a.y), *at(b.x, b.y), strokeColor=colors.Color(grey, grey, grey), strokeWidth=line_width
        )
        if dash:
            line.strokeDashArray = dash
        drawing.add(line)
    biggest = max((p.activities for p in relmap.people), default=0)
    name_all = len(relmap.people) <= ALL_NAMES_UP_TO
    for person in relmap.people:
        x, y = at(person.x, person.y)
        r = max(node_radius(person, biggest) * scale, 1.2)
        fill = colors.HexColor(STAGE_COLOURS.get(person.stage or "", "#9fb7c9"))
        drawing.add(Circle(x, y, r, fillColor=fill, strokeColor=colors.white, strokeWidth=0.3))
        shown = ctx.options.internal or person.may_be_named  # reports.privacy.may_be_named's rule
        if shown and (name_all or person.stage_rank >= 1):
            drawing.add(String(x + r + 1, y - 2, person.name, fontName=REGULAR, fontSize=5.5, fillColor=INK))
    x = 0.0
    for stage in LeadershipStage:
        drawing.add(
            Circle(
                x + 3, height - 7, 3, fillColor=colors.HexColor(STAGE_COLOURS[stage.value]), strokeColor=None
            )
        )
        label = stage.label(ctx.lang)
        drawing.add(String(x + 9, height - 9, label, fontName=REGULAR, fontSize=6.5, fillColor=INK))
        x += 9 + len(label) * 3.6 + 12
    return drawing
