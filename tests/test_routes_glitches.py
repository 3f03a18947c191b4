"""Real-world glitches in GPX files and photos (issue 16.2)."""

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from route_files import START, STEP, damaged_photo, gpx11, photo, walk, write

from fieldapp.domain import Activity, Attachment
from fieldapp.routes import parse_gpx, service
from fieldapp.routes.geometry import haversine_m
from fieldapp.routes.gpx import TrackPoint, sanitise
from fieldapp.store.attachments import read_photo_metadata

DATA = Path(__file__).parent / "data" / "gpx"
T0 = datetime(2026, 5, 1, 10, 0, 0)


def _at(i: float) -> tuple[float, float]:
    return START[0] + i * STEP[0], START[1] + i * STEP[1]


@pytest.fixture
def copenhagen(monkeypatch):
    """The laptop's clock in Danish time (summer time from 29 March 2026, 02:00 → 03:00)."""
    monkeypatch.setenv("TZ", "Europe/Copenhagen")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def walkabout(store, tmp_path):
    activity = store.add(Activity(kind="walkabout", title="Byvandring i Barrit", starts_at=T0))
    service.import_gpx(store, activity.id, write(tmp_path / "barrit.gpx", gpx11([walk(T0, count=11)])))
    return store.get(Activity, activity.id)


# ---------------------------------------------------------------- impossible points
def test_a_null_island_fix_and_a_one_second_jump_to_oslo_are_left_out_with_a_note():
    track = parse_gpx((DATA / "garmin_connect_extensions.gpx").read_bytes(), "garmin.gpx")
    assert track.dropped == 2 and len(track.points) == 5
    assert all(55 < p.lat < 56 for p in track.points)
    assert track.length_m < 500  # four steps of about 91 m, not a trip to Oslo and back
    assert service.dropped_note(track, "da") == "2 punkter med umulige positioner blev udeladt"
    assert service.dropped_note(track, "en") == "2 points with impossible positions were left out"


def test_a_latitude_outside_90_is_left_out_not_a_refusal():
    points = walk(T0, count=4)
    text = gpx11([points]).replace(f'lat="{points[2][0]}"', 'lat="95.5"')
    track = parse_gpx(text.encode())
    assert track.dropped == 1 and len(track.points) == 3


def _pt(lat, lon, seconds=None):
    return TrackPoint(
        lat,
        lon,
        None if seconds is None else datetime(2026, 5, 1, 8, tzinfo=UTC) + timedelta(seconds=seconds),
    )


def test_the_speed_rule_keeps_real_jumps_and_fast_travel():
    # A train ride while the logger slept: 150 km in two hours is possible, so it stays.
    slept = [_pt(55.78, 9.89, 0), _pt(55.781, 9.891, 60), _pt(55.68, 12.57, 7200), _pt(55.681, 12.571, 7260)]
    assert sanitise(slept) == (slept, 0)
    # A bus at 25 m/s, one fix a second: nothing is impossible.
    bus = [_pt(55.78 + i * 0.000225, 9.89, i) for i in range(10)]
    assert sanitise(bus) == (bus, 0)
    # The same 150 km "in a second" is a spike only if the walk comes back.
    spike = [_pt(55.78, 9.89, 0), _pt(55.781, 9.891, 60), _pt(55.68, 12.57, 61), _pt(55.782, 9.892, 120)]
    assert sanitise(spike) == ([spike[0], spike[1], spike[3]], 1)
    # Without times: a jump of more than 10 km that comes straight back is a spike; a long leg is not.
    untimed = [_pt(55.78, 9.89), _pt(55.781, 9.891), _pt(56.5, 9.9), _pt(55.782, 9.892), _pt(55.783, 9.893)]
    assert sanitise(untimed)[1] == 1
    legs = [_pt(55.78, 9.89), _pt(56.0, 10.2), _pt(56.2, 10.5)]
    assert sanitise(legs) == (legs, 0)


# ---------------------------------------------------------------- times
def test_durations_across_the_change_to_summer_time_are_exact_to_the_fraction(copenhagen):
    track = parse_gpx((DATA / "wahoo_bom_subseconds.gpx").read_bytes(), "wahoo.gpx")
    assert len(track.segments) == 2
    # 01:58:59.25 winter time to 03:21:00 summer time is 22 minutes and 0.75 s, not 1 h 22 min.
    assert track.duration == timedelta(minutes=22, seconds=0.75)
    assert track.points[1].time == datetime(2026, 3, 29, 0, 59, 59, 750000, tzinfo=UTC)
    assert track.points[3].time.microsecond == 123456  # seven decimals kept to the microsecond


