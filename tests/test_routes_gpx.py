"""Reading GPX files as phones and GPS devices write them, and attaching them to a walkabout."""

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from route_files import gpx10, gpx11, gpx_waypoints, walk, write

from fieldapp.domain import Activity, Attachment
from fieldapp.routes import RouteError, haversine_m, parse_gpx, service
from fieldapp.routes import gpx as gpx_module
from fieldapp.routes.geometry import format_distance, format_duration
from fieldapp.store import Store

T0 = datetime(2026, 5, 1, 10, 0, 0)


def _expected_length(points):
    return sum(haversine_m(a[0], a[1], b[0], b[1]) for a, b in itertools.pairwise(points))


@pytest.fixture
def walkabout(store):
    return store.add(Activity(kind="walkabout", title="Byvandring i Barrit", starts_at=T0))


def test_haversine_matches_a_known_distance():
    # Copenhagen City Hall Square to Aarhus Cathedral: about 156 km as the crow flies.
    assert haversine_m(55.6761, 12.5683, 56.1567, 10.2108) == pytest.approx(156_000, rel=0.01)
    assert haversine_m(55.78, 9.89, 55.78, 9.89) == 0


def test_gpx_11_track_with_times_has_length_and_duration():
    points = walk(T0, count=11, step_s=90)
    track = parse_gpx(gpx11([points], millis=True).encode(), "barrit.gpx")
    assert track.version == "1.1" and track.source == "track" and track.name == "Byvandring Barrit"
    assert len(track.points) == 11
    # UTC in the file, aware UTC in the track: the same instant as the walker's local 10:00.
    assert track.points[0].time == T0.astimezone(UTC) and track.points[0].time.tzinfo is not None
    assert track.start_time == T0.astimezone(UTC)
    assert track.end_time == (T0 + timedelta(minutes=15)).astimezone(UTC)
    assert track.duration == timedelta(minutes=15)
    assert track.length_m == pytest.approx(_expected_length(points))
    assert 880 < track.length_m < 950  # ten steps of about 91 m
    assert format_distance(track.length_m, "da") == f"{round(track.length_m)} m"
    assert format_distance(2345.0, "da") == "2,3 km" and format_distance(2345.0, "en") == "2.3 km"
    assert format_duration(track.duration.total_seconds(), "da") == "15 min"
    assert format_duration(3 * 3600 + 5 * 60, "da") == "3 t 05 min"


def test_gpx_10_from_an_old_device_in_latin_1():
    points = walk(T0, count=6)
    track = parse_gpx(write_bytes := gpx10(points, name="Æblehaven rundt").encode("latin-1"), "garmin.gpx")
    assert write_bytes.startswith(b"<?xml")
    assert track.version == "1.0" and track.name == "Æblehaven rundt"
    assert track.duration == timedelta(minutes=5) and len(track.points) == 6


def test_track_without_times_has_length_but_no_duration():
    points = walk(None, count=5)
    track = parse_gpx(gpx11([points]).encode())
    assert not track.has_times and track.duration is None
    assert track.length_m == pytest.approx(_expected_length(points))


def test_pauses_start_new_segments_and_the_jump_between_them_is_not_walked():
    first = walk(T0, count=5)
    # After a coffee break the phone resumes 500 m further on.
    second = walk(T0 + timedelta(minutes=30), count=5, origin=(55.79, 9.91))
    track = parse_gpx(gpx11([first, second]).encode())
    assert len(track.segments) == 2
    assert track.length_m == pytest.approx(_expected_length(first) + _expected_length(second))
    assert track.duration == timedelta(minutes=34)


def test_a_file_with_only_waypoints_becomes_a_line_in_time_order():
    points = walk(T0, count=4)
    shuffled = [points[2], points[0], points[3], points[1]]
    track = parse_gpx(gpx_waypoints(shuffled).encode())
    assert track.source == "waypoints"
    assert [p.time for p in track.points] == [p[2].astimezone(UTC) for p in points]


@pytest.mark.parametrize(
    ("content", "key", "danish"),
    [
        (b"", "empty", "er tom"),
        (b"   \n", "empty", "er tom"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "not_gpx", "ikke en GPX-fil"),
        (b"<html><body>Log ind</body></html>", "not_gpx", "ikke en GPX-fil"),
        (
            b'<gpx version="1.1"><trk><trkseg><trkpt lat="55.1" lon="9.1"></trkseg>',
            "not_gpx",
            "ikke en GPX-fil",
        ),
        (
            b'<gpx version="1.1"><trk><trkseg><trkpt lat="abc" lon="9.1"/></trkseg></trk></gpx>',
            "not_gpx",
            "GPX",
        ),
        (
            # Of two points one is impossible (left out), and one point is no line.
            b'<gpx version="1.1"><trk><trkseg><trkpt lat="95" lon="9"/><trkpt lat="55" lon="9"/></trkseg></trk></gpx>',
            "no_points",
            "mindst to punkter",
        ),
        (b'<gpx version="1.1"><wpt lat="55.1" lon="9.1"/></gpx>', "no_points", "mindst to punkter"),
        (
            b'<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"></gpx>',
            "no_points",
            "mindst to punkter",
        ),
        (
            (
                b'<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaa">]><gpx version="1.1"><metadata><name>&a;</name>'
                b"</metadata></gpx>"
            ),
            "doctype",
            "DOCTYPE",
        ),
    ],
)
def test_unusable_files_get_a_clear_message(content, key, danish):
    with pytest.raises(RouteError) as caught:
        parse_gpx(content, "tur.gpx")
    assert caught.value.key == key
    assert (
        danish in caught.value.message("da")
        and "tur.gpx" in caught.value.message("da")
        or key == "not_walkabout"
    )
    assert caught.value.message("en") != caught.value.message("da")


