"""Putting observations and photos on a walked track, in walking order.

An item with a GPS position goes to the nearest point of the track; an item without
one (or whose position is far from the track) goes where the track was at the item's
time, with the camera's clock corrected by a settable offset. What cannot be placed
is returned with the reason, so the user can see it.

Times: the track's are aware UTC; an item's time is local wall-clock time as Feltbog
keeps it (a photo's is the camera's clock, as the camera wrote it). Each is turned into
UTC with the laptop's time zone rules for that date, so daylight saving never shifts a photo.
"""

from __future__ import annotations

import bisect
import heapq
import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fieldapp.domain.i18n import pick
from fieldapp.routes.geometry import EARTH_RADIUS_M, LocalPlane, haversine_m, project_onto_segment
from fieldapp.routes.gpx import Track

FAR_FROM_ROUTE_M = 200.0  # a photo taken further from the track than this was not taken on the walk
CLOSE_ENOUGH_M = 1.0  # a track point this near an item is as good as the nearest
MAX_LEAVES = 1024  # leaves (8 segments each) one nearest-point search may look at
TIME_SLACK = timedelta(minutes=10)  # before the recording started or after it stopped

OBSERVATION, PHOTO = "observation", "photo"
# Where a placed item's position came from (Placement.method).
GPS, TIME, SAVED = "gps", "time", "saved"