def test_a_photo_is_placed_by_time_across_the_change_to_summer_time(store, tmp_path, copenhagen):
    activity = store.add(
        Activity(kind="walkabout", title="Nattevandring", starts_at=datetime(2026, 3, 29, 1, 50))
    )
    # The walk: 01:50 to 03:20 local (00:50 to 01:20 UTC), one point a minute.
    start = datetime(2026, 3, 29, 0, 50, tzinfo=UTC)
    points = [
        (START[0] + i * STEP[0], START[1] + i * STEP[1], start + timedelta(minutes=i)) for i in range(31)
    ]
    service.import_gpx(store, activity.id, write(tmp_path / "nat.gpx", gpx11([points])))
    # The camera (right clock, Danish time) took a photo at 03:05 summer time = 01:05 UTC: point 15.
    store.import_attachment(photo(tmp_path / "nat.jpg", datetime(2026, 3, 29, 3, 5)), activity_id=activity.id)
    [placed] = service.route_plan(store, activity.id).placed
    assert (placed.lat, placed.lon) == pytest.approx(_at(15), abs=1e-6)
    assert service.route_plan(store, activity.id).track.duration == timedelta(minutes=30)


def test_photo_time_is_date_time_original_then_digitized_never_the_edit_time(tmp_path):
    shot, scanned, edited = (
        datetime(2026, 5, 1, 10, 2),
        datetime(2026, 5, 1, 10, 4),
        datetime(2026, 6, 9, 21, 0),
    )
    assert read_photo_metadata(photo(tmp_path / "a.jpg", shot, edited=edited))["taken_at"] == shot
    assert (
        read_photo_metadata(photo(tmp_path / "b.jpg", None, digitized=scanned, edited=edited))["taken_at"]
        == scanned
    )
    assert "taken_at" not in read_photo_metadata(photo(tmp_path / "c.jpg", None, edited=edited))


def test_a_photo_with_only_an_edit_time_is_unknown_and_the_user_can_place_it(store, walkabout, tmp_path):
    edited = store.import_attachment(
        photo(tmp_path / "redigeret.jpg", None, edited=T0 + timedelta(minutes=3)), activity_id=walkabout.id
    )
    plan = service.route_plan(store, walkabout.id)
    [why] = plan.unplaced
    assert why.item.id == edited.id and why.reason == "no_position_or_time"
    assert "klik på ruten" in why.message("da") and "click the route" in why.message("en")
    # The user clicks near step 4 (20 m off the line): it goes onto the route there.
    service.place_by_hand(store, plan, why.item, _at(4)[0] + 0.0002, _at(4)[1] - 0.0001)
    [placed] = service.route_plan(store, walkabout.id).placed
    assert placed.item.id == edited.id and placed.method == "saved"
    assert haversine_m(placed.lat, placed.lon, *_at(4)) < 25


def test_the_outside_track_message_shows_camera_time_and_corrected_time(store, walkabout, tmp_path):
    store.update(Activity, walkabout.id, camera_offset_s=130)
    store.import_attachment(photo(tmp_path / "sen.jpg", T0 + timedelta(hours=2)), activity_id=walkabout.id)
    [why] = service.route_plan(store, walkabout.id).unplaced
    assert why.message("da") == (
        "blev taget uden for sporets tidsrum 2026-05-01 10:00:00 – 10:10:00 "
        "(kameraets ur: 2026-05-01 12:00:00; rettet: 2026-05-01 12:02:10)"
    )
    assert "camera clock: 2026-05-01 12:00:00; corrected: 2026-05-01 12:02:10" in why.message("en")


# ---------------------------------------------------------------- a photo's own position
def test_placing_by_time_never_overwrites_the_photos_own_gps(store, walkabout, tmp_path):
    # The phone's GPS put the photo 2 km away (a stale fix); its time says step 3.
    stale = (START[0] + 0.018, START[1])
    picture = store.import_attachment(
        photo(tmp_path / "stale.jpg", T0 + timedelta(minutes=3), *stale), activity_id=walkabout.id
    )
    plan = service.route_plan(store, walkabout.id)
    [placed] = plan.placed
    assert placed.method == "time" and (placed.lat, placed.lon) == pytest.approx(_at(3), abs=1e-6)
    assert (placed.item.recorded_lat, placed.item.recorded_lon) == pytest.approx(stale, abs=1e-6)
    assert not placed.shows_recorded_position
    assert service.save_positions(store, plan) == 0
    kept = store.get(Attachment, picture.id)
    assert (kept.lat, kept.lon) == pytest.approx(stale, abs=1e-6)
    with pytest.raises(service.RouteError) as caught:
        service.place_by_hand(store, plan, placed.item, *_at(5))
    assert "egen GPS-position" in caught.value.message("da")


