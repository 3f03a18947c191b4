"""The route figure in the activity and area PDF reports: distance, duration, numbered legend."""

import os
import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from reports_pdf import full_text
from route_files import START, STEP, gpx11, photo, walk, write

from fieldapp.domain import Activity, Area, Observation
from fieldapp.reports.export import export_activity_report, export_area_report
from fieldapp.reports.options import ReportOptions
from fieldapp.routes import service

T0 = datetime(2026, 5, 1, 10, 0)


def _at(i):
    return START[0] + i * STEP[0], START[1] + i * STEP[1]


@pytest.fixture
def walked(store, tmp_path):
    area = store.add(Area(name="Barrit", municipality="Hedensted"))
    activity = store.add(
        Activity(
            kind="walkabout",
            title="Byvandring i Barrit",
            area_id=area.id,
            starts_at=T0,
            ends_at=T0 + timedelta(hours=1),
        )
    )
    points = walk(T0, count=8) + [
        (_at(7)[0] - 0.0003 * k, _at(7)[1] + 0.0014 * k, T0 + timedelta(minutes=7 + k)) for k in range(1, 9)
    ]
    service.import_gpx(store, activity.id, write(tmp_path / "barrit.gpx", gpx11([points])))
    store.add(
        Observation(
            activity_id=activity.id,
            kind="concern",
            text="Ingen fortov ved skolen",
            observed_at=T0 + timedelta(minutes=3),
        )
    )
    store.import_attachment(
        photo(tmp_path / "IMG_7.jpg", T0 + timedelta(minutes=1), *_at(1)),
        activity_id=activity.id,
        caption="Den gamle smedje",
    )
    store.add(Observation(activity_id=activity.id, kind="hope", text="Spejderne vil passe bedet"))
    return area, activity


def test_activity_report_has_the_route_figure_with_distance_duration_and_legend(store, walked, tmp_path):
    _area, activity = walked
    out = tmp_path / "byvandring.pdf"
    export_activity_report(store, activity.id, out, ReportOptions(lang="da", internal=True))
    text = full_text(out)
    plan = service.route_plan(store, activity.id)
    assert "Ruten på kort" in text and "Afstand" in text and "Varighed" in text and "15 min" in text
    assert f"{plan.track.length_m / 1000:.1f}".replace(".", ",") + " km" in text
    # Each observation with its kind and words, each photo with its caption.
    assert "Foto: Den gamle smedje" in text and "Det ubærlige: Ingen fortov ved skolen" in text
    assert "1 observationer eller fotos kunne ikke placeres på ruten." in text
    if shutil.which("pdftoppm"):
        shots = Path(os.environ.get("FELTBOG_SHOTS", tmp_path))
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(out), str(shots / "route_report")], check=True)


def test_public_report_legend_lists_each_observation_by_its_words(store, walked, tmp_path):
    _area, activity = walked
    long_text = "Trafikken på Barritvej kører alt for stærkt forbi skolen om morgenen " * 3
    store.add(
        Observation(
            activity_id=activity.id, kind="idea", text=long_text, observed_at=T0 + timedelta(minutes=5)
        )
    )
    out = tmp_path / "offentlig.pdf"
    export_activity_report(store, activity.id, out, ReportOptions(lang="en"))
    text = full_text(out)
    assert "Distance" in text and "Duration" in text
    legend = text[text.index("The route") : text.index("could not be placed")]
    assert "Photo: Den gamle smedje" in legend and "Concern: Ingen fortov ved skolen" in legend
    assert "Idea: Trafikken på Barritvej kører" in legend and "…" in legend  # shortened
    assert "Observation:" not in legend


def test_area_report_shows_each_walkabout_route(store, walked, tmp_path):
    area, _activity = walked
    store.add(
        Activity(kind="walkabout", title="Uden spor", area_id=area.id, starts_at=T0 + timedelta(days=1))
    )
    out = tmp_path / "område.pdf"
    export_area_report(store, area.id, out, options=ReportOptions(lang="da"))
    text = full_text(out)
    assert "Byvandringernes ruter" in text
    routes = text[text.index("Byvandringernes ruter") :]
    assert (
        "Byvandring i Barrit" in routes
        and "Afstand" in routes
        and "Uden spor" not in routes.split("Lederstigen")[0]
    )


def test_an_unreadable_stored_track_leaves_the_route_out_but_the_report_is_made(store, walked, tmp_path):
    _area, activity = walked
    service._tracks.clear()
    gpx = store.get(Activity, activity.id).gpx_attachment_id
    from fieldapp.domain import Attachment

    store.attachment_file(store.get(Attachment, gpx)).unlink()
    out = tmp_path / "uden.pdf"
    export_activity_report(store, activity.id, out, ReportOptions(lang="da"))
    assert "Ruten på kort" not in full_text(out) and "Ingen fortov" in full_text(out)


# ---------------------------------------------------------------- figures people can read
def _drawn_strings(drawing):
    from reportlab.graphics.shapes import String

    return [s.text for s in drawing.getContents() if isinstance(s, String)]


