"""Putting observations and photos on a walked track, in walking order.

An item with a GPS position goes to the nearest point of the track; an item without
one (or whose position is far from the track) goes where the track was at the item's
time, with the camera's clock corrected by a settable offset. What cannot be placed
is returned with the reason, so the user can see it.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from fieldapp.domain.i18n import pick
from fieldapp.routes.geometry import LocalPlane, haversine_m, project_onto_segment
from fieldapp.routes.gpx import Track

FAR_FROM_ROUTE_M = 200.0  # a photo taken further from the track than this was not taken on the walk
TIME_SLACK = timedelta(minutes=10)  # before the recording started or after it stopped

OBSERVATION, PHOTO = "observation", "photo"

_REASONS = {
    "no_position_or_time": {
        "da": "har hverken GPS-position eller tidspunkt",
        "en": "has neither a GPS position nor a time",
    },
    "track_without_times": {
        "da": "har ingen GPS-position, og sporet har ingen tidspunkter",
        "en": "has no GPS position, and the track has no times",
    },
    "outside_track_time": {
        "da": "blev taget uden for sporets tidsrum ({when})",
        "en": "was taken outside the track's time span ({when})",
    },
    "far_from_route": {
        "da": "ligger {distance} m fra ruten",
        "en": "lies {distance} m from the route",
    },
}


@dataclass(frozen=True)
class Placeable:
    """An observation or photo that may be placed on the route."""

    kind: str  # OBSERVATION or PHOTO
    id: str
    label: str
    lat: float | None = None
    lon: float | None = None
    time: datetime | None = None  # as recorded (a photo's camera clock, uncorrected)

    @property
    def has_position(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class Placement:
    item: Placeable
    number: int  # 1, 2, … in walking order
    lat: float
    lon: float
    along_m: float  # distance walked from the start to here
    method: str  # "gps" or "time"
    off_route_m: float = 0.0


@dataclass(frozen=True)
class Unplaced:
    item: Placeable
    reason: str
    params: tuple[tuple[str, object], ...] = ()

    def message(self, lang: str | None = None) -> str:
        return pick(_REASONS[self.reason], lang).format(**dict(self.params))


@dataclass(frozen=True)
class RoutePlan:
    track: Track
    placed: tuple[Placement, ...]
    unplaced: tuple[Unplaced, ...]
    camera_offset_s: int = 0


def place_on_track(track: Track, items: list[Placeable], camera_offset_s: int = 0) -> RoutePlan:
    index = _TrackIndex(track)
    found: list[tuple[float, datetime, Placeable, float, float, str, float]] = []
    unplaced: list[Unplaced] = []
    for item in items:
        when = item.time
        if when is not None and item.kind == PHOTO and camera_offset_s:
            when = when + timedelta(seconds=camera_offset_s)
        by_time = index.at_time(when) if when is not None else None
        if item.lat is not None and item.lon is not None:  # it has a position
            near = index.nearest(item.lat, item.lon)
            if near is not None:
                along, distance = near
                # On a route that passes the same spot twice, the time says which pass it was.
                if (
                    by_time is not None
                    and haversine_m(by_time[1], by_time[2], item.lat, item.lon) <= FAR_FROM_ROUTE_M
                ):
                    along = by_time[0]
                found.append((along, when or datetime.max, item, item.lat, item.lon, "gps", distance))
                continue
        if by_time is not None:
            along, lat, lon = by_time
            found.append((along, when, item, lat, lon, "time", 0.0))  # type: ignore[arg-type]
            continue
        unplaced.append(_why_not(track, index, item, when))
    found.sort(key=lambda f: (f[0], f[1], f[2].kind, f[2].id))
    placed = tuple(
        Placement(item, number, lat, lon, along, method, round(off, 1))
        for number, (along, _when, item, lat, lon, method, off) in enumerate(found, start=1)
    )
    return RoutePlan(track, placed, tuple(unplaced), camera_offset_s)


def _why_not(track: Track, index: _TrackIndex, item: Placeable, when: datetime | None) -> Unplaced:
    if item.has_position:
        distance = index.distance_m(item.lat, item.lon)  # type: ignore[arg-type]
        return Unplaced(item, "far_from_route", (("distance", round(distance)),))
    if when is None:
        return Unplaced(item, "no_position_or_time")
    if not track.has_times:
        return Unplaced(item, "track_without_times")
    return Unplaced(item, "outside_track_time", (("when", when.strftime("%Y-%m-%d %H:%M")),))


class _TrackIndex:
    """Segments in a coarse grid (for nearest-point search) and points by time."""

    def __init__(self, track: Track):
        self.track = track
        min_lat, min_lon, max_lat, max_lon = track.bounds
        self.plane = LocalPlane((min_lat + max_lat) / 2, (min_lon + max_lon) / 2)
        points = track.points
        self.xy = [self.plane.xy(p.lat, p.lon) for p in points]
        self.cum = track.cumulative_m
        self.cell = FAR_FROM_ROUTE_M
        self.grid: dict[tuple[int, int], list[int]] = defaultdict(list)
        start = 0
        self.segment_of: list[int] = []
        for number, segment in enumerate(track.segments):
            for i in range(start, start + len(segment) - 1):
                (ax, ay), (bx, by) = self.xy[i], self.xy[i + 1]
                for gx in range(self._c(min(ax, bx)), self._c(max(ax, bx)) + 1):
                    for gy in range(self._c(min(ay, by)), self._c(max(ay, by)) + 1):
                        self.grid[gx, gy].append(i)  # segment i runs from point i to point i + 1
            self.segment_of += [number] * len(segment)
            start += len(segment)
        timed = [(p.time, i) for i, p in enumerate(points) if p.time is not None]
        timed.sort()
        self.times = [t for t, _ in timed]
        self.time_index = [i for _, i in timed]

    def _c(self, value: float) -> int:
        return math.floor(value / self.cell)

    def nearest(self, lat: float, lon: float) -> tuple[float, float] | None:
        """(distance along the track, metres off it) of the nearest track point within reach."""
        px, py = self.plane.xy(lat, lon)
        cx, cy = self._c(px), self._c(py)
        best: tuple[float, int, float] | None = None
        seen: set[int] = set()
        for gx in (cx - 1, cx, cx + 1):
            for gy in (cy - 1, cy, cy + 1):
                for i in self.grid.get((gx, gy), ()):
                    if i in seen:
                        continue
                    seen.add(i)
                    (ax, ay), (bx, by) = self.xy[i], self.xy[i + 1]
                    t, d2 = project_onto_segment(px, py, ax, ay, bx, by)
                    if best is None or d2 < best[0]:
                        best = (d2, i, t)
        if best is None or best[0] > FAR_FROM_ROUTE_M**2:
            return None
        d2, i, t = best
        return self.cum[i] + t * (self.cum[i + 1] - self.cum[i]), math.sqrt(d2)

    def distance_m(self, lat: float, lon: float) -> float:
        """Distance to the nearest track point (for messages; slow but rare)."""
        return min(haversine_m(lat, lon, p.lat, p.lon) for p in self.track.points)

    def at_time(self, when: datetime) -> tuple[float, float, float] | None:
        """(distance along, lat, lon) where the walker was at ``when``, or None if not walking then."""
        if not self.times or when < self.times[0] - TIME_SLACK or when > self.times[-1] + TIME_SLACK:
            return None
        points = self.track.points
        k = bisect.bisect_left(self.times, when)
        if k == 0 or k == len(self.times):
            i = self.time_index[0 if k == 0 else -1]
            return self.cum[i], points[i].lat, points[i].lon
        i, j = self.time_index[k - 1], self.time_index[k]
        before, after = self.times[k - 1], self.times[k]
        if self.segment_of[i] != self.segment_of[j] or abs(j - i) != 1:
            # A pause between segments (or disordered times): take the nearer point in time.
            nearest = i if when - before <= after - when else j
            return self.cum[nearest], points[nearest].lat, points[nearest].lon
        span = (after - before).total_seconds()
        f = 0.0 if span <= 0 else (when - before).total_seconds() / span
        a, b = points[i], points[j]
        return (
            self.cum[i] + f * (self.cum[j] - self.cum[i]),
            a.lat + f * (b.lat - a.lat),
            a.lon + f * (b.lon - a.lon),
        )
