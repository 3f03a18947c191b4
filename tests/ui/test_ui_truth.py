"""One change signal from the store: lists, counts, tabs and open editors' drop-downs show the truth."""

from __future__ import annotations

from fieldapp.domain import Area, Person
from fieldapp.store import privacy


def test_a_new_area_is_offered_at_once_in_an_editor_that_is_already_open(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    editor = app.window.open_record("activities", ids["first"])
    combo = editor.inputs["area_id"].combo
    before = combo.currentData()
    app.window.new_area_action.trigger()  # File ▸ New area, then the user names it
    area_editor = app.window.current_editor()
    area_editor.inputs["name"].edit.setFocus()
    area_editor.inputs["name"].edit.selectAll()
    qtbot.keyClicks(area_editor.inputs["name"].edit, "Nørreby")
    qtbot.waitUntil(lambda: combo.findText("Nørreby") >= 0, timeout=2000)
    assert combo.currentData() == before, "the activity keeps its area"
    areas = app.window.page("areas")
    names = [areas.table.model().index(r, 0).data() for r in range(areas.table.model().rowCount())]
    assert "Nørreby" in names


def test_an_erasure_elsewhere_updates_the_counts_the_list_and_closes_the_editor(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    window = app.window
    people = window.page("people")
    window.open_record("people", ids["hanne"])
    assert "3 people" in window.counts_label.text()
    privacy.erase_person(app.store, ids["hanne"])  # the public erasure service, as the review uses it
    qtbot.waitUntil(lambda: "2 people" in window.counts_label.text(), timeout=2000)
    assert people.detail.editor is None
    shown = [people.table.model().index(r, 0).data() for r in range(people.table.model().rowCount())]
    assert "Hanne Østergaard" not in shown


def test_an_area_editor_tabs_count_a_person_added_elsewhere(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    editor = app.window.open_record("areas", ids["vestby"])
    assert editor.tabs.tabText(0) == "People (1)"
    app.store.add(Person(name="Karen Bæk", area_id=ids["vestby"]))
    qtbot.waitUntil(lambda: editor.tabs.tabText(0) == "People (2)", timeout=2000)
    app.store.add(Area(name="Skovby"))
    qtbot.waitUntil(
        lambda: (
            "Skovby"
            in [
                editor.inputs["name"].value(),
                *[
                    app.window.page("areas").table.model().index(r, 0).data()
                    for r in range(app.window.page("areas").table.model().rowCount())
                ],
            ]
        ),
        timeout=2000,
    )
