"""Read models: the rows that lists, the overview and search show.

These return small frozen dataclasses rather than full entities, so that a list of
100,000 activities can be paged without building 100,000 objects at once.
"""

from __future__ import annotations

import functools
import re
import sqlite3
import unicodedata
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
    OrganisationKind,
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
class OrganisationRow:
    id: str
    name: str
    kind: OrganisationKind
    area_name: str | None
    people_count: int


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
RANK_WINDOW = 500

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
        self,
        text: str | None = None,
        area_id: str | None = None,
        stage: str | None = None,
        organisation_id: str | None = None,
    ) -> list[PersonRow]:
        clauses, params = [], []
        if organisation_id:
            clauses.append("p.organisation_id = ?")
            params.append(organisation_id)
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

    # -------------------------------------------------------------- organisations
    def organisation_rows(self) -> list[OrganisationRow]:
        rows = self.conn.execute(
            "SELECT o.id, o.name, o.kind, ar.name, (SELECT count(*) FROM people p WHERE p.organisation_id = o.id)"
            " FROM organisations o LEFT JOIN areas ar ON ar.id = o.area_id ORDER BY o.name COLLATE NOCASE, o.id"
        )
        kinds = {k.value for k in OrganisationKind}
        return [
            OrganisationRow(
                r[0], r[1] or "", OrganisationKind(r[2] if r[2] in kinds else "other"), r[3], r[4]
            )
            for r in rows
        ]

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
        # A theme's name finds the observations tagged with it (those not found by their text).
        themes = [
            r[0]
            for r in self.conn.execute(
                "SELECT th.id FROM themes_fts JOIN themes th ON th.rowid = themes_fts.rowid WHERE themes_fts MATCH ?",
                (match,),
            )
        ]
        themed = self._themed_count(themes, match, counts["observations"]) if themes else 0
        windows = {table: min(n, RANK_WINDOW) for table, n in counts.items()}
        segments: list[tuple[str, str | None, int]] = [("ranked", None, sum(windows.values()))]
        segments += [
            ("older", table, n - windows[table]) for table, n in counts.items() if n > windows[table]
        ]
        segments.append(("themed", None, themed))
        order: list[tuple[str, int]] = []  # (table, rowid) of this page's hits, in order
        skip, want = offset, limit
        for kind, table, size in segments:
            if want <= 0:
                break
            if skip >= size:
                skip -= size
                continue
            take = min(want, size - skip)
            if kind == "ranked":
                whole = {t for t, n in counts.items() if n <= RANK_WINDOW}  # every match in the window
                order += self._ranked(match, {t: w for t, w in windows.items() if w}, whole, skip, take)
            elif kind == "older":
                assert table is not None
                rows = self.conn.execute(
                    f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?",
                    (match, take, windows[table] + skip),
                )
                order += [(table, r[0]) for r in rows]
            else:
                order += [("themed", rowid) for rowid in self._themed_rows(themes, match, skip, take)]
            want -= take
            skip = 0
        found = self._hit_details(match, order, themes, highlight)
        hits = [found[key] for key in order if key in found]
        return SearchPage(hits, sum(size for _kind, _table, size in segments), offset)

    def _ranked(
        self, match: str, windows: dict[str, int], whole: set[str], skip: int, take: int
    ) -> list[tuple[str, int]]:
        """Of each kind's newest matches (its window), the best first: rowids only, so that
        the costly snippets are made for the hits shown and no others. For the kinds in
        ``whole`` every match is in the window (no need to look for where it starts)."""
        if not windows:
            return []
        parts, params = [], []
        for table, window in windows.items():
            if table in whole:
                newest, newest_params = "", []
            else:
                newest = (
                    f" AND rowid >= coalesce((SELECT min(w) FROM (SELECT rowid AS w FROM {table}_fts"
                    f" WHERE {table}_fts MATCH ? ORDER BY rowid DESC LIMIT ?)), 0)"
                )
                newest_params = [match, window]
            parts.append(
                f"SELECT * FROM (SELECT '{table}' AS tbl, rowid AS r, rank FROM {table}_fts"
                f" WHERE {table}_fts MATCH ?{newest} ORDER BY rank, rowid DESC LIMIT ?)"
            )
            params += [match, *newest_params, skip + take]
        sql = " UNION ALL ".join(parts) + " ORDER BY rank, tbl, r DESC LIMIT ? OFFSET ?"
        return [(r[0], r[1]) for r in self.conn.execute(sql, [*params, take, skip])]

    def _hit_details(
        self, match: str, order: list[tuple[str, int]], themes: list[str], highlight: tuple[str, str]
    ) -> dict[tuple[str, int], SearchHit]:
        """The hits for ``order``'s rows, read by rowid; snippets are cut here, in Python:
        FTS5's ``snippet()`` runs the whole query again for every row it is asked about."""
        terms = _match_terms(match)
        by_table: dict[str, list[int]] = {}
        for table, rowid in order:
            by_table.setdefault(table, []).append(rowid)
        found: dict[tuple[str, int], SearchHit] = {}
        for table, rowids in by_table.items():
            marks = ", ".join("?" * len(rowids))
            source = "observations" if table == "themed" else table
            columns = ", ".join(f"t.{c}" for c in FTS_TEXT[source])
            sql = (
                f"SELECT t.rowid, t.id, {_SEARCH_SELECTS[source]}, {columns}"
                f" FROM {source} t{_SEARCH_JOINS.get(source, '')} WHERE t.rowid IN ({marks})"
            )
            tags = self._theme_names(rowids, themes) if table == "themed" else {}
            for rowid, row_id, kind, when, title, activity_id, *texts in self.conn.execute(sql, rowids):
                if table == "themed":
                    snip = (
                        mark_terms(tags.get(rowid, ""), terms, highlight) + " · " + _cut(texts[0] or "", 120)
                    )
                else:
                    snip = make_snippet(texts, terms, highlight)
                found[(table, rowid)] = SearchHit(
                    source, row_id, _search_kind(source, kind), when, title or "", snip, activity_id
                )
        return found

    # Observations tagged with a matching theme that their own text does not find. Both
    # are counted from the text side: its matches are probed for a tag (an index lookup
    # each), never every tagged observation for a text match (an FTS query each).
    def _themed_count(self, themes: list[str], match: str, text_matches: int) -> int:
        marks = ", ".join("?" * len(themes))
        # One tag per theme and observation: for one theme, count(*) reads the index alone.
        counted = "DISTINCT observation_id" if len(themes) > 1 else "*"
        tagged = self.conn.execute(
            f"SELECT count({counted}) FROM observation_themes WHERE theme_id IN ({marks})", themes
        ).fetchone()[0]
        if not tagged or not text_matches:
            return tagged
        # Those found by their text too: walk the smaller side, look each up in the other.
        if text_matches <= tagged:
            sql = (
                "SELECT count(*) FROM observations_fts JOIN observations t ON t.rowid = observations_fts.rowid"
                " WHERE observations_fts MATCH ? AND EXISTS (SELECT 1 FROM observation_themes ot"
                " INDEXED BY observation_themes_observation"
                f" WHERE ot.observation_id = t.id AND ot.theme_id IN ({marks}))"
            )
            return tagged - self.conn.execute(sql, [match, *themes]).fetchone()[0]
        sql = (
            f"SELECT count({'DISTINCT o.rowid' if len(themes) > 1 else '*'}) FROM observation_themes ot"
            " INDEXED BY observation_themes_theme_observation JOIN observations o ON o.id = ot.observation_id"
            f" WHERE ot.theme_id IN ({marks})"
            " AND o.rowid IN (SELECT rowid FROM observations_fts WHERE observations_fts MATCH ?)"
        )
        return tagged - self.conn.execute(sql, [*themes, match]).fetchone()[0]

    def _themed_rows(self, themes: list[str], match: str, skip: int, take: int) -> list[int]:
        """Rowids of such observations, the most recently tagged first."""
        marks = ", ".join("?" * len(themes))
        if len(themes) == 1:  # walks the theme's index backwards and stops after the page
            rows = self.conn.execute(
                "SELECT o.rowid FROM observation_themes ot INDEXED BY observation_themes_theme"
                " JOIN observations o ON o.id = ot.observation_id WHERE ot.theme_id = ?"
                " AND o.rowid NOT IN (SELECT rowid FROM observations_fts WHERE observations_fts MATCH ?)"
                " ORDER BY ot.rowid DESC LIMIT ? OFFSET ?",
                [*themes, match, take, skip],
            )
            return [r[0] for r in rows]
        rows = self.conn.execute(
            "SELECT o.rowid FROM observation_themes ot INDEXED BY observation_themes_theme"
            " JOIN observations o ON o.id = ot.observation_id"
            f" WHERE ot.theme_id IN ({marks})"
            " AND o.rowid NOT IN (SELECT rowid FROM observations_fts WHERE observations_fts MATCH ?)"
            " GROUP BY o.rowid ORDER BY max(ot.rowid) DESC LIMIT ? OFFSET ?",
            [*themes, match, take, skip],
        )
        return [r[0] for r in rows]

    def _theme_names(self, rowids: list[int], themes: list[str]) -> dict[int, str]:
        """Per observation rowid, the names of its tags among ``themes``."""
        marks, names = ", ".join("?" * len(rowids)), ", ".join("?" * len(themes))
        rows = self.conn.execute(
            "SELECT o.rowid, th.name FROM observations o"
            " JOIN observation_themes ot INDEXED BY observation_themes_observation ON ot.observation_id = o.id"
            f" JOIN themes th ON th.id = ot.theme_id WHERE o.rowid IN ({marks}) AND th.id IN ({names})"
            " ORDER BY th.name",
            [*rowids, *themes],
        )
        tags: dict[int, list[str]] = {}
        for rowid, name in rows:
            tags.setdefault(rowid, []).append(name or "")
        return {rowid: ", ".join(names) for rowid, names in tags.items()}


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


