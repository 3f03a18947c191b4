"""The relational map of an area: its people and how they are connected, and where to draw them.

Who is on the map: the area's people (``people.area_id``) and everyone else who took part in
one of the area's activities in the period (or was the person of a 1:1 talk there); staff
are left out, the map is of the community. A person's size is the number of the area's
activities they took part in during the period; their colour is their leadership stage.

What connects them (one edge per pair and kind):
- ``knows``, ``introduced_by`` and ``suggested`` relations (``suggested``: whom a person
  suggested in a 1:1 talk);
- ``together``: two people took part in the same activity in the period; the weight is the
  number of such activities. A walk with 30 residents makes 435 pairs, so the strongest
  ``MAX_TOGETHER`` pairs are kept, strongest first (ties broken by id, so the map is the same
  every time).

Where to draw them (``layout``): people are grouped by organisation, each group a disc
with its most advanced and most active people at the centre (a sunflower spiral, so discs
grow with the square root of their size), and the discs are laid in rows, largest first.
This is O(people), deterministic, and reads as "organisations as groups", which a force-
directed layout would not give without extra work; no layout library is needed.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fieldapp.domain import ActivityKind, LeadershipStage
from fieldapp.store.reporting import period_sql
from fieldapp.store.store import Store

MAX_TOGETHER = 4000
STAGE_ORDER = {s.value: i for i, s in enumerate(LeadershipStage)}
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
# Sunflower step: neighbours in a group sit about 2.3 layout units apart, room for a name
# beside each dot when the map is fitted to the view (at 0.62 they overlapped in a group of 11).
SPACING = 1.3


@dataclass
class MapPerson:
    id: str
    name: str
    stage: str | None
    organisation: str | None
    activities: int
    may_be_named: bool
    x: float = 0.0
    y: float = 0.0

    @property
    def stage_rank(self) -> int:
        return STAGE_ORDER.get(self.stage or "", 0)


@dataclass(frozen=True)
class MapEdge:
    a: str
    b: str
    kind: str  # knows | introduced_by | suggested | together
    weight: int = 1


@dataclass
class MapGroup:
    name: str | None  # the organisation, or None for people without one
    members: list[MapPerson]
    x: float = 0.0
    y: float = 0.0
    radius: float = 0.0


@dataclass
class RelationalMap:
    people: list[MapPerson]
    edges: list[MapEdge]
    groups: list[MapGroup] = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0

    def by_id(self) -> dict[str, MapPerson]:
        return {p.id: p for p in self.people}


def relational_map(
    store: Store,
    area_id: str,
    start: date | None = None,
    end: date | None = None,
    stages: set[str] | None = None,
    *,
    aspect: float = 1.3,
) -> RelationalMap:
    """The map of ``area_id``, its activities limited to the period (inclusive), laid out to
    fill a frame ``aspect`` times as wide as it is high.

    ``stages``: only people at these leadership stages (and the edges between them)."""
    conn = store.conn
    period, period_params = period_sql(start, end, "a.starts_at")
    params = [area_id, *period_params]
    in_period = f"SELECT a.id FROM activities a WHERE a.area_id = ? AND {period}"
    taking_part: dict[str, set[str]] = defaultdict(set)  # activity -> people
    for activity_id, person_id in conn.execute(
        f"SELECT activity_id, person_id FROM participants WHERE activity_id IN ({in_period})"
        " UNION SELECT id, person_id FROM activities a"
        f" WHERE a.id IN ({in_period}) AND a.kind = ? AND a.person_id IS NOT NULL",
        [*params, *params, ActivityKind.ONE_TO_ONE.value],
    ):
        taking_part[activity_id].add(person_id)
    counts = Counter(p for members in taking_part.values() for p in members)
    rows = conn.execute(
        "SELECT p.id, p.name, p.leadership_stage, o.name, p.may_be_named, p.consent_withdrawn_at"
        " FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id"
        " WHERE coalesce(p.is_staff, 0) = 0 AND (p.area_id = ? OR p.id IN"
        f"  (SELECT person_id FROM participants WHERE activity_id IN ({in_period}))"
        f"  OR p.id IN (SELECT a.person_id FROM activities a WHERE a.id IN ({in_period})))",
        [area_id, *params, *params],
    ).fetchall()
    people = [
        MapPerson(
            id=pid,
            name=name or "",
            stage=stage,
            organisation=organisation,
            activities=counts.get(pid, 0),
            may_be_named=bool(named) and withdrawn is None,
        )
        for pid, name, stage, organisation, named, withdrawn in rows
        if stages is None or (stage or LeadershipStage.CONTACT.value) in stages
    ]
    present = {p.id for p in people}
    edges = _relations(store, present) + _together(taking_part, present)
    result = RelationalMap(people, edges)
    layout(result, aspect=aspect)
    return result


def _relations(store: Store, present: set[str]) -> list[MapEdge]:
    seen: set[tuple[str, str, str]] = set()
    edges = []
    for a, b, kind in store.conn.execute(
        "SELECT from_person_id, to_person_id, kind FROM relations ORDER BY from_person_id, to_person_id, kind"
    ):
        if a in present and b in present and a != b:
            key = (min(a, b), max(a, b), kind)
            if key not in seen:
                seen.add(key)
                edges.append(MapEdge(a, b, kind))
    return edges


def _together(taking_part: dict[str, set[str]], present: set[str]) -> list[MapEdge]:
    pairs: Counter[tuple[str, str]] = Counter()
    for members in taking_part.values():
        ordered = sorted(members & present)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                pairs[(a, b)] += 1
    strongest = heapq.nsmallest(MAX_TOGETHER, pairs.items(), key=lambda item: (-item[1], item[0]))
    return [MapEdge(a, b, "together", weight) for (a, b), weight in strongest]


# ------------------------------------------------------------------------------- layout
def layout(relmap: RelationalMap, gap: float = 2.0, aspect: float = 1.3) -> None:
    """Place every person (``x``, ``y``) and every group's disc; see the module doc."""
    groups: dict[str | None, list[MapPerson]] = defaultdict(list)
    for person in relmap.people:
        groups[person.organisation].append(person)
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0] is None, item[0] or ""))
    relmap.groups = []
    for name, members in ordered:
        members.sort(key=lambda p: (-p.stage_rank, -p.activities, p.name.casefold(), p.id))
        group = MapGroup(name, members, radius=SPACING * math.sqrt(len(members)) + 0.8)
        for i, person in enumerate(members):
            r = SPACING * math.sqrt(i + 0.5) if len(members) > 1 else 0.0
            person.x, person.y = r * math.cos(i * GOLDEN_ANGLE), r * math.sin(i * GOLDEN_ANGLE)
        relmap.groups.append(group)
    if not relmap.groups:
        relmap.width = relmap.height = 0.0
        return
    # shelf packing: rows about as wide as the square root of the total area, largest discs first
    total = sum((2 * g.radius + gap) ** 2 for g in relmap.groups)
    # rows about ``aspect`` times as wide as the whole is high, so the map fills its frame
    row_width = max(math.sqrt(total * max(aspect, 0.2)), 2 * relmap.groups[0].radius + gap)
    x = y = 0.0
    row_height = 0.0
    width = 0.0
    for group in relmap.groups:
        size = 2 * group.radius + gap
        if x > 0 and x + size > row_width:
            x, y = 0.0, y + row_height
            row_height = 0.0
        group.x, group.y = x + size / 2, y + size / 2
        for person in group.members:
            person.x += group.x
            person.y += group.y
        x += size
        row_height = max(row_height, size)
        width = max(width, x)
    relmap.width, relmap.height = width, y + row_height


def node_radius(person: MapPerson, biggest: int) -> float:
    """Size by activity: 0.18 (none) to 0.45 layout units (the most active person)."""
    if biggest <= 0:
        return 0.18
    return 0.18 + 0.27 * math.sqrt(person.activities / biggest)


def summary(relmap: RelationalMap) -> dict[str, Any]:
    return {
        "people": len(relmap.people),
        "groups": len(relmap.groups),
        "edges": Counter(e.kind for e in relmap.edges),
    }
