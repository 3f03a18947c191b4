"""Read-only queries behind the PDF reports: one activity, an area over a period, one person.

Each function takes a ``Store`` and returns plain dataclasses of domain entities,
so the report builders never see SQL. Privacy decisions (who may be named, what is
left out) are made by the reports, which get everything they might need here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from fieldapp.domain import (
    Action,
    ActionStatus,
    Activity,
    ActivityKind,
    Area,
    Attachment,
    LeadershipStage,
    Observation,
    ObservationKind,
    Organisation,
    Participant,
    ParticipantRole,
    Person,
    Relation,
    SurveyAnswer,
    SurveyItem,
    SurveyTally,
)
from fieldapp.domain.clock import hlc_to_iso
from fieldapp.store.attachments import blob_path, is_sha256
from fieldapp.store.queries import ActionRow
from fieldapp.store.store import Store

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".tif", ".tiff", ".bmp", ".heic")
CONFIDENTIAL_KINDS = (ActivityKind.ONE_TO_ONE.value,)
LEADER_STAGES = (
    LeadershipStage.POTENTIAL.value,
    LeadershipStage.EMERGING.value,
    LeadershipStage.LEADER.value,
)


@dataclass
class ObservationRow:
    observation: Observation
    themes: list[str]
    raised_by: Person | None


@dataclass
class SurveyResult:
    item: SurveyItem
    counts: dict[SurveyAnswer, int]

    @property
    def respondents(self) -> int:
        return sum(self.counts.values())


@dataclass
class Photo:
    attachment: Attachment
    path: Path | None  # where the bytes should be; may be missing (None: the hash is invalid)


@dataclass
class ActivityData:
    activity: Activity
    area: Area | None
    facilitator: Person | None
    person: Person | None  # whom a 1:1 talk was with
    observations: list[ObservationRow]
    participants: list[tuple[Person, ParticipantRole]]
    actions: list[ActionRow]
    survey: list[SurveyResult]
    photos: list[Photo]


@dataclass
class ThemeCount:
    name: str
    concern: int = 0
    hope: int = 0
    other: int = 0

    @property
    def total(self) -> int:
        return self.concern + self.hope + self.other


@dataclass
class QuoteRow:
    observation: Observation
    raised_by: Person | None
    activity: Activity


@dataclass
class MeetingSurvey:
    activity: Activity
    results: list[SurveyResult]


@dataclass
class AreaData:
    area: Area
    start: date | None
    end: date | None
    activities: list[Activity]
    kind_counts: dict[ActivityKind, int]
    people_met: int
    new_potential_leaders: int
    observation_counts: dict[ObservationKind, int]
    themes: list[ThemeCount]
    quotes: list[QuoteRow]
    surveys: list[MeetingSurvey]
    open_actions: list[ActionRow]
    done_actions: list[ActionRow]
    pipeline: dict[LeadershipStage, int]


@dataclass
class RelationRow:
    relation: Relation
    other: Person | None
    outgoing: bool  # True when the person is the relation's "from" side


@dataclass
class PersonData:
    person: Person
    area: Area | None
    organisation: Organisation | None
    relations: list[RelationRow]
    participations: list[tuple[Activity, ParticipantRole]]
    talks: list[Activity]
    observations: list[tuple[Observation, Activity | None]]
    actions: list[Action]
    history_count: int
    history_first: str | None
    history_last: str | None
    people: dict[str, Person] = field(default_factory=dict)  # others mentioned, by id


# ---------------------------------------------------------------------- helpers
def _placeholders(values: Iterable[object]) -> str:
    return ", ".join("?" for _ in values)


def people_by_id(store: Store, ids: Iterable[str | None]) -> dict[str, Person]:
    wanted = sorted({i for i in ids if i})
    found: dict[str, Person] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for person in store.list(Person, f"id IN ({_placeholders(chunk)})", chunk, order_by="id"):
            found[person.id] = person
    return found


def _photo_path(store: Store, attachment: Attachment) -> Path | None:
    """Where the photo's bytes should be; None if its hash is not one (never a path from it)."""
    if not is_sha256(attachment.sha256):
        return None
    return blob_path(store.attachments_dir, attachment.sha256 or "")