# The text columns of each searchable table, as indexed (for snippets cut in Python).
FTS_TEXT = {
    "activities": (
        "title",
        "place",
        "summary",
        "route",
        "story",
        "self_interest",
        "concerns",
        "resources",
        "next_step",
        "invited_groups",
        "questions",
    ),
    "observations": ("text", "place_text"),
    "people": ("name", "roles", "interests", "resources", "notes"),
    "areas": ("name", "municipality", "description"),
    "organisations": ("name", "notes"),
    "actions": ("text",),
    "attachments": ("filename", "caption"),
    "survey_items": ("statement",),
}
_TERM = re.compile(r'"((?:[^"]|"")*)"(\*?)|(\w+)(\*?)', re.UNICODE)
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}
SNIPPET_WORDS = 12


@functools.lru_cache(maxsize=20_000)
def _fold(word: str) -> str:
    """A word as the index compares it: lower case, accents off (``remove_diacritics``)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c) or c in _KEEP)
    )


# Danish letters whose ring or stroke is part of the letter (NFD splits å into a + ring).
_KEEP = {"\u030a"}


def _match_terms(match: str) -> list[tuple[str, bool]]:
    """The words of an FTS5 query, each with whether it is a prefix."""
    terms = []
    for quoted, quoted_star, bare, bare_star in _TERM.findall(match):
        if quoted:
            words = re.findall(r"\w+", quoted.replace('""', '"'))
            terms += [(_fold(w), bool(quoted_star) and i == len(words) - 1) for i, w in enumerate(words)]
        elif bare and bare not in _OPERATORS and not bare.isdigit() or (bare and bare_star):
            terms.append((_fold(bare), bool(bare_star)))
    return terms


def _hits_word(word: str, terms: list[tuple[str, bool]]) -> bool:
    folded = _fold(word)
    return any(folded.startswith(term) if prefix else folded == term for term, prefix in terms)


def mark_terms(text: str, terms: list[tuple[str, bool]], highlight: tuple[str, str]) -> str:
    start, end = highlight
    return re.sub(r"\w+", lambda m: f"{start}{m[0]}{end}" if _hits_word(m[0], terms) else m[0], text)


def make_snippet(texts: list, terms: list[tuple[str, bool]], highlight: tuple[str, str]) -> str:
    """Like FTS5's snippet(): about a dozen words around the first match, matches marked."""
    fallback = ""
    for text in texts:
        if not text:
            continue
        text = str(text)
        fallback = fallback or text
        words = list(re.finditer(r"\w+", text))
        first = next((i for i, w in enumerate(words) if _hits_word(w[0], terms)), None)
        if first is None:
            continue
        begin = max(0, min(first - SNIPPET_WORDS // 4, len(words) - SNIPPET_WORDS))
        stop = min(len(words), begin + SNIPPET_WORDS)
        left = words[begin].start() if begin > 0 else 0
        right = words[stop - 1].end() if stop < len(words) else len(text)
        body = mark_terms(text[left:right], terms, highlight)
        return ("…" if left > 0 else "") + body + ("…" if right < len(text) else "")
    return _cut(fallback, 120)


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_stemmer = None


def _stem(word: str) -> str:
    global _stemmer
    if _stemmer is None:
        from snowballstemmer.danish_stemmer import DanishStemmer  # type: ignore[import-untyped]

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
