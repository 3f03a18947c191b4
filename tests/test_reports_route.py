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
    area, activity = walked
    out = tmp_path / "byvandring.pdf"
    export_activity_report(store, activity.id, out, ReportOptions(lang="da", internal=True))
    text = full_text(out)
    plan = service.route_plan(store, activity.id)
    assert "Ruten på kort" in text and "Afstand" in text and "Varighed" in text and "15 min" in text
    assert f"{plan.track.length_m / 1000:.1f}".replace(".", ",") + " km" in text
    assert "Foto: Den gamle smedje" in text and "Observation: Ingen fortov ved skolen" in text
    assert "1 observationer eller fotos kunne ikke placeres på ruten." in text
    if shutil.which("pdftoppm"):
        shots = Path(os.environ.get("FELTBOG_SHOTS", tmp_path))
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(out), str(shots / "route_report")], check=True)


def test_public_report_legend_shows_kinds_not_words(store, walked, tmp_path):
    area, activity = walked
    out = tmp_path / "offentlig.pdf"
    export_activity_report(store, activity.id, out, ReportOptions(lang="en"))
    text = full_text(out)
    assert "Distance" in text and "Duration" in text
    legend = text[text.index("The route") : text.index("could not be placed")]
    assert "Photo" in legend and "Den gamle smedje" not in legend


def test_area_report_shows_each_walkabout_route(store, walked, tmp_path):
    area, activity = walked
    store.add(  # a walkabout without a route: no figure for it
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
    area, activity = walked
    service._tracks.clear()
    gpx = store.get(Activity, activity.id).gpx_attachment_id
    from fieldapp.domain import Attachment

    store.attachment_file(store.get(Attachment, gpx)).unlink()
    out = tmp_path / "uden.pdf"
    export_activity_report(store, activity.id, out, ReportOptions(lang="da"))
    assert "Ruten på kort" not in full_text(out) and "Ingen fortov" in full_text(out)