_REASONS = {
    "no_position_or_time": {
        "da": "har hverken GPS-position eller tidspunkt; klik på ruten for at placere det",
        "en": "has neither a GPS position nor a time; click the route to place it",
    },
    "track_without_times": {
        "da": "har ingen GPS-position, og sporet har ingen tidspunkter",
        "en": "has no GPS position, and the track has no times",
    },
    "outside_track_time": {
        "da": "blev taget uden for sporets tidsrum {span} (kameraets ur: {camera}; rettet: {corrected})",
        "en": "was taken outside the track's time span {span} (camera clock: {camera}; corrected: {corrected})",
    },
    "outside_track_time_plain": {
        "da": "blev taget uden for sporets tidsrum {span} (tidspunkt: {camera})",
        "en": "was taken outside the track's time span {span} (time: {camera})",
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
    time: datetime | None = None  # local wall-clock time as recorded (a photo's camera clock, uncorrected)
    # A photo's position as its own EXIF says (None if it has none); ``lat``/``lon`` may
    # instead hold a position Feltbog placed it at and saved.
    recorded_lat: float | None = None
    recorded_lon: float | None = None
    saved_placement: bool = False  # lat/lon were set by placing, not recorded by a device
    category: str | None = None  # an observation's kind (concern, hope, …)

    @property
    def has_position(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def has_recorded_position(self) -> bool:
        return self.recorded_lat is not None and self.recorded_lon is not None


@dataclass(frozen=True)
class Placement:
    item: Placeable
    number: int  # 1, 2, … in walking order
    lat: float
    lon: float
    along_m: float  # distance walked from the start to here
    method: str  # GPS (the item's own position), TIME (where the track was then) or SAVED
    off_route_m: float = 0.0

    @property
    def shows_recorded_position(self) -> bool:
        return self.method == GPS


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
    damaged: tuple[str, ...] = ()  # names of photos whose file cannot be read


def as_utc(moment: datetime) -> datetime:
    """A Feltbog time (naive = local wall-clock time) as aware UTC."""
    try:
        return moment.astimezone(UTC)
    except (OverflowError, OSError, ValueError):
        return moment.replace(tzinfo=UTC)


def local_text(moment: datetime, seconds: bool = True) -> str:
    """An aware or naive time as the laptop's wall-clock time, e.g. 2026-05-01 10:02:05."""
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def corrected_time(item: Placeable, camera_offset_s: int) -> datetime | None:
    """The item's time in UTC, a photo's with the camera clock corrected."""
    if item.time is None:
        return None
    when = item.time
    if item.kind == PHOTO and camera_offset_s:
        when = when + timedelta(seconds=camera_offset_s)
    return as_utc(when)


def place_on_track(track: Track, items: list[Placeable], camera_offset_s: int = 0) -> RoutePlan:
    index = _TrackIndex(track)
    found: list[tuple[float, datetime, Placeable, float, float, str, float]] = []
    unplaced: list[Unplaced] = []
    latest = datetime.max.replace(tzinfo=UTC)
    for item in items:
        when = corrected_time(item, camera_offset_s)
        by_time = index.at_time(when) if when is not None else None
        if item.has_position:
            near = index.nearest(item.lat, item.lon)  # type: ignore[arg-type]
            if near is not None:
                along, distance = near
                # On a route that passes the same spot twice, the time says which pass it was.
                if (
                    by_time is not None
                    and haversine_m(by_time[1], by_time[2], item.lat, item.lon) <= FAR_FROM_ROUTE_M  # type: ignore[arg-type]
                ):
                    along = by_time[0]
                method = SAVED if item.saved_placement else GPS
                found.append((along, when or latest, item, item.lat, item.lon, method, distance))  # type: ignore[arg-type]
                continue
        if by_time is not None:
            along, lat, lon = by_time
            found.append((along, when, item, lat, lon, TIME, 0.0))  # type: ignore[arg-type]
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
    span = f"{local_text(track.start_time)} – {local_text(track.end_time)[11:]}"  # type: ignore[arg-type]
    camera = local_text(item.time)  # type: ignore[arg-type]
    corrected = local_text(when)
    if item.kind == PHOTO:
        params = (("span", span), ("camera", camera), ("corrected", corrected))
        return Unplaced(item, "outside_track_time", params)
    return Unplaced(item, "outside_track_time_plain", (("span", span), ("camera", camera)))


def _node(group: list[tuple], leaf: bool) -> tuple:
    """A tree node: the box around its boxes, whether it is a leaf, and its children
    (for a leaf, the segment starts)."""
    x0, y0, x1, y1 = zip(*(g[:4] for g in group), strict=True)
    inner = tuple(g[4] for g in group) if leaf else tuple(group)
    return (min(x0), min(y0), max(x1), max(y1), leaf, inner)


def _box_distance2(node: tuple, px: float, py: float) -> float:
    x0, y0, x1, y1 = node[0], node[1], node[2], node[3]
    dx = x0 - px if px < x0 else px - x1 if px > x1 else 0.0
    dy = y0 - py if py < y0 else py - y1 if py > y1 else 0.0
    return dx * dx + dy * dy


def position_on_track(track: Track, lat: float, lon: float) -> tuple[float, float, float, datetime | None]:
    """The point of the track nearest a place (a click on the map): (along, lat, lon, time there)."""
    return _TrackIndex(track).position_at(lat, lon)


def guess_camera_offset(
    track: Track, camera_time: datetime, lat: float, lon: float
) -> tuple[int, datetime] | None:
    """The camera offset (seconds to add to the camera's clock) that puts a photo taken at
    ``camera_time`` (as the camera wrote it) where the user says it was taken, and the GPS
    time there; None if the track has no times."""
    if not track.has_times:
        return None
    *_rest, when = _TrackIndex(track).position_at(lat, lon)
    if when is None:
        return None
    return round((when - as_utc(camera_time)).total_seconds()), when


def offset_from_gps_screen(camera_time: datetime, gps_time_shown: datetime) -> int:
    """The offset from a photo of a GPS (or phone) screen: the time on the screen is the true
    local time when the camera's clock said ``camera_time``."""
    return round((as_utc(gps_time_shown) - as_utc(camera_time)).total_seconds())


def describe_offset(seconds: int, lang: str | None = None) -> str:
    """The camera offset in plain words: "The camera's clock was 2 min 10 s behind the GPS"."""
    if not seconds:
        return pick({"da": "Kameraets ur gik rigtigt.", "en": "The camera's clock was right."}, lang)
    amount = _amount(abs(seconds), lang)
    if seconds > 0:
        texts = {
            "da": "Kameraets ur gik {amount} efter GPS'en.",
            "en": "The camera's clock was {amount} behind the GPS.",
        }
    else:
        texts = {
            "da": "Kameraets ur gik {amount} foran GPS'en.",
            "en": "The camera's clock was {amount} ahead of the GPS.",
        }
    return pick(texts, lang).format(amount=amount)


def _amount(seconds: int, lang: str | None) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    units = ("t", "min", "s") if (lang or "") == "da" else ("h", "min", "s")
    parts = [f"{value} {unit}" for value, unit in zip((hours, minutes, secs), units, strict=True) if value]
    return " ".join(parts)


class _TrackIndex:
    """The track's segments in a packed bounding-box tree (nearest-point search) and its points by time.

    Cost is O(points) memory and O(points · log points) time to build, whatever the shape:
    a segment longer than the typical step is indexed as a few pieces (at most three per
    segment on average), never as every grid cell it crosses, so one hop of 460 km costs
    what any other segment costs.
    """

    LEAF = 8

    def __init__(self, track: Track):
        self.track = track
        min_lat, min_lon, max_lat, max_lon = track.bounds
        self.plane = LocalPlane((min_lat + max_lat) / 2, (min_lon + max_lon) / 2)
        points = track.points
        k = math.radians(1) * EARTH_RADIUS_M
        kx, lat0, lon0 = k * math.cos(math.radians(self.plane.lat0)), self.plane.lat0, self.plane.lon0
        self.xy = [((p[1] - lon0) * kx, (p[0] - lat0) * k) for p in points]  # = self.plane.xy, inlined
        self.cum = track.cumulative_m
        self.segment_of: list[int] = []
        self.starts: list[int] = []  # segment i runs from point i to point i + 1
        start = 0
        for number, segment in enumerate(track.segments):
            self.starts.extend(range(start, start + len(segment) - 1))
            self.segment_of += [number] * len(segment)
            start += len(segment)
        self._tree: tuple | None = None
        timed = [(p.time, i) for i, p in enumerate(points) if p.time is not None]
        timed.sort()
        self.times = [t for t, _ in timed]
        self.time_index = [i for _, i in timed]

    # ------------------------------------------------------------------ nearest point
    def _build(self) -> tuple:
        xy, starts = self.xy, self.starts
        lengths = [math.dist(xy[i], xy[i + 1]) for i in starts]
        # Pieces about twice the mean step: at most about three per segment, so boxes stay small
        # (and searches short) in a tangle of GPS jitter as on a straight walk.
        piece = max(1.0, 2 * sum(lengths) / len(starts))
        boxes: list[tuple[float, float, float, float, int]] = []  # x0, y0, x1, y1, segment start
        for i, length in zip(starts, lengths, strict=True):
            (ax, ay), (bx, by) = xy[i], xy[i + 1]
            if length <= piece:
                boxes.append((min(ax, bx), min(ay, by), max(ax, bx), max(ay, by), i))
                continue
            parts = math.ceil(length / piece)
            for k in range(parts):
                f0, f1 = k / parts, (k + 1) / parts
                x0, x1 = ax + f0 * (bx - ax), ax + f1 * (bx - ax)
                y0, y1 = ay + f0 * (by - ay), ay + f1 * (by - ay)
                boxes.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), i))
        # Sort-tile-recursive packing: vertical strips by x, each strip by y, LEAF boxes a node.
        boxes.sort(key=lambda b: b[0] + b[2])
        strips = max(1, math.ceil(math.sqrt(len(boxes) / self.LEAF)))
        per_strip = math.ceil(len(boxes) / strips)
        ordered: list[tuple[float, float, float, float, int]] = []
        for s in range(0, len(boxes), per_strip):
            ordered += sorted(boxes[s : s + per_strip], key=lambda b: b[1] + b[3])
        level = [_node(ordered[k : k + self.LEAF], True) for k in range(0, len(ordered), self.LEAF)]
        while len(level) > 1:
            level = [_node(level[k : k + self.LEAF], False) for k in range(0, len(level), self.LEAF)]
        return level[0]

    def _closest(self, px: float, py: float, limit: float) -> tuple[float, int, float] | None:
        """(squared plane distance, segment start, fraction) of the nearest segment within ``limit``.

        Best-first: boxes come off a heap nearest first, so the search ends as soon as the
        next box is farther than the best segment found. In a pathological tangle (thousands
        of long segments crossing the same spot) it gives up after ``MAX_LEAVES`` leaves with
        the best found so far, which is then within metres of the true nearest.
        """
        if not self.starts:
            return None
        if self._tree is None:
            self._tree = self._build()
        xy = self.xy
        best: tuple[float, int, float] | None = None
        best2 = limit * limit
        # Ties (boxes at distance 0, all of them in a tangle) go deepest-first: a later push is
        # popped first, so the search reaches a leaf at once instead of opening every level.
        heap = [(_box_distance2(self._tree, px, py), 0, self._tree)]
        counter, leaves = -1, 0
        while heap:
            d2, _n, node = heapq.heappop(heap)
            if d2 > best2 or leaves >= MAX_LEAVES:
                break
            if not node[4]:
                for child in node[5]:
                    cd2 = _box_distance2(child, px, py)
                    if cd2 <= best2:
                        heapq.heappush(heap, (cd2, counter, child))
                        counter -= 1
                continue
            leaves += 1
            for i in node[5]:
                (ax, ay), (bx, by) = xy[i], xy[i + 1]
                t, sd2 = project_onto_segment(px, py, ax, ay, bx, by)
                if sd2 <= best2:
                    best2, best = sd2, (sd2, i, t)
            if best2 <= CLOSE_ENOUGH_M**2:
                break  # closer than a GPS fix is accurate: looking further cannot place it better
        return best

    def _point_on(self, i: int, t: float) -> tuple[float, float]:
        a, b = self.track.points[i], self.track.points[i + 1]
        return a.lat + t * (b.lat - a.lat), a.lon + t * (b.lon - a.lon)

    def nearest(self, lat: float, lon: float) -> tuple[float, float] | None:
        """(distance along the track, metres off it) of the nearest track point within reach."""
        px, py = self.plane.xy(lat, lon)
        # The flat plane stretches east-west away from its middle latitude; search wider, then
        # measure the true distance on the earth.
        found = self._closest(px, py, FAR_FROM_ROUTE_M * 2)
        if found is None:
            return None
        _d2, i, t = found
        off = haversine_m(lat, lon, *self._point_on(i, t))
        if off > FAR_FROM_ROUTE_M:
            return None
        return self.cum[i] + t * (self.cum[i + 1] - self.cum[i]), off

    def distance_m(self, lat: float, lon: float) -> float:
        """Distance to the track (for messages)."""
        found = self._closest(*self.plane.xy(lat, lon), math.inf)
        if found is None:
            point = self.track.points[0]
            return haversine_m(lat, lon, point.lat, point.lon)
        return haversine_m(lat, lon, *self._point_on(found[1], found[2]))

    def position_at(self, lat: float, lon: float) -> tuple[float, float, float, datetime | None]:
        """The track point nearest a place anywhere: (along, lat, lon, time there or None)."""
        found = self._closest(*self.plane.xy(lat, lon), math.inf)
        if found is None:
            point = self.track.points[0]
            return 0.0, point.lat, point.lon, point.time
        _d2, i, t = found
        a, b = self.track.points[i], self.track.points[i + 1]
        when = None
        if a.time is not None and b.time is not None:
            when = a.time + (b.time - a.time) * t
        along = self.cum[i] + t * (self.cum[i + 1] - self.cum[i])
        return (along, *self._point_on(i, t), when)

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