def _is_image(attachment: Attachment) -> bool:
    if attachment.mime:
        return attachment.mime.startswith("image/")
    return (attachment.filename or "").lower().endswith(IMAGE_SUFFIXES)


def _survey_results(store: Store, activity_ids: list[str]) -> dict[str, list[SurveyResult]]:
    by_activity: dict[str, list[SurveyResult]] = {}
    if not activity_ids:
        return by_activity
    items: list[SurveyItem] = []
    for start in range(0, len(activity_ids), 500):
        chunk = activity_ids[start : start + 500]
        items += store.list(
            SurveyItem,
            f"activity_id IN ({_placeholders(chunk)})",
            chunk,
            order_by="activity_id, position, id",
        )
    counts: dict[str, dict[SurveyAnswer, int]] = {item.id: {} for item in items}
    item_ids = list(counts)
    for start in range(0, len(item_ids), 500):
        chunk = item_ids[start : start + 500]
        for item_id, answer, count in store.conn.execute(
            f"SELECT item_id, answer, count FROM {SurveyTally.TABLE} WHERE item_id IN ({_placeholders(chunk)})",
            chunk,
        ):
            try:
                counts[item_id][SurveyAnswer(answer)] = counts[item_id].get(SurveyAnswer(answer), 0) + (
                    count or 0
                )
            except ValueError:
                continue
    for item in items:
        by_activity.setdefault(item.activity_id or "", []).append(SurveyResult(item, counts[item.id]))
    return by_activity


def _themes_of(store: Store, observation_ids: list[str]) -> dict[str, list[str]]:
    themes: dict[str, list[str]] = {}
    for start in range(0, len(observation_ids), 500):
        chunk = observation_ids[start : start + 500]
        for observation_id, name in store.conn.execute(
            "SELECT ot.observation_id, t.name FROM observation_themes ot JOIN themes t ON t.id = ot.theme_id"
            f" WHERE ot.observation_id IN ({_placeholders(chunk)}) ORDER BY t.name COLLATE NOCASE",
            chunk,
        ):
            themes.setdefault(observation_id, []).append(name)
    return themes


# ---------------------------------------------------------------------- one activity
def activity_data(store: Store, activity_id: str) -> ActivityData:
    """Everything an activity report shows; raises ``NotFoundError`` for an unknown id."""
    activity = store.get(Activity, activity_id)
    observations = store.list(
        Observation,
        "activity_id = ?",
        [activity_id],
        order_by="observed_at IS NULL, observed_at, created_at, id",
    )
    participants = store.list(Participant, "activity_id = ?", [activity_id], order_by="id")
    actions = store.list(
        Action,
        "activity_id = ? OR observation_id IN (SELECT id FROM observations WHERE activity_id = ?)",
        [activity_id, activity_id],
        order_by="due_date IS NULL, due_date, created_at, id",
    )
    attachments = store.list(
        Attachment,
        "activity_id = ? OR observation_id IN (SELECT id FROM observations WHERE activity_id = ?)",
        [activity_id, activity_id],
        order_by="taken_at IS NULL, taken_at, created_at, id",
    )
    people = people_by_id(
        store,
        [activity.facilitator_id, activity.person_id]
        + [p.person_id for p in participants]
        + [o.raised_by_id for o in observations]
        + [a.owner_id for a in actions],
    )
    themes = _themes_of(store, [o.id for o in observations])
    return ActivityData(
        activity=activity,
        area=store.find(Area, activity.area_id) if activity.area_id else None,
        facilitator=people.get(activity.facilitator_id or ""),
        person=people.get(activity.person_id or ""),
        observations=[
            ObservationRow(o, themes.get(o.id, []), people.get(o.raised_by_id or "")) for o in observations
        ],
        participants=[
            (people[p.person_id], p.role or ParticipantRole.RESIDENT)
            for p in participants
            if p.person_id in people
        ],
        actions=[ActionRow.of(a, people.get(a.owner_id or "")) for a in actions],
        survey=_survey_results(store, [activity_id]).get(activity_id, []),
        photos=[Photo(a, _photo_path(store, a)) for a in attachments if _is_image(a) and a.sha256],
    )


