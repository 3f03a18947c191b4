"""The area report for a council: one area over a period, on a cover and a few pages."""

from __future__ import annotations

from datetime import date
from itertools import groupby

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Table

from fieldapp.domain import Activity, ActivityKind, LeadershipStage, SurveyAnswer
from fieldapp.reports.activity import actions_table, public_place, public_title, survey_block
from fieldapp.reports.agency import agency_chart
from fieldapp.reports.charts import theme_chart
from fieldapp.reports.options import Context
from fieldapp.reports.relmap_figure import relational_figure
from fieldapp.reports.route_figure import route_section
from fieldapp.reports.styles import SHADE, data_table, facts_table, gap, heading, para, table_style
from fieldapp.reports.texts import (
    format_count,
    format_date,
    format_month,
    format_period,
    format_short_date,
    quoted,
)
from fieldapp.routes import RoutePlan
from fieldapp.store.agency import series_from_surveys
from fieldapp.store.relmap import RelationalMap
from fieldapp.store.reporting import AreaData, SurveyResult

THEMES_IN_CHART = 15
AGREEING = (SurveyAnswer.AGREE, SurveyAnswer.STRONGLY_AGREE)


def area_story(
    data: AreaData,
    ctx: Context,
    routes: dict[str, RoutePlan] | None = None,
    relmap: RelationalMap | None = None,
) -> list[Flowable]:
    story = cover(data, ctx)
    story += [PageBreak()]
    story += key_figures(data, ctx)
    story += themes(data, ctx)
    story += quotes(data, ctx)
    story += surveys(data, ctx)
    story += actions(data, ctx)
    story += walk_routes(data, routes or {}, ctx)
    story += pipeline(data, ctx)
    story += relational_figure(relmap, ctx)
    story += timeline(data, ctx)
    return story


def cover(data: AreaData, ctx: Context) -> list[Flowable]:
    area = data.area
    story: list[Flowable] = [
        gap(30),
        para(ctx.t("area_report"), "cover_kind"),
        para(area.name or "", "cover_title"),
    ]
    if area.municipality:
        story.append(para(area.municipality, "cover_sub"))
    rows = [
        (ctx.t("period"), shown_period(data, ctx)),
        (ctx.t("author"), ctx.options.author or ""),
        (ctx.t("made_on"), format_date(ctx.options.report_date, ctx.lang)),
    ]
    story += [facts_table(rows, ctx.width, 45 * mm), gap(8)]
    if area.phase is not None:
        story += [
            para(f"{ctx.t('phase')}: {area.phase.label(ctx.lang)}", "h3"),
            para(area.phase.explain(ctx.lang)),
        ]
    if area.influence is not None:
        story += [
            para(f"{ctx.t('influence')}: {area.influence.label(ctx.lang)}", "h3"),
            para(area.influence.explain(ctx.lang)),
        ]
    if area.description:
        story += [gap(2), para(area.description)]
    story.append(gap(6))
    if ctx.options.internal:
        story.append(para(ctx.t("privacy_note_internal"), "internal"))
    else:
        story.append(para(ctx.t("privacy_note_public", minimum=ctx.options.min_respondents), "note"))
    return story


def _day(activity: Activity) -> date:
    """The day an activity starts (a start is required, so every stored activity has one)."""
    assert activity.starts_at is not None
    return activity.starts_at.date()


def shown_period(data: AreaData, ctx: Context) -> str:
    """The chosen period; an open end is shown as the first or last activity's date."""
    start = data.start or (_day(data.activities[0]) if data.activities else None)
    end = data.end or (_day(data.activities[-1]) if data.activities else None)
    return format_period(start, end, ctx.lang)


def _figure(value: str, label: str, ctx: Context) -> list[Flowable]:
    return [para(value, "figure"), para(label, "small")]


