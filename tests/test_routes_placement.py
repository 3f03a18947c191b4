"""Photos and observations placed on the walked route, in walking order."""

from datetime import datetime, timedelta

import pytest
from route_files import START, STEP, gpx11, photo, walk, write

from fieldapp.domain import Activity, Attachment, Observation
from fieldapp.routes import Placeable, parse_gpx, place_on_track, service

T0 = datetime(2026, 5, 1, 10, 0, 0)


def _at(i: float) -> tuple[float, float]:
    """The position i steps along the straight test walk."""
    return START[0] + i * STEP[0], START[1] + i * STEP[1]


@pytest.fixture
def walkabout(store, tmp_path):
    activity = store.add(Activity(kind="walkabout", title="Byvandring i Barrit", starts_at=T0))
    # Ten minutes' walk, one point a minute.
    service.import_gpx(store, activity.id, write(tmp_path / "barrit.gpx", gpx11([walk(T0, count=11)])))
    return store.get(Activity, activity.id)


def test_photos_with_gps_are_placed_by_position_and_numbered_in_walking_order(store, walkabout, tmp_path):
    late = store.import_attachment(
        photo(tmp_path / "IMG_2.jpg", T0 + timedelta(minutes=8), *_at(8)), activity_id=walkabout.id
    )
    early = store.import_attachment(
        photo(tmp_path / "IMG_1.jpg", T0 + timedelta(minutes=2), *_at(2)), activity_id=walkabout.id
    )
    concern = store.add(
        Observation(
            activity_id=walkabout.id,
            kind="concern",
            text="Ingen fortov ved skolen",
            observed_at=T0 + timedelta(minutes=5),
        )
    )
    plan = service.route_plan(store, walkabout.id)
    assert [(p.number, p.item.id, p.method) for p in plan.placed] == [
        (1, early.id, "gps"),
        (2, concern.id, "time"),
        (3, late.id, "gps"),
    ]
    assert plan.unplaced == ()
    assert plan.placed[0].off_route_m < 5
    middle = plan.placed[1]
    assert (middle.lat, middle.lon) == pytest.approx(_at(5), abs=1e-6)
    assert middle.along_m == pytest.approx(plan.track.length_m / 2, rel=0.01)


def test_a_photo_without_gps_is_placed_by_time_once_the_camera_clock_is_corrected(store, walkabout, tmp_path):
    # The camera's clock is an hour and three minutes behind: 08:59 on the camera is 10:02 in reality.
    camera_time = T0 + timedelta(minutes=2) - timedelta(hours=1, minutes=3)
    picture = store.import_attachment(photo(tmp_path / "DSC0001.jpg", camera_time), activity_id=walkabout.id)
    plan = service.route_plan(store, walkabout.id)
    assert plan.placed == ()
    [why] = plan.unplaced
    assert why.item.id == picture.id and why.reason == "outside_track_time"
    assert "uden for sporets tidsrum" in why.message("da")

    store.update(Activity, walkabout.id, camera_offset_s=3780)
    plan = service.route_plan(store, walkabout.id)
    [placed] = plan.placed
    assert placed.method == "time" and (placed.lat, placed.lon) == pytest.approx(_at(2), abs=1e-6)


def test_what_cannot_be_placed_says_why(store, walkabout, tmp_path):
    store.add(Observation(activity_id=walkabout.id, kind="hope", text="Foreningen vil gerne hjælpe"))
    store.import_attachment(photo(tmp_path / "far.jpg", None, 56.5, 10.5), activity_id=walkabout.id)
    notes = tmp_path / "noter.txt"
    notes.write_text("ikke et billede", encoding="utf-8")
    store.import_attachment(notes, activity_id=walkabout.id)  # not a photo: not on the route at all
    plan = service.route_plan(store, walkabout.id)
    reasons = {u.item.label: u for u in plan.unplaced}
    assert set(reasons) == {"Foreningen vil gerne hjælpe", "far.jpg"}
    assert (
        reasons["Foreningen vil gerne hjælpe"]
        .message("da")
        .startswith("har hverken GPS-position eller tidspunkt")
    )
    assert reasons["far.jpg"].reason == "far_from_route"
    assert "m fra ruten" in reasons["far.jpg"].message("da") and "from the route" in reasons[
        "far.jpg"
    ].message("en")