# ---------------------------------------------------------------- damaged photos
def test_a_damaged_photo_gives_one_warning_by_name_without_a_path(store, walkabout, tmp_path):
    folder = tmp_path / "kort"
    folder.mkdir()
    photo(folder / "IMG_0001.jpg", T0 + timedelta(minutes=2))
    damaged_photo(folder / "IMG_0002.jpg")
    (folder / "noter.txt").write_text("ikke et billede", encoding="utf-8")
    result = service.import_photos(store, walkabout.id, service.photos_in(folder))
    assert [a.filename for a in result.added] == ["IMG_0001.jpg"]
    [warning] = result.warnings
    assert warning.message("da") == "Billedet »IMG_0002.jpg« er beskadiget og blev ikke lagt ind."
    assert warning.message("en") == "The photo 'IMG_0002.jpg' is damaged and was not added."
    assert str(tmp_path) not in warning.message("da")


def test_a_stored_photo_that_cannot_be_read_is_named_once_in_the_plan(store, walkabout, tmp_path):
    bad = tmp_path / "ødelagt.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    store.import_attachment(bad, activity_id=walkabout.id)
    plan = service.route_plan(store, walkabout.id)
    assert plan.damaged == ("ødelagt.jpg",) and plan.placed == () and plan.unplaced == ()


# ---------------------------------------------------------------- files of every shape
@pytest.mark.parametrize(
    ("name", "source", "points", "segments", "title", "timed"),
    [
        ("garmin_connect_extensions.gpx", "track", 5, 1, "Barrit Walking", True),
        ("wahoo_bom_subseconds.gpx", "track", 6, 2, "Wahoo 2026-03-29", True),
        ("gpsbabel_gpx10_latin1_no_times.gpx", "track", 5, 2, "Æblehaven rundt", False),
        ("planner_route_only.gpx", "route", 4, 1, "Planlagt rute Barrit", False),
        ("phone_waypoints_only.gpx", "waypoints", 3, 1, None, True),
    ],
)
def test_files_as_devices_and_apps_write_them_import(name, source, points, segments, title, timed):
    track = parse_gpx((DATA / name).read_bytes(), name)
    assert (track.source, len(track.points), len(track.segments)) == (source, points, segments)
    assert track.name == title and track.has_times == timed
    if source == "waypoints":
        assert [p.time for p in track.points] == sorted(p.time for p in track.points)
        assert track.dropped == 1  # the 0,0 waypoint
    if source == "route":
        assert track.is_loop


def test_the_one_line_summary_of_an_import(store, walkabout, tmp_path, copenhagen):
    folder = tmp_path / "fotos"
    folder.mkdir()
    # The walk is 10:00-10:04 Danish time; the camera is 2 min 10 s behind.
    photo(folder / "a.jpg", T0 + timedelta(minutes=2) - timedelta(seconds=130))
    damaged_photo(folder / "b.jpg")
    result = service.import_route(
        store, walkabout.id, DATA / "garmin_connect_extensions.gpx", folder, offset_s=130
    )
    assert result.line("da") == (
        "garmin_connect_extensions.gpx: 366 m, 4 min, 1 af 1 placeret; 1 billede lagt ind; "
        "2 punkter med umulige positioner blev udeladt"
    )
    assert result.warnings("en") == ["The photo 'b.jpg' is damaged and was not added."]


# ---------------------------------------------------------------- the rule, for any walk
_walks = st.lists(
    st.tuples(st.floats(-0.0004, 0.0004), st.floats(-0.0006, 0.0006), st.integers(1, 30)),
    min_size=3,
    max_size=40,
)


def _plausible(steps):
    """A walk of small steps (under 70 m, at least a second apart): never impossible."""
    points, lat, lon, t = [], 55.78, 9.89, 0
    for dlat, dlon, dt in steps:
        lat, lon, t = lat + dlat, lon + dlon, t + dt
        points.append(_pt(lat, lon, t))
    return points


@settings(max_examples=80, deadline=None)
@given(_walks, st.data())
def test_a_plausible_walk_is_kept_whole_and_one_spike_in_it_is_the_only_point_dropped(steps, data):
    points = _plausible(steps)
    assert sanitise(points) == (points, 0)
    at = data.draw(st.integers(1, len(points) - 2))
    before, after = points[at - 1], points[at]
    # Hundreds of kilometres away, a moment after its neighbour.
    far = TrackPoint(
        before.lat + data.draw(st.sampled_from([-3.0, 2.5])),
        before.lon + data.draw(st.floats(-4, 4)),
        before.time + (after.time - before.time) / 2,
    )
    spiked = [*points[:at], far, *points[at:]]
    assert sanitise(spiked) == (points, 1)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(-90, 90), st.floats(-180, 180), st.one_of(st.none(), st.integers(0, 10**6))),
        min_size=0,
        max_size=30,
    )
)
def test_whatever_the_points_the_rule_keeps_a_subsequence_and_counts_the_rest(raw):
    points = [_pt(lat, lon, t) for lat, lon, t in raw]
    kept, dropped = sanitise(points)
    assert len(kept) + dropped == len(points)
    it = iter(points)
    assert all(any(p is q for q in it) for p in kept)  # in order, nothing invented
