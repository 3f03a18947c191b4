"""Walkabout routes: GPX tracks, their length and duration, and what was seen where.

``gpx`` reads a file into a ``Track``; ``geometry`` measures and projects it;
``placement`` puts observations and photos on it. All three are pure Python with no
I/O of their own. ``service`` ties them to a ``Store`` (the GPX file is an attachment,
so the route syncs like everything else). Nothing here imports Qt.
"""

from fieldapp.routes.errors import RouteError
from fieldapp.routes.geometry import Projection, haversine_m
from fieldapp.routes.gpx import MAX_GPX_BYTES, MAX_POINTS, Track, TrackPoint, parse_gpx
from fieldapp.routes.placement import Placeable, Placement, RoutePlan, Unplaced, place_on_track

__all__ = [
    "MAX_GPX_BYTES",
    "MAX_POINTS",
    "Placeable",
    "Placement",
    "Projection",
    "RouteError",
    "RoutePlan",
    "Track",
    "TrackPoint",
    "Unplaced",
    "haversine_m",
    "parse_gpx",
    "place_on_track",
]
