"""Read models: the rows that lists, the overview and search show.

These return small frozen dataclasses rather than full entities, so that a list of
100,000 activities can be paged without building 100,000 objects at once.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from fieldapp.domain import (
    Action,
    ActionStatus,
    ActivityKind,
    ActivityStatus,
    Influence,
    LeadershipStage,
    ObservationKind,
    Person,
    Phase,
)
from fieldapp.store.errors import BadQueryError


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _datetime(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class ActivityFilter:
    kind: str | None = None
    area_id: str | None = None
    status: str | None = None
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    theme_id: str | None = None
    text: str | None = None  # quick filter: part of the title, place or area name


@dataclass(frozen=True)
class ActivityRow:
    id: str
    kind: ActivityKind
    title: str
    area_name: str | None
    starts_at: datetime | None
    status: ActivityStatus
    observation_count: int


@dataclass(frozen=True)
class ActionRow:
    """An action as lists and reports show it: the actions page, the overview, the PDF tables."""

    id: str
    text: str
    due_date: date | None
    status: ActionStatus
    owner_name: str | None
    area_name: str | None
    activity_id: str | None
    owner: Person | None = None  # the whole person where a report redacts the name by consent
    confidential: bool = False  # it comes from a 1:1 talk (public reports leave its text out)

    @classmethod
    def of(
        cls, action: Action, owner: Person | None, area_name: str | None = None, *, confidential: bool = False
    ) -> ActionRow:
        return cls(
            action.id,
            action.text or "",
            action.due_date,
            action.status or ActionStatus.OPEN,
            owner.name if owner else None,
            area_name,
            action.activity_id,
            owner,
            confidential,
        )


@dataclass(frozen=True)
class ContactRow:
    id: str
    name: str
    area_name: str | None
    last_contact: date | None


@dataclass(frozen=True)
class PipelineRow:
    area_id: str | None
    area_name: str | None
    stage: LeadershipStage
    count: int


@dataclass(frozen=True)
class PersonRow:
    id: str
    name: str
    area_name: str | None
    organisation_name: str | None
    leadership_stage: LeadershipStage
    may_be_named: bool
    may_contact: bool
    review_after: date | None
    is_staff: bool


@dataclass(frozen=True)
class AreaRow:
    id: str
    name: str
    municipality: str | None
    phase: Phase
    influence: Influence
    people_count: int
    activity_count: int
    open_actions: int


@dataclass(frozen=True)
class MonthCount:
    area_id: str | None
    area_name: str | None
    month: str  # YYYY-MM
    kind: ActivityKind
    count: int


@dataclass(frozen=True)
class SearchHit:
    table: str
    row_id: str
    kind: Any  # an ActivityKind / ObservationKind, or the table name
    date: str | None  # ISO date (or date-time) the hit belongs to
    title: str
    snippet: str
    activity_id: str | None  # the activity to open for this hit, if any


@dataclass(frozen=True)
class SearchPage:
    hits: list[SearchHit]
    total: int  # every match, not only this page's
    offset: int


# How many of the newest matches per kind are ranked by relevance (see QueriesMixin.search_page).
RANK_WINDOW = 2000

_SORTABLE = {
    "starts_at": "a.starts_at",
    "title": "a.title COLLATE NOCASE",
    "kind": "a.kind",
    "area": "ar.name COLLATE NOCASE",
    "status": "a.status",
}


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class QueriesMixin:
    """Read-only queries; mixed into ``Store``."""

    conn: sqlite3.Connection

    # -------------------------------------------------------------- activities
    def _activity_where(self, flt: ActivityFilter) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if flt.kind:
            clauses.append("a.kind = ?")
            params.append(str(flt.kind))
        if flt.area_id:
            clauses.append("a.area_id = ?")
            params.append(flt.area_id)
        if flt.status:
            clauses.append("a.status = ?")
            params.append(str(flt.status))
        if flt.date_from:
            clauses.append("a.starts_at >= ?")
            params.append(flt.date_from.isoformat())
        if flt.date_to:
            clauses.append("a.starts_at < ?")
            params.append((flt.date_to + timedelta(days=1)).isoformat())
        if flt.theme_id:
            clauses.append(
                "EXISTS (SELECT 1 FROM observations o JOIN observation_themes ot ON ot.observation_id = o.id"
                " WHERE o.activity_id = a.id AND ot.theme_id = ?)"
            )
            params.append(flt.theme_id)
        if flt.text and flt.text.strip():
            pattern = f"%{_escape_like(flt.text.strip())}%"
            clauses.append(
                "(a.title LIKE ? ESCAPE '\\' OR a.place LIKE ? ESCAPE '\\' OR ar.name LIKE ? ESCAPE '\\')"
            )
            params += [pattern, pattern, pattern]
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def activity_rows(
        self,
        flt: ActivityFilter = ActivityFilter(),
        *,
        sort: str = "starts_at",
        descending: bool = True,
        limit: int = 200,
        offset: int = 0,
    ) -> list[ActivityRow]:
        where, params = self._activity_where(flt)
        order = _SORTABLE.get(sort, "a.starts_at")
        direction = "DESC" if descending else "ASC"
        rows = self.conn.execute(
            "SELECT a.id, a.kind, a.title, ar.name, a.starts_at, a.status,"
            " (SELECT count(*) FROM observations o WHERE o.activity_id = a.id)"
            f" FROM activities a LEFT JOIN areas ar ON ar.id = a.area_id{where}"
            f" ORDER BY {order} {direction}, a.id {direction} LIMIT ? OFFSET ?",
            [*params, int(limit), int(offset)],
        )
        return [_activity_row(r) for r in rows]

    def count_activities(self, flt: ActivityFilter = ActivityFilter()) -> int:
        where, params = self._activity_where(flt)
        return self.conn.execute(
            f"SELECT count(*) FROM activities a LEFT JOIN areas ar ON ar.id = a.area_id{where}", params
        ).fetchone()[0]

    def recent_activities(self, limit: int = 10) -> list[ActivityRow]:
        return self.activity_rows(ActivityFilter(), limit=limit)

    # -------------------------------------------------------------- actions
    def action_rows(
        self,
        status: str | None = None,
        area_id: str | None = None,
        owner_id: str | None = None,
        *,
        due_before: date | None = None,
        due_from: date | None = None,
    ) -> list[ActionRow]:
        clauses, params = [], []
        for column, value in (("x.status", status), ("x.area_id", area_id), ("x.owner_id", owner_id)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(str(value))
        if due_before:
            clauses.append("x.due_date < ?")
            params.append(due_before.isoformat())
        if due_from:
            clauses.append("x.due_date >= ?")
            params.append(due_from.isoformat())
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self.conn.execute(
            "SELECT x.id, x.text, x.due_date, x.status, p.name, ar.name, x.activity_id FROM actions x"
            " LEFT JOIN people p ON p.id = x.owner_id LEFT JOIN areas ar ON ar.id = x.area_id"
            f"{where} ORDER BY x.due_date IS NULL, x.due_date, x.text COLLATE NOCASE",
            params,
        )
        return [
            ActionRow(r[0], r[1] or "", _date(r[2]), ActionStatus(r[3] or "open"), r[4], r[5], r[6])
            for r in rows
        ]

    def overdue_actions(self, today: date) -> list[ActionRow]:
        return self.action_rows(ActionStatus.OPEN, due_before=today)

    def upcoming_actions(self, today: date, days: int = 14) -> list[ActionRow]:
        rows = self.action_rows(
            ActionStatus.OPEN, due_from=today, due_before=today + timedelta(days=days + 1)
        )
        return rows

    # -------------------------------------------------------------- people
    def people_not_contacted(self, today: date, days: int = 60) -> list[ContactRow]:
        """Residents (not staff) with no activity with them in the last ``days`` days."""
        cutoff = (today - timedelta(days=days)).isoformat()
        rows = self.conn.execute(
            """
            SELECT p.id, p.name, ar.name, lc.last
              FROM people p
              LEFT JOIN person_last_contact lc ON lc.person_id = p.id
              LEFT JOIN areas ar ON ar.id = p.area_id
             WHERE coalesce(p.is_staff, 0) = 0 AND (lc.last IS NULL OR lc.last < ?)
             ORDER BY lc.last IS NOT NULL, lc.last, p.name COLLATE NOCASE
            """,
            (cutoff,),
        )
        return [ContactRow(r[0], r[1] or "", r[2], _date(r[3][:10]) if r[3] else None) for r in rows]

    def person_rows(
        self, text: str | None = None, area_id: str | None = None, stage: str | None = None
    ) -> list[PersonRow]:
        clauses, params = [], []
        if text and text.strip():
            clauses.append("(p.name LIKE ? ESCAPE '\\' OR p.roles LIKE ? ESCAPE '\\')")
            pattern = f"%{_escape_like(text.strip())}%"
            params += [pattern, pattern]
        if area_id:
            clauses.append("p.area_id = ?")
            params.append(area_id)
        if stage:
            clauses.append("p.leadership_stage = ?")
            params.append(str(stage))
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self.conn.execute(
            "SELECT p.id, p.name, ar.name, o.name, p.leadership_stage, p.may_be_named, p.may_contact,"
            " p.review_after, p.is_staff FROM people p LEFT JOIN areas ar ON ar.id = p.area_id"
            f" LEFT JOIN organisations o ON o.id = p.organisation_id{where} ORDER BY p.name COLLATE NOCASE, p.id",
            params,
        )
        return [
            PersonRow(
                r[0],
                r[1] or "",
                r[2],
                r[3],
                LeadershipStage(r[4] or "contact"),
                bool(r[5]),
                bool(r[6]),
                _date(r[7]),
                bool(r[8]),
            )
            for r in rows
        ]

    def leadership_pipeline(self) -> list[PipelineRow]:
        """How many people stand on each step of the leadership ladder, per area."""
        rows = self.conn.execute(
            "SELECT p.area_id, ar.name, p.leadership_stage, count(*) FROM people p"
            " LEFT JOIN areas ar ON ar.id = p.area_id WHERE coalesce(p.is_staff, 0) = 0"
            " GROUP BY p.area_id, p.leadership_stage ORDER BY ar.name COLLATE NOCASE"
        )
        order = {stage.value: i for i, stage in enumerate(LeadershipStage)}
        result = [PipelineRow(r[0], r[1], LeadershipStage(r[2] or "contact"), r[3]) for r in rows]
        return sorted(result, key=lambda row: ((row.area_name or "").casefold(), order[row.stage.value]))

    # -------------------------------------------------------------- areas
    def area_rows(self) -> list[AreaRow]:
        rows = self.conn.execute(
            """
            SELECT ar.id, ar.name, ar.municipality, ar.phase, ar.influence,
                   (SELECT count(*) FROM people p WHERE p.area_id = ar.id),
                   (SELECT count(*) FROM activities a WHERE a.area_id = ar.id),
                   (SELECT count(*) FROM actions x WHERE x.area_id = ar.id AND x.status = 'open')
              FROM areas ar ORDER BY ar.name COLLATE NOCASE, ar.id
            """
        )
        return [
            AreaRow(
                r[0],
                r[1] or "",
                r[2],
                Phase(r[3] or "awaken"),
                Influence(r[4] or "consult"),
                r[5],
                r[6],
                r[7],
            )
            for r in rows
        ]

    def activities_per_area_month(self, since: date | None = None) -> list[MonthCount]:
        where, params = "", []
        if since:
            where, params = " WHERE a.starts_at >= ?", [since.isoformat()]
        rows = self.conn.execute(
            # Grouping first, on the covering index (area_id, kind, starts_at), then naming.
            "SELECT g.area_id, ar.name, g.month, g.kind, g.n FROM (SELECT a.area_id, a.kind,"
            f" substr(a.starts_at, 1, 7) AS month, count(*) AS n FROM activities a{where}"
            " GROUP BY a.area_id, a.kind, month) g LEFT JOIN areas ar ON ar.id = g.area_id"
            " ORDER BY ar.name COLLATE NOCASE, g.month, g.kind",
            params,
        )
        return [MonthCount(r[0], r[1], r[2] or "", ActivityKind(r[3]), r[4]) for r in rows]

    # -------------------------------------------------------------- search
    def search(self, query: str, limit: int = 50, highlight: tuple[str, str] = ("[", "]")) -> list[SearchHit]:
        """Full-text search over everything, best matches first (see ``search_page``)."""
        return self.search_page(query, limit=limit, highlight=highlight).hits

    def search_page(
        self, query: str, offset: int = 0, limit: int = 50, highlight: tuple[str, str] = ("[", "]")
    ) -> SearchPage:
        """One page of the matches of ``query`` and how many there are in all.

        Plain words find their Danish inflections: each is cut to its Snowball stem
        and matched as a prefix ("børn" finds "børnene", "legeplads" "legepladser").
        A theme's name finds the observations tagged with it. FTS5 syntax
        (``legepl*``, ``"ældre borgere"``, ``bænk OR sti``) is used as typed; text
        that is not valid FTS5 syntax is searched for word by word instead.

        Order: among the newest ``RANK_WINDOW`` matches of each kind, the best first;
        then the older matches of each kind, newest first; then observations found
        only through their theme.
        """
        query = (query or "").strip()
        if not query:
            return SearchPage([], 0, offset)
        candidates = [danish_match(query)] if _is_plain(query) else [query, danish_match(query)]
        for match in candidates:
            if match is None:
                continue
            try:
                return self._search_page(match, max(0, offset), max(0, limit), highlight)
            except sqlite3.OperationalError as error:
                # FTS5 reports bad query syntax in several wordings ("fts5: syntax error",
                # "unterminated string", "unknown special query", "no such column"); a
                # half-typed "phrase must fall back to word-by-word search, not escape.
                if "locked" in str(error) or "busy" in str(error):
                    raise
        raise BadQueryError(query=query)

    def _search_page(self, match: str, offset: int, limit: int, highlight: tuple[str, str]) -> SearchPage:
        counts = {
            table: self.conn.execute(
                f"SELECT count(*) FROM {table}_fts WHERE {table}_fts MATCH ?", (match,)
            ).fetchone()[0]
            for table in _SEARCH_SELECTS
        }
        themed = self.conn.execute(f"SELECT count(*) {_THEMED_FROM}", (match, match)).fetchone()[0]
        ranked = sum(min(n, RANK_WINDOW) for n in counts.values())
        segments: list[tuple[str, str | None, int]] = [("ranked", None, ranked)]
        segments += [("older", table, n - RANK_WINDOW) for table, n in counts.items() if n > RANK_WINDOW]
        segments.append(("themed", None, themed))
        total = ranked + sum(n for kind, _t, n in segments[1:])
        hits: list[SearchHit] = []
        skip, want = offset, limit
        for kind, table, size in segments:
            if want <= 0:
                break
            if skip >= size:
                skip -= size
                continue
            take = min(want, size - skip)
            rows = self._segment(kind, table, match, skip, take, highlight)
            hits.extend(
                SearchHit(tbl, row_id, _search_kind(tbl, k), when, title or "", snip or "", activity_id)
                for tbl, row_id, k, when, title, activity_id, snip, *_rest in rows
            )
            want -= take
            skip = 0
        return SearchPage(hits, total, offset)

    def _segment(
        self, kind: str, table: str | None, match: str, skip: int, take: int, highlight
    ) -> list[tuple]:
        start, end = highlight
        if kind == "themed":
            sql = (
                "SELECT 'observations', t.id, t.kind, coalesce(t.observed_at, act.starts_at), act.title,"
                " t.activity_id, highlight(themes_fts, 0, ?, ?) || ' · ' || substr(t.text, 1, 120)"
                f" {_THEMED_FROM}"
                " ORDER BY t.rowid DESC LIMIT ? OFFSET ?"
            )
            return self.conn.execute(sql, (start, end, match, match, take, skip)).fetchall()
        if kind == "older":
            sql = (
                f"SELECT '{table}', t.id, {_SEARCH_SELECTS[table]}, snippet({table}_fts, -1, ?, ?, '…', 12)"
                f" FROM {table}_fts JOIN {table} t ON t.rowid = {table}_fts.rowid{_SEARCH_JOINS.get(table, '')}"
                f" WHERE {table}_fts MATCH ? AND {table}_fts.rowid < {_window_start(table)}"
                f" ORDER BY {table}_fts.rowid DESC LIMIT ? OFFSET ?"
            )
            return self.conn.execute(sql, (start, end, match, match, RANK_WINDOW, take, skip)).fetchall()
        # Ranking every match of a common word costs time in proportion to the
        # notebook; each kind ranks only its newest RANK_WINDOW matches instead.
        parts, params = [], []
        for name, select in _SEARCH_SELECTS.items():
            parts.append(
                f"SELECT * FROM (SELECT '{name}' AS tbl, t.id, {select},"
                f" snippet({name}_fts, -1, ?, ?, '…', 12) AS snip, rank"
                f" FROM {name}_fts JOIN {name} t ON t.rowid = {name}_fts.rowid{_SEARCH_JOINS.get(name, '')}"
                f" WHERE {name}_fts MATCH ? AND {name}_fts.rowid >= {_window_start(name)}"
                f" ORDER BY rank LIMIT ?)"
            )
            params += [start, end, match, match, RANK_WINDOW, skip + take]
        sql = " UNION ALL ".join(parts) + " ORDER BY rank LIMIT ? OFFSET ?"
        return self.conn.execute(sql, [*params, take, skip]).fetchall()


def _window_start(table: str) -> str:
    """SQL for the lowest rowid among the newest RANK_WINDOW matches (params: match, window)."""
    return (
        f"coalesce((SELECT min(r) FROM (SELECT rowid AS r FROM {table}_fts WHERE {table}_fts MATCH ?"
        " ORDER BY rowid DESC LIMIT ?)), 0)"
    )


# Observations found through a theme whose name matches, but not by their own text
# (those are found already). Params: match (themes), match (observations).
_THEMED_FROM = (
    "FROM themes_fts JOIN themes th ON th.rowid = themes_fts.rowid"
    " JOIN observation_themes ot ON ot.theme_id = th.id"
    " JOIN observations t ON t.id = ot.observation_id"
    " LEFT JOIN activities act ON act.id = t.activity_id"
    " WHERE themes_fts MATCH ? AND NOT EXISTS"
    " (SELECT 1 FROM observations_fts WHERE observations_fts MATCH ? AND observations_fts.rowid = t.rowid)"
)

# Per searchable table: kind, date, title and the activity to open, as SQL over alias t.
_SEARCH_SELECTS = {
    "activities": "t.kind, t.starts_at, t.title, t.id",
    "observations": "t.kind, coalesce(t.observed_at, act.starts_at), act.title, t.activity_id",
    "people": "NULL, NULL, t.name, NULL",
    "areas": "NULL, NULL, t.name, NULL",
    "organisations": "t.kind, NULL, t.name, NULL",
    "actions": "t.status, t.due_date, t.text, t.activity_id",
    "attachments": "NULL, t.taken_at, coalesce(t.caption, t.filename), coalesce(t.activity_id, obs.activity_id)",
    "survey_items": "NULL, act.starts_at, act.title, t.activity_id",
}
_SEARCH_JOINS = {
    "observations": " LEFT JOIN activities act ON act.id = t.activity_id",
    "attachments": " LEFT JOIN observations obs ON obs.id = t.observation_id",
    "survey_items": " LEFT JOIN activities act ON act.id = t.activity_id",
}


def _search_kind(table: str, kind: str | None) -> Any:
    if table == "activities" and kind:
        return ActivityKind(kind)
    if table == "observations" and kind:
        return ObservationKind(kind)
    return table


_WORD = re.compile(r"\w+\*?", re.UNICODE)
# Anything FTS5 reads as syntax: then the query is taken as typed.
_SYNTAX = re.compile(r'["*():^+\-{}]|\b(AND|OR|NOT|NEAR)\b')


def _is_plain(query: str) -> bool:
    return _SYNTAX.search(query) is None


def _plain_terms(query: str) -> str:
    """Turn arbitrary text into a safe FTS5 query: each word quoted, prefix stars kept."""
    terms = []
    for word in _WORD.findall(query):
        star = word.endswith("*")
        core = word.rstrip("*")
        if core:
            terms.append(f'"{core}"' + ("*" if star else ""))
    if not terms:
        raise sqlite3.OperationalError("fts5: no terms")
    return " ".join(terms)


def danish_match(query: str) -> str | None:
    """An FTS5 query for plain words (or quoted words from ``_plain_terms``) that finds
    their Danish inflections: each word becomes its Snowball stem as a prefix.

    Danish Snowball only strips endings (and undoubles a final consonant), so the stem
    is a prefix of every form: ``"legeplad"*`` finds legeplads, legepladsen and
    legepladser, ``"ældr"*`` finds ældre and ældres. A phrase keeps its words exact.
    """
    terms = []
    for word in _WORD.findall(query.replace('"', " ")):
        core = word.rstrip("*").lower()
        if not core:
            continue
        stem = _stem(core)
        terms.append(f'"{stem if len(stem) >= 2 else core}"*')
    return " ".join(terms) or None


_stemmer = None


def _stem(word: str) -> str:
    global _stemmer
    if _stemmer is None:
        from snowballstemmer.danish_stemmer import DanishStemmer  # pure Python; loaded on first search

        _stemmer = DanishStemmer()
    return _stemmer.stemWord(word)


def _activity_row(r: tuple) -> ActivityRow:
    return ActivityRow(
        id=r[0],
        kind=ActivityKind(r[1]),
        title=r[2] or "",
        area_name=r[3],
        starts_at=_datetime(r[4]),
        status=ActivityStatus(r[5] or "draft"),
        observation_count=r[6],
    )


__all__ = [
    "ActionRow",
    "ActivityFilter",
    "ActivityRow",
    "AreaRow",
    "ContactRow",
    "MonthCount",
    "PersonRow",
    "PipelineRow",
    "QueriesMixin",
    "SearchHit",
    "SearchPage",
    "danish_match",
]