def test_too_many_points_is_refused(monkeypatch):
    monkeypatch.setattr(gpx_module, "MAX_POINTS", 50)
    with pytest.raises(RouteError) as caught:
        parse_gpx(gpx11([walk(T0, count=60)]).encode(), "lang.gpx")
    assert "for mange punkter (60; højst 50)" in caught.value.message("da")


@settings(max_examples=60, deadline=None)
@given(
    st.binary(max_size=400) | st.text(max_size=300).map(lambda t: f'<gpx version="1.1">{t}</gpx>'.encode())
)
def test_any_bytes_either_parse_or_raise_a_route_error(data):
    try:
        track = parse_gpx(data, "x.gpx")
    except RouteError as error:
        assert error.message("da")
    else:
        assert len(track.points) >= 2


# ---------------------------------------------------------------- attaching to a walkabout
def test_import_stores_the_file_as_an_attachment_of_the_walkabout(store, walkabout, tmp_path):
    path = write(tmp_path / "Barrit 1. maj.gpx", gpx11([walk(T0)]))
    track = service.import_gpx(store, walkabout.id, path)
    activity = store.get(Activity, walkabout.id)
    attachment = store.get(Attachment, activity.gpx_attachment_id)
    assert attachment.mime == service.GPX_MIME and attachment.activity_id == walkabout.id
    assert attachment.filename == "Barrit 1. maj.gpx" and attachment.caption == "Byvandring Barrit"
    assert store.attachment_file(attachment).read_bytes() == path.read_bytes()
    assert service.track_of(store, activity) == track
    # The route is in the change log like any other edit, so it travels with sync.
    fields = {v.field for v in store.versions("activities", walkabout.id)}
    assert "gpx_attachment_id" in fields
    assert {v.field for v in store.versions("attachments", attachment.id)} >= {
        "sha256",
        "mime",
        "activity_id",
    }


def test_the_track_is_read_back_from_the_stored_file_after_reopening(tmp_path):
    path = tmp_path / "n.sqlite"
    with Store.open(path) as store:
        walkabout = store.add(Activity(kind="walkabout", title="Tur", starts_at=T0))
        service.import_gpx(store, walkabout.id, write(tmp_path / "tur.gpx", gpx11([walk(T0, count=7)])))
    service._tracks.clear()
    (tmp_path / "tur.gpx").unlink()
    with Store.open(path) as store:
        track = service.track_of(store, store.get(Activity, walkabout.id))
    assert len(track.points) == 7 and track.duration == timedelta(minutes=6)


def test_a_new_track_replaces_the_old_one(store, walkabout, tmp_path):
    service.import_gpx(store, walkabout.id, write(tmp_path / "første.gpx", gpx11([walk(T0, count=3)])))
    first = store.get(Activity, walkabout.id).gpx_attachment_id
    service.import_gpx(store, walkabout.id, write(tmp_path / "anden.gpx", gpx11([walk(T0, count=9)])))
    activity = store.get(Activity, walkabout.id)
    assert activity.gpx_attachment_id != first and store.find(Attachment, first) is None
    assert len(service.track_of(store, activity).points) == 9
    service.remove_gpx(store, walkabout.id)
    assert store.get(Activity, walkabout.id).gpx_attachment_id is None
    assert store.attachments(activity_id=walkabout.id) == []


def _log_size(store):
    return store.conn.execute("SELECT count(*) FROM field_versions").fetchone()[0]


@pytest.mark.parametrize("content", [b"", b"<gpx>", b'<gpx version="1.1"><wpt lat="1" lon="2"/></gpx>'])
def test_a_bad_file_writes_nothing(store, walkabout, tmp_path, content):
    good = write(tmp_path / "god.gpx", gpx11([walk(T0)]))
    service.import_gpx(store, walkabout.id, good)
    before, log = store.counts(), _log_size(store)
    bad = tmp_path / "dårlig.gpx"
    bad.write_bytes(content)
    with pytest.raises(RouteError):
        service.import_gpx(store, walkabout.id, bad)
    assert store.counts() == before and _log_size(store) == log
    assert service.track_of(store, store.get(Activity, walkabout.id)).length_m > 0


def test_a_huge_file_is_refused_before_it_is_read(store, walkabout, tmp_path):
    huge = tmp_path / "kæmpe.gpx"
    with open(huge, "wb") as handle:
        handle.truncate(gpx_module.MAX_GPX_BYTES + 1)
    before = store.counts()
    with pytest.raises(RouteError) as caught:
        service.import_gpx(store, walkabout.id, huge)
    assert "for stor" in caught.value.message("da") and "too large" in caught.value.message("en")
    assert store.counts() == before


def test_only_walkabouts_get_a_track(store, tmp_path):
    talk = store.add(Activity(kind="one_to_one", title="Samtale med Jens", starts_at=T0))
    with pytest.raises(RouteError) as caught:
        service.import_gpx(store, talk.id, write(tmp_path / "t.gpx", gpx11([walk(T0)])))
    assert caught.value.message("da") == "Kun byvandringer kan have et GPS-spor."
