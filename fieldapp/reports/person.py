"""The right-of-access report (GDPR article 15): everything Feltbog stores about one person.

It is written for the person themselves, so their own details appear in full;
other people in it are still named only when they may be (or in an internal report).
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from fieldapp.domain import Activity, Observation, Person
from fieldapp.reports.options import Context
from fieldapp.reports.privacy import capitalise
from fieldapp.reports.styles import data_table, facts_table, gap, heading, para
from fieldapp.reports.texts import format_date, format_short_date
from fieldapp.store.reporting import PersonData

TALK_FIELDS = ("summary", "story", "self_interest", "concerns", "resources", "next_step")


def _value(value: object, ctx: Context) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return ctx.t("yes") if value else ctx.t("no")
    if isinstance(value, (date, datetime)):
        return format_date(value, ctx.lang)
    if isinstance(value, StrEnum) and hasattr(value, "label"):
        return value.label(ctx.lang)
    return str(value)


def person_story(data: PersonData, ctx: Context) -> list[Flowable]:
    person = data.person
    story: list[Flowable] = [
        para(ctx.t("person_report"), "cover_kind"),
        para(person.name or "", "cover_title"),
        para(ctx.t("person_report_sub"), "cover_sub"),
    ]
    if ctx.options.internal:
        story.append(para(ctx.t("privacy_note_internal"), "internal"))
    story += [
        facts_table(
            [
                (ctx.t("made_on"), format_date(ctx.options.report_date, ctx.lang)),
                (ctx.t("author"), ctx.options.author or ""),
            ],
            ctx.width,
            45 * mm,
        ),
        gap(2),
    ]

    rows = []
    for spec in Person.specs():
        value = getattr(person, spec.name)
        if spec.name == "area_id":
            value = data.area.name if data.area else None
        elif spec.name == "organisation_id":
            value = data.organisation.name if data.organisation else None
        if value is None or value == "":
            continue
        rows.append((spec.label(ctx.lang), _value(value, ctx)))
    story += [heading(ctx.t("person_data")), facts_table(rows, ctx.width, 50 * mm)]

    red = ctx.redactor
    story.append(heading(ctx.t("relations")))
    if data.relations:
        body = []
        for row in data.relations:
            other = red.name(row.other) if row.other else ctx.t("another_person")
            kind = row.relation.kind.label(ctx.lang).lower() if row.relation.kind else ""
            left, right = (person.name or "", other) if row.outgoing else (other, person.name or "")
            body.append([capitalise(f"{left} {kind} {right}"), row.relation.note or ""])
        w = ctx.width
        story.append(
            data_table([ctx.t("relations"), Person.spec("notes").label(ctx.lang)], body, [w * 0.6, w * 0.4])
        )
    else:
        story.append(para(ctx.t("none")))

    story.append(heading(ctx.t("participations")))
    if data.participations:
        w = ctx.width
        body = [
            [
                format_short_date(a.starts_at, ctx.lang),
                a.kind.label(ctx.lang) if a.kind else "",
                a.title or "",
                role.label(ctx.lang),
            ]
            for a, role in data.participations
        ]
        story.append(
            data_table(
                [ctx.t("date"), ctx.t("kind"), ctx.t("title"), ctx.t("role")],
                body,
                [w * 0.15, w * 0.2, w * 0.45, w * 0.2],
            )
        )
    else:
        story.append(para(ctx.t("none")))

    story.append(heading(ctx.t("talks_about")))
    if not data.talks:
        story.append(para(ctx.t("none")))
    for talk in data.talks:
        rows = [(ctx.t("title"), talk.title or "")]
        rows += [(Activity.spec(name).label(ctx.lang), getattr(talk, name) or "") for name in TALK_FIELDS]
        if talk.leadership_assessment is not None:
            rows.append(
                (
                    Activity.spec("leadership_assessment").label(ctx.lang),
                    talk.leadership_assessment.label(ctx.lang),
                )
            )
        story += [para(format_date(talk.starts_at, ctx.lang), "h3"), facts_table(rows, ctx.width, 50 * mm)]

    story.append(heading(ctx.t("raised_observations")))
    if data.observations:
        w = ctx.width
        body = [
            [
                format_short_date(o.observed_at or (a.starts_at if a else None), ctx.lang),
                o.kind.label(ctx.lang) if o.kind else "",
                o.text or "",
            ]
            for o, a in data.observations
        ]
        story.append(
            data_table(
                [ctx.t("date"), ctx.t("kind"), Observation.spec("text").label(ctx.lang)],
                body,
                [w * 0.15, w * 0.2, w * 0.65],
            )
        )
    else:
        story.append(para(ctx.t("none")))

    story.append(heading(ctx.t("owned_actions")))
    if data.actions:
        w = ctx.width
        body = [
            [a.text or "", format_date(a.due_date, ctx.lang), a.status.label(ctx.lang) if a.status else ""]
            for a in data.actions
        ]
        story.append(
            data_table([ctx.t("action"), ctx.t("due"), ctx.t("status")], body, [w * 0.6, w * 0.25, w * 0.15])
        )
    else:
        story.append(para(ctx.t("none")))

    story.append(heading(ctx.t("history")))
    if data.history_count:
        assert data.history_first and data.history_last  # a history has a first and a last version
        first = datetime.fromisoformat(data.history_first.replace("Z", "+00:00"))
        last = datetime.fromisoformat(data.history_last.replace("Z", "+00:00"))
        story.append(
            para(
                ctx.t(
                    "history_intro",
                    count=data.history_count,
                    first=format_date(first, ctx.lang),
                    last=format_date(last, ctx.lang),
                )
            )
        )
    return story
