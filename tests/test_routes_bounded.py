"""Placing on a route costs O(points) memory and time whatever the geometry (issue 16.1).

The old index put every segment into each 200 m grid cell of its bounding box, so one
460 km hop between two points filled millions of cells (10 s, 1.2 GB). These tests measure
the memory the placement takes with ``tracemalloc``: it must not grow with the area a hop spans.
"""

import tracemalloc
from datetime import datetime, timedelta

import pytest
from route_files import START, gpx11, walk

from fieldapp.routes import Placeable, parse_gpx, place_on_track
from fieldapp.routes.placement import PHOTO

T0 = datetime(2026, 5, 1, 10, 0, 0)


def _peak_mb(action) -> tuple[object, float]:
    tracemalloc.start()
    try:
        result = action()
        return result, tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def _hop_file(km: float):
    """Two points in Barrit, a hop of ``km`` diagonally (a logger that slept on a train), two more."""
    here = walk(T0, count=2)
    degrees = km / 111 / 1.41
    there = walk(T0 + timedelta(hours=5), count=2, origin=(START[0] + degrees, START[1] + degrees * 1.8))
    return parse_gpx(gpx11([here + there]).encode(), "hop.gpx")


@pytest.mark.parametrize("km", [0.5, 460, 4000])
def test_a_long_hop_costs_no_more_than_a_short_one(km):
    track = _hop_file(km)
    first = track.points[0]
    items = [
        Placeable(PHOTO, "near", "ved start", first.lat + 0.0001, first.lon),
        Placeable(PHOTO, "far", "langt væk", first.lat + 1.0, first.lon + 1.0),
        Placeable(PHOTO, "when", "efter tid", time=T0 + timedelta(seconds=30)),
    ]
    plan, peak = _peak_mb(lambda: place_on_track(track, items))
    assert peak < 2, f"{km} km hop: {peak:.1f} MB"
    assert [p.item.id for p in plan.placed] == ["near", "when"]
    [far] = plan.unplaced
    assert far.reason == "far_from_route" and "m fra ruten" in far.message("da")


def test_a_long_logger_track_places_in_memory_proportional_to_its_points():
    # A day's logging at one point a second with a zig-zag, 20,000 points.
    points = [
        (
            START[0] + (i % 200) * 0.00002 + (i // 200) * 0.0001,
            START[1] + i * 0.000013,
            T0 + timedelta(seconds=i),
        )
        for i in range(20_000)
    ]
    track = parse_gpx(gpx11([points]).encode(), "logger.gpx")
    items = [Placeable(PHOTO, f"p{k}", str(k), time=T0 + timedelta(seconds=97 * k)) for k in range(100)]
    items += [
        Placeable(PHOTO, f"g{k}", str(k), points[k * 150][0], points[k * 150][1] + 0.00001)
        for k in range(100)
    ]
    plan, peak = _peak_mb(lambda: place_on_track(track, items))
    assert len(plan.placed) == 200 and plan.unplaced == ()
    assert peak < 20, f"{peak:.1f} MB for 20,000 points"
    # In walking order: every GPS-placed photo sits where it was taken.
    alongs = [p.along_m for p in plan.placed]
    assert alongs == sorted(alongs)
    assert max(p.off_route_m for p in plan.placed if p.method == "gps") < 2


def test_a_drawing_of_any_track_has_at_most_its_budget_of_points():
    import random

    from fieldapp.routes.geometry import thin, thin_segments

    rng = random.Random(16)
    tangle = [(rng.uniform(0, 400), rng.uniform(0, 300)) for _ in range(100_000)]  # GPS jitter, drawn
    many = [[(k, 0.0), (k + 0.5, 1.0)] for k in range(0, 3000)]  # many two-point segments
    for segments, budget in (([tangle], 2000), (many, 6000), ([tangle[:50]], 2000)):
        thinned = thin_segments(segments, 1.5, budget)
        assert sum(len(s) for s in thinned) <= budget
        assert all(s[0] == o[0] and s[-1] == o[-1] for s, o in zip(thinned, segments, strict=True))
    # A tidy walk under the budget is drawn exactly as thin() draws it.
    walk_xy = [(i * 0.3, i * 0.2) for i in range(1000)]
    assert thin_segments([walk_xy], 1.5, 2000) == [thin(walk_xy, 1.5)]
