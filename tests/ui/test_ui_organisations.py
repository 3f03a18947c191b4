"""Organisations have a list and an editor like areas: found, corrected, deleted and undone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_ui_delete import RealQuestions, answer_next_box

from fieldapp.domain import Organisation, OrganisationKind, Person
from fieldapp.store import DELETED, Store


def with_club(path):
    with Store.open(path) as store:
        club = store.add(Organisation(name="Vejle Idrætsforening", kind=OrganisationKind.ASSOCIATION))
        hanne = store.list(Person, "name = ?", ["Hanne Østergaard"])[0]
        store.update(Person, hanne.id, organisation_id=club.id)
    return club.id


def test_the_organisations_page_lists_them_and_the_editor_shows_its_people(launch, notebook, qtbot):
    path, _ = notebook
    club_id = with_club(path)
    app = launch("--db", str(path), "--lang", "da")
    page = app.window.go("organisations")
    rows = [page.table.model().index(r, 0).data() for r in range(page.table.model().rowCount())]
    assert rows == ["Vejle Idrætsforening"]
    assert page.table.model().index(0, 1).data() == "Forening", "the kind in words, not a code"
    editor = app.window.open_record("organisations", club_id)
    assert editor.heading.text() == "Vejle Idrætsforening"
    assert editor.tabs.tabText(0) == "Personer (1)"
    assert app.window.nav.item(4).text() == "Organisationer"


def test_a_new_organisation_from_the_file_menu(launch, notebook, qtbot):
    path, _ = notebook
    app = launch("--db", str(path), "--lang", "en")
    editor = app.window.new_organisation()
    assert editor is not None and editor.entity.name == "Ny organisation", "the notebook's language"
    assert app.window.current_key() == "organisations"


def test_delete_key_asks_with_cancel_first_and_ctrl_z_brings_it_back(launch, notebook, qtbot):
    path, _ = notebook
    club_id = with_club(path)
    app = launch("--db", str(path), "--lang", "en", answering=RealQuestions())
    window = app.window
    window.open_record("organisations", club_id)
    page = window.page("organisations")
    page.table.setFocus()
    seen: dict = {}
    answer_next_box(qtbot, seen, press_enter=False)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert seen["default"] == "Cancel" and "Vejle Idrætsforening" in seen["text"]
    assert app.store.find(Organisation, club_id) is None
    assert any(v.field == DELETED for v in app.store.versions("organisations", club_id)), (
        "a tombstone that syncs"
    )
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert app.store.get(Organisation, club_id).name == "Vejle Idrætsforening"