def test_a_loop_has_one_combined_start_and_end_marker(tmp_path):
    from fieldapp.reports.route_figure import draw_route
    from fieldapp.routes import parse_gpx, place_on_track

    out_and_back = walk(T0, count=6) + [
        (_at(5 - k)[0] + 0.0004, _at(5 - k)[1], T0 + timedelta(minutes=5 + k)) for k in range(1, 6)
    ]
    out_and_back.append(
        (START[0] + 0.00005, START[1], T0 + timedelta(minutes=11))
    )  # about 5 m from the start
    loop = parse_gpx(gpx11([out_and_back]).encode())
    assert loop.is_loop
    drawing, _markers = draw_route(place_on_track(loop, []), 400, 250, "da")
    words = _drawn_strings(drawing)
    assert "Start og slut" in words and "Start" not in words and "Slut" not in words
    line = parse_gpx(gpx11([walk(T0, count=6)]).encode())
    words = _drawn_strings(draw_route(place_on_track(line, []), 400, 250, "en")[0])
    assert "Start" in words and "End" in words


def test_markers_on_top_of_each_other_are_spread_or_grouped_and_every_number_is_on_the_map():
    from fieldapp.reports.route_figure import draw_route
    from fieldapp.routes import Placeable, parse_gpx, place_on_track
    from fieldapp.routes.layout import layout_markers

    # A long hop: the walk itself is a dot on the map, and 3 + 12 items sit on it.
    track = parse_gpx(
        gpx11(
            [walk(T0, count=4) + walk(T0 + timedelta(hours=6), count=2, origin=(START[0] - 3, START[1] + 5))]
        ).encode()
    )
    many = [Placeable("observation", f"o{k}", f"Obs {k}", *_at(k * 0.2)) for k in range(12)]
    there = (START[0] - 3, START[1] + 5)
    few = [Placeable("photo", f"p{k}", f"Foto {k}", there[0] + k * 0.0002, there[1]) for k in range(3)]
    plan = place_on_track(track, few + many)
    assert len(plan.placed) == 15
    drawing, markers = draw_route(plan, 400, 250, "da")
    shown = _drawn_strings(drawing)
    spread = [m for m in markers if m.has_leader and len(m.numbers) == 1]
    grouped = [m for m in markers if len(m.numbers) > 1]
    assert len(spread) == 3 and len(grouped) == 1
    assert grouped[0].label == "1–12" and "1–12" in shown
    assert all(str(n) in shown for n in (13, 14, 15))
    # Spread markers do not overlap one another.
    for a in spread:
        for b in spread:
            if a is not b:
                assert (a.x - b.x) ** 2 + (a.y - b.y) ** 2 >= (a.radius + b.radius) ** 2 * 0.99
    # Well apart, every marker stays where it belongs.
    apart = layout_markers([(10, 10, 1), (100, 10, 2), (10, 100, 3)], 6, 200, 200)
    assert [(m.x, m.y, m.label, m.has_leader) for m in apart] == [
        (10, 10, "1", False),
        (100, 10, "2", False),
        (10, 100, "3", False),
    ]


def test_the_legend_says_which_group_marker_holds_an_item(store, walked, tmp_path):
    from fieldapp.reports.options import Context
    from fieldapp.reports.route_figure import draw_route, legend_rows

    _area, activity = walked
    for k in range(10):
        store.add(
            Observation(
                activity_id=activity.id, kind="hope", text=f"Idé nr. {k}", lat=_at(4)[0], lon=_at(4)[1]
            )
        )
    plan = service.route_plan(store, activity.id)
    _drawing, markers = draw_route(plan, 400, 250, "da")
    [group] = [m for m in markers if len(m.numbers) > 1]
    ctx = Context(ReportOptions(lang="da", internal=True), width=400)
    rows = legend_rows(plan, ctx, markers)
    held = [row for row in rows if int(row[0]) in group.numbers]
    assert len(held) == 10 and all(f"på kortet: {group.label}" in row[1] for row in held)


def test_a_walk_with_a_460_km_hop_exports_its_report(store, tmp_path):
    # A logger that slept on the train: Barrit, then Copenhagen; photos and notes in both places.
    activity = store.add(Activity(kind="walkabout", title="Barrit og København", starts_at=T0))
    here, there = walk(T0, count=6), walk(T0 + timedelta(hours=3), count=6, origin=(55.6761, 12.5683))
    service.import_gpx(store, activity.id, write(tmp_path / "hop.gpx", gpx11([here + there])))
    for k in range(30):
        store.add(
            Observation(
                activity_id=activity.id,
                kind="idea",
                text=f"Idé {k}",
                observed_at=T0 + timedelta(minutes=k % 5, hours=3 * (k % 2)),
            )
        )
    out = tmp_path / "hop.pdf"
    export_activity_report(store, activity.id, out, ReportOptions(lang="da", internal=True))
    text = full_text(out)
    assert "Ruten på kort" in text and "Idé 29" in text
    assert f"{service.route_plan(store, activity.id).track.length_m / 1000:.0f} km" in text


def test_the_legend_of_a_public_report_names_no_one_who_may_not_be_named(store, walked, tmp_path):
    """Issue 13.2: the legend's words come from the notebook, not the report's redacted data."""
    from fieldapp.domain import Person

    _area, activity = walked
    store.add(Person(name="Åse Ørskov Bæk", may_be_named=False))
    store.add(
        Observation(
            activity_id=activity.id,
            kind="idea",
            text="Åse Ørskov Bæks forslag: bænke",
            observed_at=T0 + timedelta(minutes=5),
        )
    )
    public, internal = tmp_path / "public.pdf", tmp_path / "internal.pdf"
    export_activity_report(store, activity.id, public, ReportOptions(lang="en"))
    export_activity_report(store, activity.id, internal, ReportOptions(lang="en", internal=True))
    assert "Bæk" not in full_text(public) and "A resident's forslag" in full_text(public)
    assert "Åse Ørskov Bæks forslag" in full_text(internal)
