"""The route map of a walkabout: importing a GPX track, markers in walking order, hover and click."""

from __future__ import annotations

import os
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from conftest import AnsweringDialogs
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
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
    assert rows[1].startswith("2. Observation: Ingen fortov ved skolen") and "placeret efter tid" in rows[1]
    assert rows[2].startswith("3. Foto: IMG_2.jpg")
    assert "Spejderne vil gerne passe bedet" in panel.unplaced_text() and panel.unplaced_list.isVisible()
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
    _dialogs, editor, store = _open_walkabout(launch, tmp_path, [gpx])
    # The camera still runs on winter time: an hour behind.
    store.import_attachment(
        photo(tmp_path / "DSC1.jpg", T0 + timedelta(minutes=4) - timedelta(hours=1)),
        activity_id=editor.entity_id,
    )
    panel = editor.route
    assert panel.import_file(gpx)
    assert panel.model.rowCount() == 0 and "uden for sporets tidsrum" in panel.unplaced_text()
    assert "kameraets ur: 2026-05-04 09:04:00; rettet: 2026-05-04 09:04:00" in panel.unplaced_text()
    panel.offset.setValue(3600)
    panel.offset.editingFinished.emit()
    assert store.get(Activity, editor.entity_id).camera_offset_s == 3600
    assert panel.model.rowCount() == 1 and not panel.unplaced_list.isVisible()
    assert panel.offset_words.text() == "Kameraets ur gik 1 t efter GPS'en."
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


def _click_map_at(qtbot, panel, lat, lon):
    point = panel.canvas.point_of(lat, lon).toPoint()
    qtbot.mouseClick(panel.canvas, Qt.MouseButton.LeftButton, pos=point)


def _select_unplaced(panel, label):
    for row in range(panel.unplaced_model.rowCount()):
        index = panel.unplaced_model.index(row)
        if index.data().startswith(label):
            panel.unplaced_list.setCurrentIndex(index)
            return
    raise AssertionError(label)


def test_the_camera_clock_is_guessed_from_one_photo_whose_place_the_user_clicks(launch, tmp_path, qtbot):
    gpx = write(tmp_path / "tur.gpx", gpx11([_bent_walk()]))
    dialogs, editor, store = _open_walkabout(launch, tmp_path, [gpx])
    # The camera is 2 min 10 s behind: the photo taken at 10:05 (point 5) says 10:02:50.
    store.import_attachment(
        photo(tmp_path / "DSC5.jpg", T0 + timedelta(minutes=5) - timedelta(seconds=130)),
        activity_id=editor.entity_id,
    )
    store.import_attachment(
        photo(tmp_path / "DSC9.jpg", T0 + timedelta(minutes=9) - timedelta(seconds=130)),
        activity_id=editor.entity_id,
    )
    panel = editor.route
    assert panel.import_file(gpx)
    editor.resize(1100, 760)
    editor.tabs.setCurrentWidget(editor.tabs.widget(editor.tabs.count() - 1))
    qtbot.waitUntil(lambda: panel.canvas.projection is not None)
    assert panel.offset_words.text() == "Kameraets ur gik rigtigt."
    assert not panel.guess_button.isEnabled() and panel.hint.text().startswith(
        "Vælg et billede eller en observation"
    )
    [dsc5] = [r for r in range(panel.model.rowCount()) if "DSC5" in panel.model.index(r).data()]
    panel.list.setCurrentIndex(panel.model.index(dsc5))
    assert panel.guess_button.isEnabled()
    qtbot.mouseClick(panel.guess_button, Qt.MouseButton.LeftButton)
    assert "DSC5.jpg" in panel.hint.text() and panel.canvas.picking
    _click_map_at(qtbot, panel, *_at(5))
    [(_title, question)] = dialogs.asked
    # A click is good to a pixel or two: a second or two either way.
    assert re.match(
        r"Kameraets ur gik 2 min (8|9|10|11|12) s efter GPS'en\. \(GPS'en var der kl\. ", question
    )
    assert "kameraet sagde 2026-05-04 10:02:50" in question
    assert panel.offset.value() == pytest.approx(130, abs=3)
    assert store.get(Activity, editor.entity_id).camera_offset_s == panel.offset.value()
    assert "efter GPS'en" in panel.offset_words.text()


