"""Autosave loses at most ~300 ms: a pause, a focus change, leaving the window and closing all save."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication


def phone_on_disk(path, person_id: str) -> str | None:
    """What a second program (or the app after a kill) would read from the notebook file."""
    other = sqlite3.connect(path)
    try:
        return other.execute("SELECT phone FROM people WHERE id = ?", (person_id,)).fetchone()[0]
    finally:
        other.close()


def test_what_was_typed_half_a_second_ago_is_in_the_file_while_the_window_stays_open(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    editor = app.window.open_record("people", ids["hanne"])
    phone = editor.inputs["phone"].edit
    phone.setFocus()
    qtbot.keyClicks(phone, "20 30 40 50")
    qtbot.wait(500)
    assert app.window.isVisible() and phone.hasFocus()
    assert phone_on_disk(path, ids["hanne"]) == "20 30 40 50"


def test_moving_to_the_next_field_saves_at_once(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    editor = app.window.open_record("people", ids["hanne"])
    notes = editor.inputs["notes"].edit
    notes.setFocus()
    qtbot.keyClicks(notes, "Kender alle på vejen")
    editor.inputs["roles"].edit.setFocus()  # Tab in a note box is a character; the user clicks on
    assert editor.inputs["roles"].edit.hasFocus()
    other = sqlite3.connect(path)
    try:
        saved = other.execute("SELECT notes FROM people WHERE id = ?", (ids["hanne"],)).fetchone()[0]
    finally:
        other.close()
    assert saved == "Kender alle på vejen"


def test_leaving_the_window_saves_at_once(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    editor = app.window.open_record("people", ids["hanne"])
    phone = editor.inputs["phone"].edit
    phone.setFocus()
    qtbot.keyClicks(phone, "11 22 33 44")
    # The user switches to another program: the window is deactivated.
    QApplication.sendEvent(app.window, QEvent(QEvent.Type.WindowDeactivate))
    assert phone_on_disk(path, ids["hanne"]) == "11 22 33 44"


def test_closing_the_window_saves_at_once(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    editor = app.window.open_record("people", ids["hanne"])
    phone = editor.inputs["phone"].edit
    phone.setFocus()
    qtbot.keyClicks(phone, "99 88 77 66")
    app.window.close()
    assert phone_on_disk(path, ids["hanne"]) == "99 88 77 66"
