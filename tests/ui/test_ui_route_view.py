"""The route map of a walkabout: importing a GPX track, markers in walking order, hover and click."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

from conftest import AnsweringDialogs
from PySide6.QtCore import Qt
from route_files import START, STEP, gpx11, photo, walk, write

from fieldapp.domain import Activity, ActivityKind, Observation
from fieldapp.ui.editors import ActivityEditor

T0 = datetime(2026, 5, 4, 10, 0)


def _at(i: float) -> tuple[float, float]:
    return START[0] + i * STEP[0], START[1] + i * STEP[1]


def _bent_walk():
    """Out north-east for six minutes, then east: a route with a corner, like a real walk."""
    first = walk(T0, count=7)
    turn = first[-1]
    return first + [
        (turn[0] - 0.0002 * k, turn[1] + 0.0015 * k, T0 + timedelta(minutes=6 + k)) for k in range(1, 7)
    ]


def _open_walkabout(launch, tmp_path, files):
    dialogs = AnsweringDialogs(files=[str(f) for f in files])
    app = launch("--lang", "da", answering=dialogs)
    editor: ActivityEditor = app.window.new_activity(ActivityKind.WALKABOUT)
    store = editor.store
    store.update(Activity, editor.entity_id, title="Byvandring i Barrit")
    return dialogs, editor, store


def test_importing_a_track_draws_the_route_with_numbered_markers(launch, tmp_path, qtbot):
    gpx = write(tmp_path / "barrit.gpx", gpx11([_bent_walk()]))
    dialogs, editor, store = _open_walkabout(launch, tmp_path, [gpx])
    store.add(
        Observation(
            activity_id=editor.entity_id,
            kind="concern",
            text="Ingen fortov ved skolen",
            observed_at=T0 + timedelta(minutes=3),
        )
    )
    store.import_attachment(
        photo(tmp_path / "IMG_1.jpg", T0 + timedelta(minutes=1), *_at(1)), activity_id=editor.entity_id
    )
    store.import_attachment(
        photo(tmp_path / "IMG_2.jpg", T0 + timedelta(minutes=9), color="orange"), activity_id=editor.entity_id
    )
    store.add(Observation(activity_id=editor.entity_id, kind="hope", text="Spejderne vil gerne passe bedet"))
    panel = editor.route
    editor.tabs.setCurrentWidget(editor.tabs.widget(editor.tabs.count() - 1))
    assert "Intet GPS-spor endnu" in panel.summary.text()

    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    assert dialogs.errors == []
    assert "Afstand:" in panel.summary.text() and "Varighed: 12 min" in panel.summary.text()
    assert "3 af 4 placeret" in panel.summary.text()
    rows = [panel.model.index(r).data() for r in range(panel.model.rowCount())]
    assert rows[0].startswith("1. Foto: IMG_1.jpg") and "GPS" in rows[0]
    assert rows[1].startswith("2. Observation: Ingen fortov ved skolen") and "tid" in rows[1]
    assert rows[2].startswith("3. Foto: IMG_2.jpg")
    assert "Spejderne vil gerne passe bedet" in panel.unplaced.text() and panel.unplaced.isVisible()
    # The GPX file is not one of the photos.
    assert editor.photos is not None
    editor.photos.model.refresh()
    assert editor.photos.model.rowCount() == 2

    editor.resize(1100, 760)
    qtbot.waitUntil(lambda: len(panel.canvas._markers) == 3)
    centre = panel.canvas.marker_centre(2).toPoint()
    assert panel.canvas.tooltip_for(2) == "2. Ingen fortov ved skolen"
    qtbot.mouseMove(panel.canvas, centre)
    qtbot.mouseClick(panel.canvas, Qt.MouseButton.LeftButton, pos=centre)
    assert panel.list.currentIndex().row() == 1 and panel.canvas.selected == 2
    panel.list.setCurrentIndex(panel.model.index(2))
    assert panel.canvas.selected == 3

    out = Path(os.environ.get("FELTBOG_SHOTS", tmp_path)) / "route_view.png"
    assert panel.grab().save(str(out))


def test_camera_clock_offset_places_photos_taken_with_a_wrong_clock(launch, tmp_path, qtbot):
    gpx = write(tmp_path / "tur.gpx", gpx11([walk(T0, count=11)]))
    dialogs, editor, store = _open_walkabout(launch, tmp_path, [gpx])
    # The camera still runs on winter time: an hour behind.
    store.import_attachment(
        photo(tmp_path / "DSC1.jpg", T0 + timedelta(minutes=4) - timedelta(hours=1)),
        activity_id=editor.entity_id,
    )
    panel = editor.route
    assert panel.import_file(gpx)
    assert panel.model.rowCount() == 0 and "uden for sporets tidsrum" in panel.unplaced.text()
    panel.offset.setValue(3600)
    panel.offset.editingFinished.emit()
    assert store.get(Activity, editor.entity_id).camera_offset_s == 3600
    assert panel.model.rowCount() == 1 and not panel.unplaced.isVisible()
    assert panel.save_button.isEnabled()
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    [saved] = [a for a in store.attachments(activity_id=editor.entity_id) if a.filename == "DSC1.jpg"]
    assert (round(saved.lat, 6), round(saved.lon, 6)) == (round(_at(4)[0], 6), round(_at(4)[1], 6))


def test_a_bad_gpx_file_gets_a_danish_message_and_changes_nothing(launch, tmp_path, qtbot):
    bad = tmp_path / "tom.gpx"
    bad.write_bytes(b"")
    dialogs, editor, store = _open_walkabout(launch, tmp_path, [bad])
    before = store.counts()
    qtbot.mouseClick(editor.route.import_button, Qt.MouseButton.LeftButton)
    assert dialogs.errors == [("GPX-sporet blev ikke importeret", "GPX-filen »tom.gpx« er tom.")]
    assert store.counts() == before
