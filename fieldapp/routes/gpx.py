"""Reading a GPX 1.0 or 1.1 file (as phones, watches, loggers and planners write them) into a ``Track``.

The file is read with the standard library's streaming XML parser (expat), one point at
a time, so a 100,000-point logger file costs well under a second and a few tens of MB.
Times stay what GPX says they are: UTC, kept as aware datetimes with their fractions of a
second, so a duration across a daylight-saving change is exact. Points that cannot be
where they claim to be (see ``sanitise``) are left out and counted, not a reason to refuse
the whole file.
"""

from __future__ import annotations

import logging
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cached_property
from itertools import accumulate, pairwise
from typing import NamedTuple

from fieldapp.routes.errors import RouteError
from fieldapp.routes.geometry import _RAD, EARTH_RADIUS_M, haversine_m, step_m

logger = logging.getLogger(__name__)

MAX_GPX_BYTES = 30 * 1024 * 1024  # a day's walk at one point a second is about 5 MB
MAX_POINTS = 250_000

# The impossible-position rule (docs/routes.md): a point is left out when it lies outside
# ±90/±180, is the 0,0 "null island" fix phones write before they have a position, or is a
# short excursion (at most SPIKE_RUN points) that the walker could only have made faster
# than MAX_SPEED_MPS, out and back, between its neighbours. Without times the speed is
# replaced by a distance: a run that jumps more than NO_TIME_JUMP_M away and comes back.
MAX_SPEED_MPS = 100.0  # 360 km/h: faster than anything on the ground
ACCURACY_M = 50.0  # what a phone's fix may be off by; forgiven before the speed is judged
NO_TIME_JUMP_M = 10_000.0
SPIKE_RUN = 5

# GPX never needs a DOCTYPE; refusing one keeps entity-expansion tricks out of the XML parser.
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


class TrackPoint(NamedTuple):
    """One recorded position (a named tuple: a 100,000-point track is built in a blink)."""

    lat: float
    lon: float
    time: datetime | None = None  # aware, UTC
    ele: float | None = None


@dataclass(frozen=True)
class Track:
    """The line that was walked: one or more segments (a pause in recording starts a new one)."""

    segments: tuple[tuple[TrackPoint, ...], ...]
    name: str | None = None
    source: str = "track"  # "track", "route" or "waypoints": what the file held
    version: str | None = None
    dropped: int = 0  # points left out as impossible positions
    # Distance walked up to each point (flattened); jumps between segments do not count.
    # Computed here unless the reader, which measured every step already, passes it.
    cumulative_m: tuple[float, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.cumulative_m) == sum(len(s) for s in self.segments):
            return
        totals: list[float] = []
        walked = 0.0
        for segment in self.segments:
            totals += accumulate(steps_m(segment), initial=walked)
            walked = totals[-1]
        object.__setattr__(self, "cumulative_m", tuple(totals))

    @cached_property
    def points(self) -> tuple[TrackPoint, ...]:
        return tuple(point for segment in self.segments for point in segment)

    @property
    def length_m(self) -> float:
        return self.cumulative_m[-1] if self.cumulative_m else 0.0

    @cached_property
    def has_times(self) -> bool:
        return any(point.time is not None for point in self.points)

    @cached_property
    def start_time(self) -> datetime | None:
        return min((p.time for p in self.points if p.time is not None), default=None)

    @cached_property
    def end_time(self) -> datetime | None:
        return max((p.time for p in self.points if p.time is not None), default=None)

    @property
    def duration(self) -> timedelta | None:
        """From the first to the last recorded time (pauses included: it is how long the walk took)."""
        start, end = self.start_time, self.end_time
        return end - start if start is not None and end is not None and end > start else None

    @cached_property
    def bounds(self) -> tuple[float, float, float, float]:
        """(min_lat, min_lon, max_lat, max_lon)."""
        lats = [p.lat for p in self.points]
        lons = [p.lon for p in self.points]
        return min(lats), min(lons), max(lats), max(lons)

    @property
    def is_loop(self) -> bool:
        """Start and end within a few metres of each other (or of the track's own size)."""
        first, last = self.segments[0][0], self.segments[-1][-1]
        gap = haversine_m(first.lat, first.lon, last.lat, last.lon)
        return gap <= max(30.0, 0.02 * self.length_m)


