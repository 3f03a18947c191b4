"""Observations after saving: themes do not stick to the next one; kind, themes, time and votes can be edited."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fieldapp.domain import ActivityKind


def test_themes_typed_for_one_observation_do_not_stick_to_the_next(launch, notebook, qtbot):
    path, _ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    editor = app.window.new_activity(ActivityKind.WALKABOUT)
    capture = editor.capture
    capture.text.setFocus()
    qtbot.keyClicks(capture.text, "Bænken er væk")
    qtbot.keyClicks(capture.themes, "legeplads")
    qtbot.keyClick(capture.themes, Qt.Key.Key_Return)
    assert capture.themes.text() == ""
    qtbot.keyClicks(capture.text, "Flot ny cykelsti")
    qtbot.keyClick(capture.text, Qt.Key.Key_Return)
    first, second = app.store.observations(editor.entity_id)
    assert app.store.themes_of(first.id) == ["legeplads"]
    assert app.store.themes_of(second.id) == []


def edit_cell(qtbot, table, row: int, column: int, typed: str) -> None:
    """Select the cell, press F2, select what is there, type, press Enter — as a user corrects a cell."""
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, column))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert table.state() == table.State.EditingState
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, typed)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)  # Qt commits from the event loop


def test_kind_themes_time_and_votes_can_be_corrected_after_saving(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "da")
    editor = app.window.new_activity(ActivityKind.LISTENING_MEETING)
    capture = editor.capture
    qtbot.keyClicks(capture.text, "Vi savner et mødested")
    qtbot.keyClick(capture.text, Qt.Key.Key_Return)
    [observation] = app.store.observations(editor.entity_id)
    table, model = capture.table, capture.model
    edit_cell(qtbot, table, 0, model.COL_THEMES, "mødested, fællesskab")
    edit_cell(qtbot, table, 0, model.COL_TIME, "14.30")
    edit_cell(qtbot, table, 0, model.COL_VOTES, "12")
    table.setCurrentIndex(model.index(0, model.COL_KIND))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    combo = QApplication.focusWidget()
    combo.setCurrentIndex(combo.findData("idea"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)  # Qt commits from the event loop
    stored = app.store.get(type(observation), observation.id)
    assert app.store.themes_of(observation.id) == ["fællesskab", "mødested"]
    assert (stored.observed_at.hour, stored.observed_at.minute) == (14, 30)
    assert stored.observed_at.date() == observation.observed_at.date()
    assert stored.votes == 12 and stored.kind == "idea"
    assert model.index(0, model.COL_KIND).data() == "Idé"


def test_corrected_themes_come_back_with_ctrl_z_and_the_open_table_shows_it(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    editor = app.window.open_record("activities", ids["first"])
    table, model = editor.capture.table, editor.capture.model
    edit_cell(qtbot, table, 0, model.COL_THEMES, "bænke")
    [observation] = app.store.observations(ids["first"])
    assert app.store.themes_of(observation.id) == ["bænke"]
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert app.store.themes_of(observation.id) == ["legeplads"]
    editor = app.window.current_editor()
    qtbot.waitUntil(
        lambda: editor.capture.model.index(0, editor.capture.model.COL_THEMES).data() == "legeplads"
    )
