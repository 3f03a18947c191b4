"""Reading a GPX 1.0 or 1.1 file (as phones and GPS devices write them) into a ``Track``.

Times in GPX are UTC. Feltbog keeps times as local wall-clock time (see
``fieldapp.domain.fields.parse_datetime``), so track times are converted to the
laptop's local time here, once, and everything after compares like with like.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cached_property

from fieldapp.routes.errors import RouteError
from fieldapp.routes.geometry import haversine_m

logger = logging.getLogger(__name__)

MAX_GPX_BYTES = 30 * 1024 * 1024  # a day's walk at one point a second is about 5 MB
MAX_POINTS = 250_000

# GPX never needs a DOCTYPE; refusing one keeps entity-expansion tricks out of the XML parser.
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_GPX_ROOT = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?gpx[\s>/]")


@dataclass(frozen=True)
class TrackPoint:
    lat: float
    lon: float
    time: datetime | None = None  # naive local time
    ele: float | None = None


@dataclass(frozen=True)
class Track:
    """The line that was walked: one or more segments (a pause in recording starts a new one)."""

    segments: tuple[tuple[TrackPoint, ...], ...]
    name: str | None = None
    source: str = "track"  # "track", "route" or "waypoints": what the file held
    version: str | None = None
    cumulative_m: tuple[float, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Distance walked up to each point (flattened); jumps between segments do not count.
        totals, walked = [], 0.0
        for segment in self.segments:
            previous = None
            for point in segment:
                if previous is not None:
                    walked += haversine_m(previous.lat, previous.lon, point.lat, point.lon)
                totals.append(walked)
                previous = point
        object.__setattr__(self, "cumulative_m", tuple(totals))

    @cached_property
    def points(self) -> tuple[TrackPoint, ...]:
        return tuple(point for segment in self.segments for point in segment)

    @property
    def length_m(self) -> float:
        return self.cumulative_m[-1] if self.cumulative_m else 0.0

    @property
    def has_times(self) -> bool:
        return any(point.time is not None for point in self.points)

    @property
    def start_time(self) -> datetime | None:
        return min((p.time for p in self.points if p.time is not None), default=None)

    @property
    def end_time(self) -> datetime | None:
        return max((p.time for p in self.points if p.time is not None), default=None)

    @property
    def duration(self) -> timedelta | None:
        """From the first to the last recorded time (pauses included: it is how long the walk took)."""
        start, end = self.start_time, self.end_time
        return end - start if start is not None and end is not None and end > start else None

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(min_lat, min_lon, max_lat, max_lon)."""
        lats = [p.lat for p in self.points]
        lons = [p.lon for p in self.points]
        return min(lats), min(lons), max(lats), max(lons)


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
    import gpxpy
    import gpxpy.gpx

    text = _decode(data, name)
    # An XML declaration naming an encoding is refused for str input by some parsers.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text, count=1)
    if not _GPX_ROOT.search(text):
        raise RouteError("not_gpx", name=name, detail="<gpx> mangler / missing")
    try:
        document = gpxpy.parse(text)
    except gpxpy.gpx.GPXException as error:
        raise RouteError("not_gpx", name=name, detail=_short(error)) from error
    except (ValueError, TypeError, AttributeError) as error:  # malformed values gpxpy does not wrap
        raise RouteError("not_gpx", name=name, detail=_short(error)) from error

    count = sum(len(s.points) for t in document.tracks for s in t.segments)
    count += sum(len(r.points) for r in document.routes) + len(document.waypoints)
    if count > MAX_POINTS:
        raise RouteError("too_many_points", name=name, count=count, limit=MAX_POINTS)

    segments = [
        [_point(p, name) for p in segment.points] for track in document.tracks for segment in track.segments
    ]
    source = "track"
    if not any(len(s) >= 2 for s in segments):
        source = "route"
        segments = [[_point(p, name) for p in route.points] for route in document.routes]
    if not any(len(s) >= 2 for s in segments):
        source = "waypoints"
        waypoints = [_point(p, name) for p in document.waypoints]
        if waypoints and all(p.time is not None for p in waypoints):
            waypoints.sort(key=lambda p: p.time or datetime.min)
        segments = [waypoints]
    segments = [s for s in segments if len(s) >= 2]
    if not segments:
        raise RouteError("no_points", name=name)
    title = document.name or next((t.name for t in document.tracks if t.name), None)
    return Track(
        segments=tuple(tuple(s) for s in segments),
        name=(title or None) and title.strip()[:200],
        source=source,
        version=document.version,
    )


_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def _decode(data: bytes, name: str) -> str:
    """The file's text in the encoding it declares (UTF-8 if none; Latin-1 as a last resort)."""
    declared = _ENCODING.match(data[:200])
    candidates = [declared.group(1).decode("ascii")] if declared else []
    for encoding in (*candidates, "utf-8-sig", "latin-1"):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise RouteError("not_gpx", name=name, detail="encoding")  # pragma: no cover - latin-1 decodes anything


def _point(point, name: str) -> TrackPoint:
    lat, lon = point.latitude, point.longitude
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise RouteError("bad_coordinate", name=name, lat=lat, lon=lon)
    return TrackPoint(lat=float(lat), lon=float(lon), time=_local(point.time), ele=point.elevation)


def _local(moment: datetime | None) -> datetime | None:
    """GPX times are UTC (a time without a zone is read as UTC, as the standard says)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone().replace(tzinfo=None, microsecond=0)
    except (OverflowError, OSError, ValueError):
        return None


def _short(error: Exception) -> str:
    text = " ".join(str(error).split())
    return text[:160] + "…" if len(text) > 160 else text