def test_a_photo_far_from_the_route_but_taken_during_the_walk_is_placed_by_time():
    track = parse_gpx(gpx11([walk(T0, count=11)]).encode())
    item = Placeable("photo", "p", "Udsigt", lat=56.0, lon=10.0, time=T0 + timedelta(minutes=4))
    [placed] = place_on_track(track, [item]).placed
    assert placed.method == "time" and (placed.lat, placed.lon) == pytest.approx(_at(4), abs=1e-6)


def test_a_track_without_times_can_only_place_by_position():
    track = parse_gpx(gpx11([walk(None, count=11)]).encode())
    items = [Placeable("photo", "a", "A", *_at(3)), Placeable("observation", "b", "B", time=T0)]
    plan = place_on_track(track, items)
    assert [p.item.id for p in plan.placed] == ["a"]
    assert plan.unplaced[0].reason == "track_without_times"


def test_on_a_route_that_passes_a_spot_twice_the_time_says_which_pass():
    out = walk(T0, count=6)
    back = [(lat, lon, T0 + timedelta(minutes=5 + k)) for k, (lat, lon, _) in enumerate(reversed(out))]
    track = parse_gpx(gpx11([out + back[1:]]).encode())
    going = Placeable("photo", "going", "På vej ud", *_at(2), time=T0 + timedelta(minutes=2))
    coming = Placeable("photo", "coming", "På vej hjem", *_at(2), time=T0 + timedelta(minutes=8))
    plan = place_on_track(track, [coming, going])
    assert [p.item.id for p in plan.placed] == ["going", "coming"]
    assert plan.placed[1].along_m > plan.track.length_m / 2


def test_a_pause_between_segments_places_items_at_the_nearer_end():
    first = walk(T0, count=4)
    second = walk(T0 + timedelta(minutes=30), count=4, origin=_at(8))
    track = parse_gpx(gpx11([first, second]).encode())
    during_break = Placeable("observation", "o", "Kaffe", time=T0 + timedelta(minutes=28))
    [placed] = place_on_track(track, [during_break]).placed
    assert (placed.lat, placed.lon) == pytest.approx(_at(8), abs=1e-6)


def test_positions_found_by_time_are_written_to_the_items(store, walkabout, tmp_path):
    observation = store.add(
        Observation(
            activity_id=walkabout.id,
            kind="idea",
            text="Bænk ved gadekæret",
            observed_at=T0 + timedelta(minutes=6),
        )
    )
    picture = store.import_attachment(
        photo(tmp_path / "p.jpg", T0 + timedelta(minutes=7)), activity_id=walkabout.id
    )
    with_gps = store.import_attachment(photo(tmp_path / "g.jpg", None, *_at(1)), activity_id=walkabout.id)
    plan = service.route_plan(store, walkabout.id)
    assert service.save_positions(store, plan) == 2
    saved = store.get(Observation, observation.id)
    assert (saved.lat, saved.lon) == pytest.approx(_at(6), abs=1e-6)
    assert (store.get(Attachment, picture.id).lat, store.get(Attachment, picture.id).lon) == pytest.approx(
        _at(7), abs=1e-6
    )
    assert store.get(Attachment, with_gps.id) == with_gps  # untouched
    assert {v.field for v in store.versions("observations", observation.id)} >= {"lat", "lon"}
    # Placed again, in the same order: the photo at its saved (placed) position, which the view
    # tells apart from a position its camera recorded.
    again = service.route_plan(store, walkabout.id)
    assert [p.item.id for p in again.placed] == [p.item.id for p in plan.placed]
    methods = {p.item.id: p.method for p in again.placed}
    assert methods == {observation.id: "gps", picture.id: "saved", with_gps.id: "gps"}


def test_a_walkabout_without_a_track_has_no_plan(store):
    bare = store.add(Activity(kind="walkabout", title="Uden spor", starts_at=T0))
    assert service.route_plan(store, bare.id) is None
