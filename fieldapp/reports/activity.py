"""The activity report: one walkabout, 1:1 talk or listening meeting."""

from __future__ import annotations

from collections import Counter

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from fieldapp.domain import Activity, ActivityKind, ObservationKind, ParticipantRole
from fieldapp.reports.charts import survey_chart
from fieldapp.reports.fonts import REGULAR
from fieldapp.reports.options import Context
from fieldapp.reports.photos import photo_grid
from fieldapp.reports.privacy import capitalise
from fieldapp.reports.route_figure import route_section
from fieldapp.reports.styles import data_table, facts_table, gap, heading, para, text
from fieldapp.reports.texts import format_count, format_date, format_datetime, quoted
from fieldapp.routes import RoutePlan
from fieldapp.store.queries import ActionRow
from fieldapp.store.reporting import ActivityData, ObservationRow, SurveyResult

KIND_ORDER = (
    ObservationKind.CONCERN,
    ObservationKind.HOPE,
    ObservationKind.IDEA,
    ObservationKind.QUOTE,
    ObservationKind.FACT,
)


# A 1:1 talk's notes, shown only in internal reports (all are erased with the person).
ONE_TO_ONE_NOTES = ("story", "self_interest", "concerns", "resources", "next_step")


def is_confidential(activity: Activity) -> bool:
    return activity.kind is ActivityKind.ONE_TO_ONE


def public_title(activity: Activity, ctx: Context) -> str:
    """A 1:1 talk's title often names the person; public reports use kind and date instead."""
    if is_confidential(activity) and not ctx.redactor.shows_confidential:
        kind = activity.kind.label(ctx.lang) if activity.kind else ""
        return f"{kind}, {format_date(activity.starts_at, ctx.lang)}"
    return activity.title or ""


def public_place(activity: Activity, ctx: Context) -> str:
    """Where a 1:1 talk took place ("Karens køkken") can say whom it was with."""
    if is_confidential(activity) and not ctx.redactor.shows_confidential:
        return ""
    return activity.place or ""


def activity_story(data: ActivityData, ctx: Context, route: RoutePlan | None = None) -> list[Flowable]:
    activity = data.activity
    red = ctx.redactor
    kind = activity.kind.label(ctx.lang) if activity.kind else ""
    story: list[Flowable] = [
        para(f"{ctx.t('activity_report')} · {kind}", "cover_kind"),
        heading(public_title(activity, ctx), 1),
    ]
    if ctx.options.internal:
        story.append(para(ctx.t("privacy_note_internal"), "internal"))
    facts = [
        (ctx.t("kind"), kind),
        (ctx.t("area"), _area_text(data)),
        (ctx.t("when"), format_datetime(activity.starts_at, activity.ends_at, ctx.lang)),
        (ctx.t("place"), public_place(activity, ctx)),
        (
            ctx.t("facilitator"),
            capitalise(red.name(data.facilitator, ParticipantRole.STAFF)) if data.facilitator else "",
        ),
    ]
    if activity.kind is ActivityKind.ONE_TO_ONE and data.person is not None:
        facts.append((ctx.t("talked_with"), capitalise(red.name(data.person))))
    if activity.kind is ActivityKind.LISTENING_MEETING:
        if activity.attendee_count is not None:
            facts.append((ctx.t("attendees"), red.people(activity.attendee_count)))
        facts.append((ctx.t("invited_groups"), activity.invited_groups or ""))
    facts.append((ctx.t("status"), activity.status.label(ctx.lang) if activity.status else ""))
    story += [facts_table(facts, ctx.width), gap(2)]
    if not ctx.options.internal:
        story.append(para(ctx.t("privacy_note_public", minimum=ctx.options.min_respondents), "note"))

    if is_confidential(activity) and not red.shows_confidential:
        story += [gap(1), para(ctx.t("one_to_one_private"), "note")]
        observations = len(data.observations)
        if observations:
            story.append(para(f"{ctx.t('observations')}: {format_count(observations, ctx.lang)}"))
        story += _actions(data.actions, ctx, with_text=False)
        return story

    if activity.summary:
        story += [heading(ctx.t("summary")), para(activity.summary)]
    if activity.kind is ActivityKind.WALKABOUT and activity.route:
        story += [heading(ctx.t("route")), para(activity.route)]
    if route is not None:
        story += route_section(route, ctx)
    if activity.kind is ActivityKind.ONE_TO_ONE:
        story += _one_to_one_notes(activity, ctx)
    if activity.kind is ActivityKind.LISTENING_MEETING and activity.questions:
        story += [heading(ctx.t("questions")), para(activity.questions)]
    story += _observations(data.observations, ctx)
    if activity.kind is ActivityKind.LISTENING_MEETING:
        story += [heading(ctx.t("survey"))] + survey_block(data.survey, ctx)
    if data.photos:
        story += [heading(ctx.t("photos")), photo_grid(data.photos, ctx)]
    story += _participants(data, ctx)
    story += _actions(data.actions, ctx)
    return story


def _area_text(data: ActivityData) -> str:
    if data.area is None:
        return ""
    if data.area.municipality:
        return f"{data.area.name}, {data.area.municipality}"
    return data.area.name or ""


