"""The person picker never creates a person silently; Tab takes the suggestion; likely people come first."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from fieldapp.domain import ActivityKind, Person


def one_to_one(app):
    editor = app.window.new_activity(ActivityKind.ONE_TO_ONE)
    picker = editor.inputs["person_id"]
    picker.edit.setFocus()
    return editor, picker


def test_tab_on_a_partial_name_takes_the_highlighted_suggestion(launch, notebook, qtbot, dialogs):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    people = app.store.count(Person)
    _editor, picker = one_to_one(app)
    qtbot.keyClicks(picker.edit, "Hanne")
    popup = picker.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Tab)
    assert picker.value() == ids["hanne"]
    assert picker.edit.text() == "Hanne Østergaard"
    assert app.store.count(Person) == people, "nobody called »Hanne« was created"
    assert dialogs.choices == []


def test_a_likely_duplicate_is_offered_before_anyone_new_is_created(launch, notebook, qtbot, dialogs):
    path, _ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    people = app.store.count(Person)
    jens = next(p for p in app.store.list(Person) if p.name == "Jens Ærø")
    _editor, picker = one_to_one(app)
    dialogs.choose_answer = 0  # the first offer: the person already in the notebook
    qtbot.keyClicks(picker.edit, "jens aero")
    picker.completer.popup().hide()
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    text, options = dialogs.choices[-1]
    assert options == ["Jens Ærø (Give)", "Create »jens aero« as a new person"]
    assert picker.value() == jens.id
    assert app.store.count(Person) == people


def test_creating_a_person_is_an_explicit_choice_and_asks_for_consent(launch, notebook, qtbot, dialogs):
    path, _ids = notebook
    app = launch("--db", str(path), "--lang", "da")
    people = app.store.count(Person)
    _editor, picker = one_to_one(app)
    dialogs.choose_answer = None  # Cancel: nobody is created, the box goes back to what it held
    qtbot.keyClicks(picker.edit, "Aisha Haddad")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert app.store.count(Person) == people and picker.value() is None
    assert picker.edit.text() == ""
    assert dialogs.choices[-1][1] == ["Opret »Aisha Haddad« som ny person"]

    dialogs.choose_answer = 0
    qtbot.keyClicks(picker.edit, "Aisha Haddad")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    person = app.store.get(Person, picker.value())
    assert person.name == "Aisha Haddad"
    assert "samtykke" in dialogs.asked[-1][1].lower()
    assert person.consent_store_at == date.today() and person.consent_how == "verbal"


def test_a_new_participant_name_also_asks_instead_of_creating(launch, notebook, qtbot, dialogs):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    editor = app.window.open_record("activities", ids["first"])
    people = app.store.count(Person)
    dialogs.choose_answer = None
    box = editor.participants.name
    box.setFocus()
    qtbot.keyClicks(box, "Ole Nyhus")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert app.store.count(Person) == people
    assert dialogs.choices[-1][1] == ["Create »Ole Nyhus« as a new person"]
