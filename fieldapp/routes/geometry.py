"""Distances on the earth and fitting a track into a drawing; pure arithmetic.

Walks are a few kilometres long, so a local flat projection (equirectangular around
the track's middle latitude) is exact enough for drawing and for finding the
nearest point; lengths use the haversine formula.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

EARTH_RADIUS_M = 6_371_008.8  # mean radius


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


_RAD = math.pi / 180


def step_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in metres between neighbouring track points: the flat-earth formula where it is
    exact to well under a millimetre per step (a few kilometres), haversine beyond."""
    dlat, dlon = lat2 - lat1, lon2 - lon1
    if -0.05 < dlat < 0.05 and -0.05 < dlon < 0.05:
        x = dlon * math.cos((lat1 + lat2) * (_RAD / 2))
        return EARTH_RADIUS_M * _RAD * math.sqrt(x * x + dlat * dlat)
    return haversine_m(lat1, lon1, lat2, lon2)


def path_length_m(points: Iterable[tuple[float, float]]) -> float:
    total, previous = 0.0, None
    for lat, lon in points:
        if previous is not None:
            total += haversine_m(previous[0], previous[1], lat, lon)
        previous = (lat, lon)
    return total


@dataclass(frozen=True)
class LocalPlane:
    """Metres east and north of a reference point (good to a few metres over a town)."""

    lat0: float
    lon0: float

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        k = math.radians(1) * EARTH_RADIUS_M
        return (lon - self.lon0) * k * math.cos(math.radians(self.lat0)), (lat - self.lat0) * k


def project_onto_segment(
    px: float, py: float, ax: float, ay: float, bx: float, by: float
) -> tuple[float, float]:
    """(fraction along a→b of the point nearest p, squared distance to it)."""
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    nx, ny = ax + t * dx - px, ay + t * dy - py
    return t, nx * nx + ny * ny


@dataclass(frozen=True)
class Projection:
    """Maps lat/lon into a box of ``width`` × ``height`` units, keeping the shape (north up).

    ``y_down`` is True for screens (Qt) and False for PDF coordinates (reportlab).
    """

    lat0: float
    lon0: float
    scale: float  # drawing units per metre
    offset_x: float
    offset_y: float
    height: float
    y_down: bool

    @classmethod
    def fit(
        cls,
        bounds: tuple[float, float, float, float],
        width: float,
        height: float,
        margin: float = 0.0,
        y_down: bool = True,
    ) -> Projection:
        min_lat, min_lon, max_lat, max_lon = bounds
        plane = LocalPlane((min_lat + max_lat) / 2, (min_lon + max_lon) / 2)
        x1, y1 = plane.xy(min_lat, min_lon)
        x2, y2 = plane.xy(max_lat, max_lon)
        span_x, span_y = max(x2 - x1, 1.0), max(y2 - y1, 1.0)  # a one-point "track" still gets a scale
        usable_w, usable_h = max(width - 2 * margin, 1.0), max(height - 2 * margin, 1.0)
        scale = min(usable_w / span_x, usable_h / span_y)
        # Centre the drawing in the box.
        offset_x = margin + (usable_w - (x2 - x1) * scale) / 2 - x1 * scale
        offset_y = margin + (usable_h - (y2 - y1) * scale) / 2 - y1 * scale
        return cls(plane.lat0, plane.lon0, scale, offset_x, offset_y, height, y_down)

    def __call__(self, lat: float, lon: float) -> tuple[float, float]:
        x, y = LocalPlane(self.lat0, self.lon0).xy(lat, lon)
        px, py = x * self.scale + self.offset_x, y * self.scale + self.offset_y
        return (px, self.height - py) if self.y_down else (px, py)

    def all(self, points: Iterable[Sequence[Any]]) -> list[tuple[float, float]]:
        """``self(lat, lon)`` for many (lat, lon, …) points at once (a track's worth)."""
        k = math.radians(1) * EARTH_RADIUS_M
        kx, ky = k * math.cos(math.radians(self.lat0)) * self.scale, k * self.scale
        ox, oy = self.offset_x - self.lon0 * kx, self.offset_y - self.lat0 * ky
        if self.y_down:
            h = self.height
            return [(p[1] * kx + ox, h - (p[0] * ky + oy)) for p in points]
        return [(p[1] * kx + ox, p[0] * ky + oy) for p in points]

    def inverse(self, x: float, y: float) -> tuple[float, float]:
        """The (lat, lon) drawn at (x, y): where a click on the map points."""
        if self.y_down:
            y = self.height - y
        k = math.radians(1) * EARTH_RADIUS_M
        mx, my = (x - self.offset_x) / self.scale, (y - self.offset_y) / self.scale
        return self.lat0 + my / k, self.lon0 + mx / (k * math.cos(math.radians(self.lat0)))

    def metres_per_unit(self) -> float:
        return 1 / self.scale if self.scale else 0.0


def thin(points: Sequence[tuple[float, float]], min_step: float) -> list[tuple[float, float]]:
    """Drop drawing points closer than ``min_step`` to the last one kept (ends always kept)."""
    if len(points) <= 2:
        return list(points)
    kept = [points[0]]
    limit = min_step * min_step
    for x, y in points[1:-1]:
        lx, ly = kept[-1]
        if (x - lx) ** 2 + (y - ly) ** 2 >= limit:
            kept.append((x, y))
    kept.append(points[-1])
    return kept


def thin_segments(
    segments: Sequence[Sequence[tuple[float, float]]], min_step: float, budget: int = 2500
) -> list[list[tuple[float, float]]]:
    """Each segment thinned to points at least ``min_step`` apart, the step doubled until all
    segments together have at most ``budget`` points: a drawing costs the same for a tangle of
    100,000 jittering fixes as for a tidy walk (and looks the same: the points left out are
    closer together than the line is wide, or the tangle is a blot either way)."""
    step = min_step
    while True:
        thinned = [thin(segment, step) for segment in segments]
        count = sum(len(s) for s in thinned)
        if count <= budget or step > 1e6:
            return thinned
        # Points along a line go as length / step: aim straight for the budget.
        step *= max(2.0, 1.2 * count / budget)


def nice_scale_bar(metres_per_unit: float, max_units: float) -> tuple[float, float]:
    """A round length (1, 2 or 5 × 10ⁿ metres) that fits in ``max_units``: (metres, units)."""
    if metres_per_unit <= 0:
        return 0.0, 0.0
    limit = max_units * metres_per_unit
    best = 1.0
    for exponent in range(7):
        for step in (1, 2, 5):
            candidate = step * 10**exponent
            if candidate <= limit:
                best = candidate
    return best, best / metres_per_unit


def format_distance(metres: float, lang: str = "da") -> str:
    if metres < 1000:
        return f"{round(metres)} m"
    km = f"{metres / 1000:.1f}" if metres < 100_000 else f"{metres / 1000:.0f}"
    return (km.replace(".", ",") if lang == "da" else km) + " km"


def format_duration(seconds: float | None, lang: str = "da") -> str:
    if seconds is None:
        return ""
    minutes = round(seconds / 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours} t {minutes:02d} min" if lang == "da" else f"{hours} h {minutes:02d} min"
    return f"{minutes} min"