def key_figures(data: AreaData, ctx: Context) -> list[Flowable]:
    def count(value: int) -> str:
        return format_count(value, ctx.lang)

    people = ctx.redactor.people  # counts of people: "under 5" for 1 to 4 in public reports
    figures = [(count(len(data.activities)), ctx.t("activities_total"))]
    figures += [(count(data.kind_counts.get(kind, 0)), kind.label(ctx.lang)) for kind in ActivityKind]
    figures += [
        (people(data.people_met), ctx.t("people_met")),
        (people(data.new_potential_leaders), ctx.t("new_potential_leaders")),
        (count(sum(data.observation_counts.values())), ctx.t("observations_total")),
    ]
    per_row = 4
    cells = [_figure(v, label, ctx) for v, label in figures]
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    rows[-1] += [[]] * (per_row - len(rows[-1]))
    grid = Table(rows, colWidths=[ctx.width / per_row] * per_row, hAlign="LEFT")
    grid.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, -1), SHADE),
            ("LINEAFTER", (0, 0), (-2, -1), 2, "white"),
            ("LINEBELOW", (0, 0), (-1, -2), 2, "white"),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ("LEFTPADDING", (0, 0), (-1, -1), 7),
        )
    )
    story: list[Flowable] = [heading(ctx.t("key_figures"), 1), grid, gap(2)]
    talks = data.kind_counts.get(ActivityKind.ONE_TO_ONE, 0)
    if talks and not ctx.options.internal:
        story.append(para(ctx.t("one_to_one_count", count=format_count(talks, ctx.lang)), "small"))
    return story


def themes(data: AreaData, ctx: Context) -> list[Flowable]:
    story: list[Flowable] = [heading(ctx.t("themes_heading"))]
    if not data.themes:
        return story + [para(ctx.t("no_themes"))]
    top = data.themes[:THEMES_IN_CHART]
    story += [para(ctx.t("themes_intro"), "small"), theme_chart(top, ctx.lang, ctx.width)]
    rest = data.themes[THEMES_IN_CHART:]
    if rest:
        listed = ", ".join(f"{tc.name} ({format_count(tc.total, ctx.lang)})" for tc in rest[:40])
        story.append(para(f"{ctx.t('themes')}: {listed}" + (" …" if len(rest) > 40 else ""), "small"))
    return story


def quotes(data: AreaData, ctx: Context) -> list[Flowable]:
    story: list[Flowable] = [heading(ctx.t("quotes_heading"))]
    if not data.quotes:
        return story + [para(ctx.t("no_quotes"))]
    for row in data.quotes:
        quote = row.observation.text or ""
        who = ctx.redactor.name(row.raised_by)
        source = (
            f"{row.activity.kind.label(ctx.lang) if row.activity.kind else ''}, "
            f"{format_date(row.activity.starts_at, ctx.lang)}"
        )
        story.append(
            KeepTogether(
                [
                    para(quoted(quote, ctx.lang), "quote"),
                    para(f"– {who} · {source}", "attribution"),
                ]
            )
        )
    return story


def combined_results(data: AreaData, ctx: Context) -> list[SurveyResult]:
    """Sum tallies per statement over the meetings whose figures may be shown on their own.

    Meetings under the minimum are left out of the sum too; otherwise their figures
    could be worked out by subtracting the others from the total.
    """
    red = ctx.redactor
    combined: dict[str, SurveyResult] = {}
    for meeting in data.surveys:
        for result in meeting.results:
            if not result.respondents or not red.survey_visible(result.respondents):
                continue
            key = " ".join((result.item.statement or "").split()).casefold()
            entry = combined.setdefault(key, SurveyResult(result.item, {}))
            for answer, count in result.counts.items():
                entry.counts[answer] = entry.counts.get(answer, 0) + count
    return list(combined.values())


