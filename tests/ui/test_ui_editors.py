"""Autosave, inline validation, undo, and the person, area and action editors."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from fieldapp.domain import Action, Area, Person
from fieldapp.ui.forms import AUTOSAVE_MS


def test_a_change_is_saved_within_about_a_second_and_undo_still_works(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    editor = app.window.open_record("people", ids["hanne"])
    phone = editor.inputs["phone"].edit
    phone.setFocus()
    qtbot.keyClicks(phone, "20 30 40 50")
    assert app.store.get(Person, ids["hanne"]).phone is None, "not written on every key press"
    qtbot.waitUntil(
        lambda: app.store.get(Person, ids["hanne"]).phone == "20 30 40 50", timeout=AUTOSAVE_MS + 1500
    )
    assert phone.isUndoAvailable()
    qtbot.keyClick(phone, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert phone.text() != "20 30 40 50"


def test_a_bad_email_is_explained_under_the_field_in_danish_and_other_fields_are_saved(
    launch, notebook, qtbot
):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "da")
    editor = app.window.open_record("people", ids["hanne"])
    qtbot.keyClicks(editor.inputs["email"].edit, "hanne-ved-posten")
    qtbot.keyClicks(editor.inputs["roles"].edit, "formand")
    editor.flush()
    error = editor.errors["email"]
    assert not error.isHidden()
    assert error.text() == "E-mail: »hanne-ved-posten« ligner ikke en e-mailadresse."
    person = app.store.get(Person, ids["hanne"])
    assert person.roles == "formand" and person.email is None
    qtbot.keyClicks(editor.inputs["email"].edit, "@example.dk")
    editor.flush()
    assert error.isHidden()
    assert app.store.get(Person, ids["hanne"]).email == "hanne-ved-posten@example.dk"


def test_a_cpr_number_is_refused_and_the_text_is_kept_for_correction(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    editor = app.window.open_record("people", ids["hanne"])
    notes = editor.inputs["notes"].edit
    qtbot.keyClicks(notes, "CPR 010190-1234")
    editor.flush()
    assert "CPR" in editor.errors["notes"].text()
    assert notes.toPlainText() == "CPR 010190-1234"
    assert app.store.get(Person, ids["hanne"]).notes is None


def test_switching_records_saves_the_one_left_at_once(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    window = app.window
    editor = window.open_record("people", ids["hanne"])
    qtbot.keyClicks(editor.inputs["roles"].edit, "kasserer")
    window.open_record("areas", ids["vestby"])
    assert app.store.get(Person, ids["hanne"]).roles == "kasserer"


def test_the_area_editor_explains_phase_and_influence(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "da")
    editor = app.window.open_record("areas", ids["vestby"])
    assert editor.phase_explained.text() == "Vi lytter og finder det, der er ubærligt, og kilderne til håb."
    combo = editor.inputs["influence"].combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # opens the list
    qtbot.waitUntil(combo.view().isVisible)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Down)  # Høre → Samskabe
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
    assert editor.influence_explained.text() == "Borgere og kommune beslutter og løser opgaven sammen."
    editor.flush()
    assert app.store.get(Area, ids["vestby"]).influence == "co_create"
    assert editor.tabs.tabText(1).startswith("Aktiviteter (")


def test_a_new_action_by_keyboard_gets_an_owner_and_a_due_date(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    window = app.window
    qtbot.keyClick(
        window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    editor = window.current_editor()
    text = editor.inputs["text"].edit
    assert text.hasFocus()
    qtbot.keyClicks(text, "Book salen til lyttemødet")
    owner = editor.inputs["owner_id"].edit
    owner.setFocus()
    qtbot.keyClicks(owner, "Mette Kristensen")
    qtbot.keyClick(owner, Qt.Key.Key_Return)
    qtbot.keyClick(editor.inputs["due_date"].check, Qt.Key.Key_Space)
    window.go("overview")  # leaving the page saves
    action = app.store.get(Action, editor.entity_id)
    assert (action.text, action.owner_id, action.due_date is not None) == (
        "Book salen til lyttemødet",
        ids["staff"],
        True,
    )
    assert QKeySequence("Ctrl+Shift+A").toString() in window.new_action_action.toolTip()


def test_a_facilitator_who_is_no_longer_staff_shows_by_name_not_by_code(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    app.store.update(Person, ids["staff"], is_staff=False)
    editor = app.window.open_record("activities", ids["first"])
    editor.tabs.setCurrentIndex(1)
    combo = editor.inputs["facilitator_id"].combo
    assert combo.currentText() == "Mette Kristensen"
    assert combo.currentData() == ids["staff"]