def test_the_camera_clock_from_a_photo_of_the_gps_screen(launch, tmp_path, qtbot):
    gpx = write(tmp_path / "tur.gpx", gpx11([walk(T0, count=11)]))
    _dialogs, editor, store = _open_walkabout(launch, tmp_path, [gpx])
    # A photo of the phone's clock: the camera said 09:40:00 while the phone showed 10:00:30.
    store.import_attachment(
        photo(tmp_path / "skærm.jpg", datetime(2026, 5, 4, 9, 40)), activity_id=editor.entity_id
    )
    panel = editor.route
    assert panel.import_file(gpx)
    _select_unplaced(panel, "skærm.jpg")
    qtbot.mouseClick(panel.screen_button, Qt.MouseButton.LeftButton)
    dialog = panel.screen_dialog
    assert dialog.isVisible() and "09:40:00" in dialog.findChild(QLabel).text()
    dialog.shown.setDateTime(QDateTime(datetime(2026, 5, 4, 10, 0, 30)))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert panel.offset.value() == 1230
    assert panel.offset_words.text() == "Kameraets ur gik 20 min 30 s efter GPS'en."
    assert panel.unplaced_model.rowCount() == 0  # now placed by its corrected time


def test_an_item_without_time_is_placed_by_clicking_the_route(launch, tmp_path, qtbot):
    gpx = write(tmp_path / "tur.gpx", gpx11([_bent_walk()]))
    dialogs, editor, store = _open_walkabout(launch, tmp_path, [gpx])
    store.import_attachment(photo(tmp_path / "uden_tid.jpg", None), activity_id=editor.entity_id)
    # A stale GPS fix 2 km away, taken at 10:03: placed by time, its own position kept apart.
    store.import_attachment(
        photo(tmp_path / "gammel_fix.jpg", T0 + timedelta(minutes=3), START[0] + 0.018, START[1]),
        activity_id=editor.entity_id,
    )
    panel = editor.route
    assert panel.import_file(gpx)
    editor.resize(1100, 760)
    editor.tabs.setCurrentWidget(editor.tabs.widget(editor.tabs.count() - 1))
    qtbot.waitUntil(lambda: panel.canvas.projection is not None)
    [stale] = [panel.model.index(r).data() for r in range(panel.model.rowCount())]
    assert "placeret efter tid; dens egen GPS-position er 1,8 km væk" in stale
    assert "klik på ruten" in panel.unplaced_text()
    _select_unplaced(panel, "uden_tid.jpg")
    qtbot.mouseClick(panel.place_button, Qt.MouseButton.LeftButton)
    _click_map_at(qtbot, panel, *_at(2))
    rows = [panel.model.index(r).data() for r in range(panel.model.rowCount())]
    assert any("uden_tid.jpg" in r and "placeret i hånden" in r for r in rows)
    assert panel.unplaced_model.rowCount() == 0 and dialogs.errors == []


def test_a_loop_shows_one_start_and_end_marker(launch, tmp_path, qtbot):
    there = walk(T0, count=6)
    back = [(p[0] + 0.0003, p[1], T0 + timedelta(minutes=6 + k)) for k, p in enumerate(reversed(there))]
    gpx = write(
        tmp_path / "rundt.gpx",
        gpx11([there + back + [(START[0], START[1] + 0.00005, T0 + timedelta(minutes=13))]]),
    )
    _dialogs, editor, store = _open_walkabout(launch, tmp_path, [gpx])
    broken = tmp_path / "kort_trukket_ud.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    store.import_attachment(broken, activity_id=editor.entity_id)
    panel = editor.route
    assert panel.import_file(gpx)
    editor.resize(1100, 760)
    editor.tabs.setCurrentWidget(editor.tabs.widget(editor.tabs.count() - 1))
    qtbot.waitUntil(lambda: panel.canvas.projection is not None)
    assert panel.canvas.end_labels == ["Start og slut"]
    # A damaged photo: one line, by its name only, in Danish.
    notes = panel.summary.text().splitlines()[1:]
    assert notes == [
        "Billedet »kort_trukket_ud.jpg« kan ikke læses (filen er beskadiget) og er ikke placeret på ruten."
    ]