def surveys(data: AreaData, ctx: Context) -> list[Flowable]:
    if not data.surveys:
        return []
    minimum = ctx.options.min_respondents
    story: list[Flowable] = [heading(ctx.t("survey_heading")), para(ctx.t("survey_combined"), "h3")]
    combined = combined_results(data, ctx)
    if combined:
        story += survey_block(combined, ctx)
    if not ctx.options.internal:
        story.append(para(ctx.t("survey_combined_note", minimum=minimum), "small"))
    story += agency_trend(data, ctx)
    rows = []
    red = ctx.redactor
    for meeting in data.surveys:
        for result in meeting.results:
            n = result.respondents
            if n and red.survey_visible(n):
                agreeing = sum(result.counts.get(a, 0) for a in AGREEING)
                share = f"{round(100 * agreeing / n)} %"
            else:
                share = ctx.t("suppressed", minimum=minimum) if n else "–"
            rows.append(
                [
                    format_short_date(meeting.activity.starts_at, ctx.lang),
                    result.item.statement or "",
                    format_count(n, ctx.lang) if red.survey_visible(n) or not n else f"< {minimum}",
                    share,
                ]
            )
    w = ctx.width
    story += [
        para(ctx.t("survey_per_meeting"), "h3"),
        data_table(
            [ctx.t("date"), ctx.t("statement"), ctx.t("answers_n"), ctx.t("agree_share")],
            rows,
            [w * 0.15, w * 0.55, w * 0.1, w * 0.2],
        ),
    ]
    return story


def agency_trend(data: AreaData, ctx: Context) -> list[Flowable]:
    """The three agency statements' share agreeing, meeting by meeting (two meetings or more)."""
    series = series_from_surveys(data.surveys, data.area.name, min_answers=ctx.options.min_respondents)
    if len({p.day for s in series for p in s.points}) < 2:
        return []
    legend = "; ".join(f"{s.short_name(ctx.lang)}: »{s.statement(ctx.lang)}«" for s in series)
    return [
        para(ctx.t("agency_heading"), "h3"),
        agency_chart(series, ctx.lang, ctx.width),
        para(ctx.t("agency_note", minimum=ctx.options.min_respondents) + " " + legend, "small"),
    ]


def actions(data: AreaData, ctx: Context) -> list[Flowable]:
    story: list[Flowable] = [heading(ctx.t("open_actions"))]
    story.append(actions_table(data.open_actions, ctx) if data.open_actions else para(ctx.t("no_actions")))
    story.append(heading(ctx.t("done_actions")))
    story.append(actions_table(data.done_actions, ctx) if data.done_actions else para(ctx.t("no_actions")))
    return story


def pipeline(data: AreaData, ctx: Context) -> list[Flowable]:
    rows = [
        [stage.label(ctx.lang), ctx.redactor.people(data.pipeline.get(stage, 0))] for stage in LeadershipStage
    ]
    w = ctx.width
    return [
        KeepTogether(
            [
                heading(ctx.t("pipeline_heading")),
                para(ctx.t("pipeline_intro"), "small"),
                data_table([ctx.t("pipeline_stage"), ctx.t("people_count")], rows, [w * 0.5, w * 0.2]),
            ]
        )
    ]


def timeline(data: AreaData, ctx: Context) -> list[Flowable]:
    story: list[Flowable] = [heading(ctx.t("timeline_heading"))]
    w = ctx.width
    for _month, group in groupby(data.activities, key=lambda a: _day(a).replace(day=1)):
        activities = list(group)
        rows = [
            [
                format_short_date(a.starts_at, ctx.lang),
                a.kind.label(ctx.lang) if a.kind else "",
                public_title(a, ctx),
                public_place(a, ctx),
            ]
            for a in activities
        ]
        first = _day(activities[0])
        story.append(para(format_month(first, ctx.lang), "h3"))
        story.append(
            data_table(
                [ctx.t("date"), ctx.t("kind"), ctx.t("title"), ctx.t("place")],
                rows,
                [w * 0.14, w * 0.2, w * 0.44, w * 0.22],
            )
        )
    return story


def walk_routes(data: AreaData, routes: dict[str, RoutePlan], ctx: Context) -> list[Flowable]:
    """Each walkabout with a GPS track: its route, distance and duration, in date order."""
    walked = [a for a in data.activities if a.id in routes]
    if not walked:
        return []
    story: list[Flowable] = [heading(ctx.t("walk_routes"))]
    for activity in walked:
        title = f"{format_short_date(activity.starts_at, ctx.lang)} · {public_title(activity, ctx)}"
        story += route_section(routes[activity.id], ctx, title=title, height=70 * mm)
    return story