def parse_gpx(data: bytes, name: str = "spor.gpx") -> Track:
    """Read GPX bytes; raises ``RouteError`` with a user message for anything unusable.

    Tracks are used if the file has any; otherwise a planned route; otherwise its
    waypoints, in time order when they all carry a time (some apps save a walk that way).
    """
    if len(data) > MAX_GPX_BYTES:
        raise RouteError("too_large", name=name, size=len(data) // 2**20, limit=MAX_GPX_BYTES // 2**20)
    if not data.strip():
        raise RouteError("empty", name=name)
    if _DOCTYPE.search(data):
        raise RouteError("doctype", name=name)
    text = _decode(data, name).lstrip("\ufeff")
    # The text is already decoded: an XML declaration naming another encoding would mislead expat.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text, count=1)
    try:
        root = ET.fromstring(text)  # expat in C: a 100,000-point file in about half a second
    except ET.ParseError as error:
        raise RouteError("not_gpx", name=name, detail=_short(error)) from error
    del text
    if _local(root.tag) != "gpx":
        raise RouteError("not_gpx", name=name, detail="<gpx> mangler / missing")
    reader = _Reader(name, root)
    del root
    if reader.count > MAX_POINTS:
        raise RouteError("too_many_points", name=name, count=reader.count, limit=MAX_POINTS)

    source, segments = "track", [s for t in reader.tracks for s in t]
    if not any(len(s) >= 2 for s in segments):
        source, segments = "route", reader.routes
    if not any(len(s) >= 2 for s in segments):
        source, waypoints = "waypoints", list(reader.waypoints)
        if waypoints and all(p.time is not None for p in waypoints):
            waypoints.sort(key=lambda p: p.time or datetime.min)
        segments = [waypoints]
    dropped = reader.invalid if source != "waypoints" else reader.invalid_waypoints
    cleaned: list[list[TrackPoint]] = []
    totals: list[float] = []
    walked = 0.0
    for segment in segments:
        steps = steps_m(segment)
        kept, lost = sanitise(segment, speed_rule=source != "route", steps=steps)
        dropped += lost
        if len(kept) < 2:
            continue
        cleaned.append(kept)
        totals += accumulate(steps if not lost else steps_m(kept), initial=walked)
        walked = totals[-1]
    if not cleaned:
        raise RouteError("no_points", name=name)
    title = reader.document_name or reader.track_name
    if dropped:
        logger.info("route %s: %d impossible points left out", name, dropped)
    return Track(
        segments=tuple(tuple(s) for s in cleaned),
        name=(title or None) and title.strip()[:200] or None,
        source=source,
        version=reader.version,
        dropped=dropped,
        cumulative_m=tuple(totals),
    )


def sanitise(
    points: list[TrackPoint], speed_rule: bool = True, steps: list[float] | None = None
) -> tuple[list[TrackPoint], int]:
    """The points that could be real, and how many were left out (rule: module docstring).

    ``steps`` are the distances between neighbours if the caller measured them already."""
    if not speed_rule or len(points) < 3:
        return list(points), 0
    if all(_fast_possible(points, steps if steps is not None else steps_m(points))):
        return list(points), 0
    kept: list[TrackPoint] = []
    dropped, i, n = 0, 0, len(points)
    while i < n:
        point = points[i]
        if not kept:
            # A first point that cannot reach the second, while the second and third agree.
            if (
                i + 2 < n
                and not _possible(point, points[i + 1])
                and _possible(points[i + 1], points[i + 2])
                and not _possible(point, points[i + 2])
            ):
                dropped += 1
            else:
                kept.append(point)
            i += 1
            continue
        anchor = kept[-1]
        if _possible(anchor, point):
            kept.append(point)
            i += 1
            continue
        # Out and back again: the walk resumes where it could be (reachable from the anchor),
        # and the excursion's last point could not have reached it either.
        back = next(
            (
                j
                for j in range(i + 1, min(n, i + 1 + SPIKE_RUN))
                if _possible(anchor, points[j]) and not _possible(points[j - 1], points[j])
            ),
            None,
        )
        if back is not None:
            dropped += back - i
            i = back
        elif i == n - 1 and _timed_jump(anchor, point) and len(kept) >= 2 and _possible(kept[-2], anchor):
            dropped += 1  # a last fix flung far away within seconds of a plausible walk
            i += 1
        else:  # a real jump (a train ride while the logger slept): kept
            kept.append(point)
            i += 1
    return kept, dropped


def steps_m(points: Sequence[TrackPoint]) -> list[float]:
    """Distances between neighbouring points (``step_m`` inlined: this runs over every point)."""
    cos, sqrt, k = math.cos, math.sqrt, EARTH_RADIUS_M * _RAD
    out = []
    for a, b in pairwise(points):
        dlat, dlon = b[0] - a[0], b[1] - a[1]
        if -0.05 < dlat < 0.05 and -0.05 < dlon < 0.05:
            x = dlon * cos((a[0] + b[0]) * (_RAD / 2))
            out.append(k * sqrt(x * x + dlat * dlat))
        else:
            out.append(haversine_m(a[0], a[1], b[0], b[1]))
    return out


def _fast_possible(points: Sequence[TrackPoint], steps: list[float]):
    """``_possible`` for each pair of neighbours, given their distances."""
    for (a, b), distance in zip(pairwise(points), steps, strict=True):
        if a[2] is not None and b[2] is not None:
            yield distance - ACCURACY_M <= MAX_SPEED_MPS * abs((b[2] - a[2]).total_seconds())
        else:
            yield distance <= NO_TIME_JUMP_M


def _possible(a: TrackPoint, b: TrackPoint) -> bool:
    distance = step_m(a.lat, a.lon, b.lat, b.lon)
    if a.time is not None and b.time is not None:
        seconds = abs((b.time - a.time).total_seconds())
        return distance - ACCURACY_M <= MAX_SPEED_MPS * seconds
    return distance <= NO_TIME_JUMP_M


def _timed_jump(a: TrackPoint, b: TrackPoint) -> bool:
    return a.time is not None and b.time is not None and not _possible(a, b)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


class _Reader:
    """The points, names and version of a parsed GPX tree (GPX 1.0 or 1.1, any namespace)."""

    def __init__(self, name: str, root: ET.Element):
        self.name = name
        ns = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
        self.ns = ns
        self.version = root.get("version")
        self.count = 0
        self.invalid = 0  # trkpt/rtept with impossible coordinates
        self.invalid_waypoints = 0
        self.document_name = _text(root.find(f"{ns}metadata/{ns}name")) or _text(root.find(f"{ns}name"))
        tracks = root.findall(f"{ns}trk")
        self.track_name = next((t for t in (_text(trk.find(f"{ns}name")) for trk in tracks) if t), None)
        self.count = (
            sum(len(seg) for trk in tracks for seg in trk.iterfind(f"{ns}trkseg"))
            + sum(len(rte) for rte in root.iterfind(f"{ns}rte"))
            + len(root.findall(f"{ns}wpt"))
        )  # children, not only points: an upper bound that keeps the check before the work
        if self.count > MAX_POINTS:
            self.count = sum(1 for _ in root.iter(f"{ns}trkpt")) + sum(1 for _ in root.iter(f"{ns}rtept"))
            self.count += len(root.findall(f"{ns}wpt"))
            if self.count > MAX_POINTS:
                return
        self.tracks = [
            [self._points(seg.iterfind(f"{ns}trkpt"), False) for seg in trk.iterfind(f"{ns}trkseg")]
            for trk in tracks
        ]
        self.routes = [self._points(rte.iterfind(f"{ns}rtept"), False) for rte in root.iterfind(f"{ns}rte")]
        self.waypoints = self._points(root.iterfind(f"{ns}wpt"), True)

    def _points(self, elements, waypoints: bool) -> list[TrackPoint]:
        # The loop runs once per point (100,000 in a day's logging): the common cases are inlined.
        time_tag, ele_tag = f"{self.ns}time", f"{self.ns}ele"
        fromisoformat, make, utc = datetime.fromisoformat, tuple.__new__, UTC
        points: list[TrackPoint] = []
        append = points.append
        for element in elements:
            try:
                lat, lon = float(element.get("lat", "")), float(element.get("lon", ""))
            except (TypeError, ValueError) as error:
                detail = f"lat={element.get('lat')!r} lon={element.get('lon')!r}"
                raise RouteError("not_gpx", name=self.name, detail=detail[:160]) from error
            if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
                if waypoints:
                    self.invalid_waypoints += 1
                else:
                    self.invalid += 1
                continue
            text = element.findtext(time_tag)
            when = None
            if text:
                try:
                    when = fromisoformat(text)
                except ValueError:
                    when = parse_time(text)
                else:
                    if when.tzinfo is not utc:
                        when = parse_time(text)
            ele = element.findtext(ele_tag)
            append(make(TrackPoint, (lat, lon, when, _number(ele) if ele else None)))
        return points


def _text(element: ET.Element | None) -> str | None:
    return element.text.strip() or None if element is not None and element.text else None


def parse_time(text: str | None) -> datetime | None:
    """A GPX time as an aware UTC datetime (a time without a zone is UTC, as the standard says)."""
    if not text:
        return None
    text = text.strip()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        # More than six decimals ("…:05.1234567Z") or a lower-case "z".
        match = re.match(r"^(.*?T\d\d:\d\d:\d\d)(?:\.(\d+))?([zZ]|[+-]\d\d:?\d\d)?$", text)
        if not match:
            return None
        fraction = (match.group(2) or "")[:6]
        zone = match.group(3) or ""
        try:
            moment = datetime.fromisoformat(
                match.group(1)
                + (f".{fraction.ljust(6, '0')}" if fraction else "")
                + ("Z" if zone in "zZ" else zone)
            )
        except ValueError:
            return None
    if moment.tzinfo is UTC:
        return moment
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


def _number(text: str | None) -> float | None:
    try:
        value = float(text)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


_ENCODING = re.compile(rb"""^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def _decode(data: bytes, name: str) -> str:
    """The file's text in the encoding it declares (UTF-8 if none; Latin-1 as a last resort)."""
    declared = _ENCODING.match(data[:200])
    candidates = [declared.group(1).decode("ascii")] if declared else []
    for encoding in (*candidates, "utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise RouteError("not_gpx", name=name, detail="encoding")  # pragma: no cover - latin-1 decodes anything


def _short(error: Exception) -> str:
    text = " ".join(str(error).split())
    return text[:160] + "…" if len(text) > 160 else text