# ---------------------------------------------------------------------- an area over a period
def find_area(store: Store, name_or_id: str) -> Area | None:
    """An area by id, or by name ignoring case and surrounding spaces."""
    found = store.find(Area, name_or_id)
    if found is not None:
        return found
    wanted = " ".join(name_or_id.split()).casefold()
    for area in store.list(Area):
        if " ".join((area.name or "").split()).casefold() == wanted:
            return area
    return None


def area_names(store: Store) -> list[str]:
    return [area.name or "" for area in store.list(Area)]


def period_sql(start: date | None, end: date | None, column: str = "starts_at") -> tuple[str, list[str]]:
    """``column`` within start..end (both days included), as SQL and its parameters."""
    clauses, params = [], []
    if start is not None:
        clauses.append(f"{column} >= ?")
        params.append(start.isoformat())
    if end is not None and end < date.max:  # up to 9999-12-31 means no end at all
        clauses.append(f"{column} < ?")
        params.append((end + timedelta(days=1)).isoformat())
    return (" AND ".join(clauses) or "1"), params


def area_activity_count(store: Store, area_id: str, start: date | None, end: date | None) -> int:
    period, params = period_sql(start, end)
    return store.count(Activity, f"area_id = ? AND {period}", [area_id, *params])


def area_data(
    store: Store, area_id: str, start: date | None, end: date | None, *, quote_limit: int = 8
) -> AreaData:
    """What an area report for a council shows about ``area_id`` between two dates (inclusive)."""
    area = store.get(Area, area_id)
    period, params = period_sql(start, end)
    where = f"area_id = ? AND {period}"
    args = [area_id, *params]
    activities = store.list(Activity, where, args, order_by="starts_at, id")
    in_period = f"SELECT id FROM activities WHERE {where}"
    # activities whose notes may be summarised for a council (1:1 talks may not)
    open_in_period = (
        f"SELECT id FROM activities WHERE {where} AND kind NOT IN ({_placeholders(CONFIDENTIAL_KINDS)})"
    )
    open_args = [*args, *CONFIDENTIAL_KINDS]
    conn = store.conn

    kind_counts = Counter(a.kind for a in activities if a.kind)
    people_met = conn.execute(
        "SELECT count(DISTINCT pid) FROM ("
        f" SELECT person_id AS pid FROM participants WHERE activity_id IN ({in_period})"
        f" UNION SELECT person_id FROM activities WHERE id IN ({in_period}) AND person_id IS NOT NULL)"
        " WHERE pid NOT IN (SELECT id FROM people WHERE is_staff = 1)",
        [*args, *args],
    ).fetchone()[0]
    stages = _placeholders(LEADER_STAGES)
    earlier, earlier_args = ("starts_at < ?", [start.isoformat()]) if start else ("0", [])
    new_leaders = conn.execute(
        f"SELECT count(DISTINCT person_id) FROM activities WHERE id IN ({in_period})"
        f" AND kind = ? AND leadership_assessment IN ({stages}) AND person_id NOT IN ("
        f"  SELECT person_id FROM activities WHERE kind = ? AND person_id IS NOT NULL"
        f"  AND leadership_assessment IN ({stages}) AND {earlier})",
        [
            *args,
            ActivityKind.ONE_TO_ONE.value,
            *LEADER_STAGES,
            ActivityKind.ONE_TO_ONE.value,
            *LEADER_STAGES,
            *earlier_args,
        ],
    ).fetchone()[0]

    observation_counts: Counter[ObservationKind] = Counter()
    for kind, count in conn.execute(
        f"SELECT kind, count(*) FROM observations WHERE activity_id IN ({open_in_period}) GROUP BY kind",
        open_args,
    ):
        try:
            observation_counts[ObservationKind(kind)] += count
        except ValueError:
            continue

    themes: dict[str, ThemeCount] = {}
    for name, kind, count in conn.execute(
        "SELECT t.name, o.kind, count(*) FROM observations o"
        " JOIN observation_themes ot ON ot.observation_id = o.id JOIN themes t ON t.id = ot.theme_id"
        f" WHERE o.activity_id IN ({open_in_period}) GROUP BY t.id, o.kind",
        open_args,
    ):
        entry = themes.setdefault(name, ThemeCount(name))
        if kind == ObservationKind.CONCERN.value:
            entry.concern += count
        elif kind == ObservationKind.HOPE.value:
            entry.hope += count
        else:
            entry.other += count
    ranked = sorted(themes.values(), key=lambda tc: (-tc.total, -tc.concern, tc.name.casefold()))

    by_id = {a.id: a for a in activities}
    quote_rows = store.list(
        Observation,
        f"kind = ? AND activity_id IN ({open_in_period})",
        [ObservationKind.QUOTE.value, *open_args],
        order_by="votes DESC, observed_at, id",
        limit=quote_limit,
    )

    meetings = [a for a in activities if a.kind == ActivityKind.LISTENING_MEETING]
    results = _survey_results(store, [a.id for a in meetings])
    surveys = [MeetingSurvey(a, results[a.id]) for a in meetings if results.get(a.id)]

    action_where = f"(area_id = ? OR activity_id IN ({in_period}))"
    open_actions = store.list(
        Action,
        f"{action_where} AND status = ?",
        [area_id, *args, ActionStatus.OPEN.value],
        order_by="due_date IS NULL, due_date, id",
    )
    done_period, done_params = period_sql(start, end, "completed_at")
    done_actions = store.list(
        Action,
        f"{action_where} AND status = ?"
        f" AND (({done_period}) OR (completed_at IS NULL AND activity_id IN ({in_period})))",
        [area_id, *args, ActionStatus.DONE.value, *done_params, *args],
        order_by="completed_at IS NULL, completed_at, id",
    )
    from_talks = _from_one_to_one(store, [a.id for a in open_actions + done_actions])
    pipeline: Counter[LeadershipStage] = Counter()
    for stage, count in conn.execute(
        "SELECT leadership_stage, count(*) FROM people WHERE area_id = ? AND coalesce(is_staff, 0) = 0"
        " GROUP BY leadership_stage",
        [area_id],
    ):
        try:
            pipeline[LeadershipStage(stage)] += count
        except ValueError:
            continue

    people = people_by_id(
        store, [q.raised_by_id for q in quote_rows] + [a.owner_id for a in open_actions + done_actions]
    )
    return AreaData(
        area=area,
        start=start,
        end=end,
        activities=activities,
        kind_counts={kind: kind_counts.get(kind, 0) for kind in ActivityKind},
        people_met=people_met,
        new_potential_leaders=new_leaders,
        observation_counts={kind: observation_counts.get(kind, 0) for kind in ObservationKind},
        themes=ranked,
        quotes=[
            QuoteRow(q, people.get(q.raised_by_id or ""), by_id[q.activity_id or ""]) for q in quote_rows
        ],
        surveys=surveys,
        open_actions=[
            ActionRow.of(a, people.get(a.owner_id or ""), confidential=a.id in from_talks)
            for a in open_actions
        ],
        done_actions=[
            ActionRow.of(a, people.get(a.owner_id or ""), confidential=a.id in from_talks)
            for a in done_actions
        ],
        pipeline={stage: pipeline.get(stage, 0) for stage in LeadershipStage},
    )


