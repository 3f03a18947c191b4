"""Read-only rows behind the spreadsheet export: one flat table per kind of record.

Each function takes a ``Store`` and a ``Scope`` (area and period) and yields plain dicts of
stored values, one per row, straight from a cursor, so a notebook with 100,000 activities is
exported without holding it in memory. Values are as stored (ISO text for dates, enum codes):
turning them into a reader's words and hiding what may not be shown is the report's job.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from fieldapp.domain import ActivityKind
from fieldapp.store.reporting import period_sql
from fieldapp.store.store import Store

Row = dict[str, Any]
ONE_TO_ONE = ActivityKind.ONE_TO_ONE.value


@dataclass(frozen=True)
class Scope:
    """Which activities a spreadsheet covers: one area (or all) between two dates (inclusive)."""

    area_id: str | None = None
    start: date | None = None
    end: date | None = None

    def activities_where(self, alias: str = "a") -> tuple[str, list[Any]]:
        period, params = period_sql(self.start, self.end, f"{alias}.starts_at")
        if self.area_id is None:
            return period, params
        return f"{alias}.area_id = ? AND {period}", [self.area_id, *params]


def _rows(store: Store, sql: str, params: list[Any]) -> Iterator[Row]:
    cursor = store.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    for values in cursor:
        yield dict(zip(names, values, strict=True))


def activities(store: Store, scope: Scope) -> Iterator[Row]:
    where, params = scope.activities_where()
    return _rows(
        store,
        "SELECT a.id, a.kind, a.title, a.starts_at, a.ends_at, a.place, a.summary, a.status,"
        " a.attendee_count, a.questions, a.route, a.person_id, a.facilitator_id, ar.name AS area,"
        " (SELECT count(*) FROM participants p WHERE p.activity_id = a.id) AS participants,"
        " (SELECT count(*) FROM observations o WHERE o.activity_id = a.id) AS observations"
        " FROM activities a LEFT JOIN areas ar ON ar.id = a.area_id"
        f" WHERE {where} ORDER BY a.starts_at, a.id",
        params,
    )


def observations(store: Store, scope: Scope) -> Iterator[Row]:
    where, params = scope.activities_where()
    return _rows(
        store,
        "SELECT o.id, o.kind, o.text, o.observed_at, o.place_text, o.lat, o.lon, o.votes,"
        " o.raised_by_id, a.kind AS activity_kind, a.title AS activity, a.starts_at AS activity_at,"
        " ar.name AS area,"
        " (SELECT group_concat(name, ', ') FROM (SELECT t.name FROM observation_themes ot"
        "   JOIN themes t ON t.id = ot.theme_id WHERE ot.observation_id = o.id"
        "   ORDER BY t.name)) AS themes"
        " FROM observations o JOIN activities a ON a.id = o.activity_id"
        " LEFT JOIN areas ar ON ar.id = a.area_id"
        f" WHERE {where} ORDER BY a.starts_at, a.id, o.observed_at, o.id",
        params,
    )


def people(store: Store, scope: Scope) -> Iterator[Row]:
    where: list[str] = ["1"]
    params: list[Any] = []
    if scope.area_id is not None:
        where.append("p.area_id = ?")
        params.append(scope.area_id)
    return _rows(
        store,
        "SELECT p.id, p.name, p.phone, p.email, p.roles, p.interests, p.resources, p.leadership_stage,"
        " p.consent_store_at, p.consent_how, p.consent_withdrawn_at, p.may_be_named, p.may_contact,"
        " p.review_after, p.is_staff, ar.name AS area, org.name AS organisation"
        " FROM people p LEFT JOIN areas ar ON ar.id = p.area_id"
        " LEFT JOIN organisations org ON org.id = p.organisation_id"
        f" WHERE {' AND '.join(where)} ORDER BY p.name COLLATE NOCASE, p.id",
        params,
    )


def actions(store: Store, scope: Scope) -> Iterator[Row]:
    """Actions of the area (or all), or that came from an activity in the period."""
    where, params = scope.activities_where()
    period_only = scope.area_id is None and scope.start is None and scope.end is None
    own = "1" if period_only else ("x.area_id = ?" if scope.area_id is not None else "0")
    own_params = [scope.area_id] if scope.area_id is not None and not period_only else []
    return _rows(
        store,
        "SELECT x.id, x.text, x.due_date, x.status, x.completed_at, x.owner_id,"
        " coalesce(a.kind, oa.kind) AS activity_kind, coalesce(a.title, oa.title) AS activity,"
        " coalesce(ar.name, aa.name) AS area"
        " FROM actions x LEFT JOIN activities a ON a.id = x.activity_id"
        " LEFT JOIN observations o ON o.id = x.observation_id"
        " LEFT JOIN activities oa ON oa.id = o.activity_id"
        " LEFT JOIN areas ar ON ar.id = x.area_id LEFT JOIN areas aa ON aa.id = a.area_id"
        f" WHERE ({own} OR x.activity_id IN"
        f"  (SELECT a.id FROM activities a WHERE {where}))"
        " ORDER BY x.due_date IS NULL, x.due_date, x.id",
        [*own_params, *params],
    )


def survey_answers(store: Store, scope: Scope) -> Iterator[Row]:
    """One row per listening meeting and statement, with the count of each answer."""
    where, params = scope.activities_where()
    return _rows(
        store,
        "SELECT i.id, i.statement, i.position, a.title AS activity, a.starts_at AS activity_at,"
        " ar.name AS area,"
        " (SELECT json_group_object(t.answer, t.count) FROM survey_tallies t"
        "   WHERE t.item_id = i.id) AS counts"
        " FROM survey_items i JOIN activities a ON a.id = i.activity_id"
        " LEFT JOIN areas ar ON ar.id = a.area_id"
        f" WHERE {where} ORDER BY a.starts_at, a.id, i.position, i.id",
        params,
    )


def participants(store: Store, scope: Scope) -> Iterator[Row]:
    where, params = scope.activities_where()
    return _rows(
        store,
        "SELECT pa.id, pa.role, pa.person_id, a.id AS activity_id, a.kind AS activity_kind,"
        " a.title AS activity, a.starts_at AS activity_at, ar.name AS area"
        " FROM participants pa JOIN activities a ON a.id = pa.activity_id"
        " LEFT JOIN areas ar ON ar.id = a.area_id"
        f" WHERE {where} ORDER BY a.starts_at, a.id, pa.role, pa.id",
        params,
    )