def _one_to_one_notes(activity: Activity, ctx: Context) -> list[Flowable]:
    rows = []
    for name in ONE_TO_ONE_NOTES:
        value = getattr(activity, name)
        if value:
            rows.append((Activity.spec(name).label(ctx.lang), value))
    if activity.leadership_assessment is not None:
        rows.append(
            (
                Activity.spec("leadership_assessment").label(ctx.lang),
                activity.leadership_assessment.label(ctx.lang),
            )
        )
    if activity.follow_up_date is not None:
        rows.append((ctx.t("follow_up"), format_date(activity.follow_up_date, ctx.lang)))
    return [heading(ctx.t("talk_notes")), facts_table(rows, ctx.width, 48 * mm)] if rows else []


def _observations(rows: list[ObservationRow], ctx: Context) -> list[Flowable]:
    story: list[Flowable] = [heading(ctx.t("observations"))]
    if not rows:
        return story + [para(ctx.t("no_observations"))]
    by_kind: dict[ObservationKind, list[ObservationRow]] = {}
    for row in rows:
        by_kind.setdefault(row.observation.kind or ObservationKind.FACT, []).append(row)
    for kind in KIND_ORDER:
        items = by_kind.get(kind)
        if not items:
            continue
        story.append(
            para(
                f"{text(kind.label(ctx.lang))} <font name='{REGULAR}' size=8 color='#5b6a72'>– "
                f"{text(kind.explain(ctx.lang))}</font>",
                "h3",
                markup=True,
            )
        )
        story += [_observation(row, ctx) for row in items]
    return story


def _observation(row: ObservationRow, ctx: Context) -> Flowable:
    obs = row.observation
    details = []
    if obs.place_text:
        details.append(obs.place_text)
    if row.themes:
        details.append(", ".join(row.themes))
    if obs.votes:
        details.append(ctx.t("votes", count=format_count(obs.votes, ctx.lang)))
    if obs.kind is ObservationKind.QUOTE:
        who = ctx.redactor.name(row.raised_by)
        return KeepTogether(
            [
                para(quoted(obs.text or "", ctx.lang), "quote"),
                para("– " + " · ".join([who, *details]), "attribution"),
            ]
        )
    line = f"• {text(obs.text)}"
    if row.raised_by is not None and ctx.redactor.shows_name(row.raised_by):
        details.append(f"{ctx.t('raised_by')}: {row.raised_by.name}")
    if details:
        line += f" <font size=7.5 color='#5b6a72'>({text(' · '.join(details))})</font>"
    return para(line, "body", markup=True)


def survey_block(results: list[SurveyResult], ctx: Context) -> list[Flowable]:
    """The chart of the statements that may be shown, and a note for each that may not."""
    if not results or not any(r.respondents for r in results):
        return [para(ctx.t("no_survey"))]
    red = ctx.redactor
    minimum = ctx.options.min_respondents
    shown = [r for r in results if r.respondents and red.survey_visible(r.respondents)]
    story: list[Flowable] = []
    if shown:
        story += [survey_chart(shown, ctx.lang, ctx.width), gap(2)]
    if any(r.respondents < minimum for r in shown):
        story.append(para(ctx.t("survey_small_internal", minimum=minimum), "internal"))
    for result in results:
        if result.respondents and not red.survey_visible(result.respondents):
            story.append(
                para(ctx.t("survey_suppressed", statement=result.item.statement, minimum=minimum), "note")
            )
    return story


def _participants(data: ActivityData, ctx: Context) -> list[Flowable]:
    story: list[Flowable] = [heading(ctx.t("participants"))]
    if not data.participants:
        return story + [para(ctx.t("no_participants"))]
    red = ctx.redactor
    named = [(p, role) for p, role in data.participants if red.shows_name(p)]
    unnamed = Counter(role for p, role in data.participants if not red.shows_name(p))
    if named:
        rows = [
            [p.name or "", role.label(ctx.lang)]
            for p, role in sorted(named, key=lambda pr: (pr[0].name or "").casefold())
        ]
        story.append(
            data_table(
                [Activity.spec("person_id").label(ctx.lang), ctx.t("role")],
                rows,
                [ctx.width * 0.6, ctx.width * 0.4],
            )
        )
    if unnamed:
        roles = ", ".join(
            f"{role.label(ctx.lang).lower()}: {red.people(count)}"
            for role, count in sorted(unnamed.items(), key=lambda rc: list(ParticipantRole).index(rc[0]))
        )
        story.append(gap(2))
        story.append(
            para(ctx.t("unnamed_participants", count=red.people(sum(unnamed.values())), roles=roles))
        )
    return story


def _actions(rows: list[ActionRow], ctx: Context, *, with_text: bool = True) -> list[Flowable]:
    if not rows:
        return [heading(ctx.t("actions")), para(ctx.t("no_actions"))] if with_text else []
    if not with_text:
        return [para(f"{ctx.t('actions')}: {format_count(len(rows), ctx.lang)}")]
    return [heading(ctx.t("actions")), actions_table(rows, ctx)]


def actions_table(rows: list[ActionRow], ctx: Context):
    red = ctx.redactor
    body = [
        [
            ctx.t("action_from_talk") if row.confidential and not red.shows_confidential else row.text,
            capitalise(red.name(row.owner)) if row.owner else "",
            format_date(row.due_date, ctx.lang),
            row.status.label(ctx.lang),
        ]
        for row in rows
    ]
    w = ctx.width
    return data_table(
        [ctx.t("action"), ctx.t("owner"), ctx.t("due"), ctx.t("status")],
        body,
        [w * 0.47, w * 0.19, w * 0.22, w * 0.12],
    )