def _from_one_to_one(store: Store, action_ids: list[str]) -> set[str]:
    """The actions among ``action_ids`` that come from a 1:1 talk or one of its observations."""
    found: set[str] = set()
    for start in range(0, len(action_ids), 500):
        chunk = action_ids[start : start + 500]
        found.update(
            row[0]
            for row in store.conn.execute(
                f"SELECT a.id FROM actions a WHERE a.id IN ({_placeholders(chunk)}) AND ("
                " a.activity_id IN (SELECT id FROM activities WHERE kind IN"
                f"  ({_placeholders(CONFIDENTIAL_KINDS)}))"
                " OR a.observation_id IN (SELECT o.id FROM observations o JOIN activities t"
                f"  ON t.id = o.activity_id WHERE t.kind IN ({_placeholders(CONFIDENTIAL_KINDS)})))",
                [*chunk, *CONFIDENTIAL_KINDS, *CONFIDENTIAL_KINDS],
            )
        )
    return found


def all_people(store: Store) -> list[Person]:
    """Everyone in the notebook (whose names public reports look for in free text)."""
    return store.list(Person, order_by="id")


# ---------------------------------------------------------------------- one person
def person_data(store: Store, person_id: str) -> PersonData:
    """Everything stored about one person (right of access); ``NotFoundError`` if unknown."""
    person = store.get(Person, person_id)
    relations = store.list(
        Relation, "from_person_id = ? OR to_person_id = ?", [person_id, person_id], order_by="kind, id"
    )
    participations = store.list(Participant, "person_id = ?", [person_id], order_by="id")
    activity_ids = sorted({p.activity_id for p in participations if p.activity_id})
    activities = (
        {
            a.id: a
            for a in store.list(
                Activity, f"id IN ({_placeholders(activity_ids)})", activity_ids, order_by="id"
            )
        }
        if activity_ids
        else {}
    )
    talks = store.list(
        Activity,
        "person_id = ? AND kind = ?",
        [person_id, ActivityKind.ONE_TO_ONE.value],
        order_by="starts_at, id",
    )
    observations = store.list(
        Observation, "raised_by_id = ?", [person_id], order_by="observed_at, created_at, id"
    )
    obs_activity_ids = sorted({o.activity_id for o in observations if o.activity_id} - set(activities))
    if obs_activity_ids:
        for a in store.list(
            Activity, f"id IN ({_placeholders(obs_activity_ids)})", obs_activity_ids, order_by="id"
        ):
            activities[a.id] = a
    actions = store.list(Action, "owner_id = ?", [person_id], order_by="due_date IS NULL, due_date, id")
    count, first, last = store.conn.execute(
        "SELECT count(*), min(hlc), max(hlc) FROM field_versions WHERE tbl = ? AND row_id = ?",
        [Person.TABLE, person_id],
    ).fetchone()
    others = people_by_id(
        store, [r.to_person_id if r.from_person_id == person_id else r.from_person_id for r in relations]
    )
    participation_rows = sorted(
        (
            (activities[p.activity_id], p.role or ParticipantRole.RESIDENT)
            for p in participations
            if p.activity_id in activities
        ),
        key=lambda row: (str(row[0].starts_at or ""), row[0].id),
    )
    return PersonData(
        person=person,
        area=store.find(Area, person.area_id) if person.area_id else None,
        organisation=store.find(Organisation, person.organisation_id) if person.organisation_id else None,
        relations=[
            RelationRow(
                r,
                others.get((r.to_person_id if r.from_person_id == person_id else r.from_person_id) or ""),
                r.from_person_id == person_id,
            )
            for r in relations
        ],
        participations=participation_rows,
        talks=talks,
        observations=[(o, activities.get(o.activity_id or "")) for o in observations],
        actions=actions,
        history_count=count,
        history_first=hlc_to_iso(first) if first is not None else None,
        history_last=hlc_to_iso(last) if last is not None else None,
        people=others,
    )
