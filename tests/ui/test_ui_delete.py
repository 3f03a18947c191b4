"""Delete any record from its editor, its list (Delete key, context menu) and Edit ▸ Delete; undo it."""

from __future__ import annotations

from conftest import AnsweringDialogs
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldapp.domain import Action, Activity, Area, Observation, Person
from fieldapp.store import DELETED
from fieldapp.ui.dialogs import Dialogs


class RealQuestions(AnsweringDialogs):
    """The app's own confirmation box (not a prepared answer): the test looks at it and answers it."""

    confirm = Dialogs.confirm


def answer_next_box(qtbot, seen: dict, *, press_enter: bool) -> None:
    tries = iter(range(50))

    def answer() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:  # not shown yet: look again in a moment (for a second at most)
            if next(tries, None) is not None:
                QTimer.singleShot(20, answer)
            return
        box = boxes[0]
        seen["text"] = box.text()
        seen["default"] = box.defaultButton().text()
        seen["accept"] = box.accept_button.text()
        if press_enter:
            qtbot.keyClick(box, Qt.Key.Key_Return)
        else:
            box.accept_button.click()

    QTimer.singleShot(50, answer)


def test_delete_key_in_the_people_list_asks_and_a_hurried_enter_keeps_the_person(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en", answering=RealQuestions())
    window = app.window
    window.open_record("people", ids["hanne"])
    people = window.page("people")
    people.table.setFocus()
    seen: dict = {}
    answer_next_box(qtbot, seen, press_enter=True)
    qtbot.keyClick(people.table, Qt.Key.Key_Delete)
    assert seen["default"] == "Cancel" and seen["accept"] == "Delete"
    assert "Hanne Østergaard" in seen["text"]
    assert app.store.find(Person, ids["hanne"]) is not None, "Enter answers the safe way"

    window.activateWindow()  # back in the list after the box closed
    qtbot.waitUntil(window.isActiveWindow)
    people.table.setFocus()
    qtbot.waitUntil(people.table.hasFocus)
    answer_next_box(qtbot, seen, press_enter=False)
    qtbot.keyClick(people.table, Qt.Key.Key_Delete)
    assert app.store.find(Person, ids["hanne"]) is None
    assert any(v.field == DELETED for v in app.store.versions("people", ids["hanne"])), (
        "a tombstone that syncs"
    )
    shown = [people.table.model().index(r, 0).data() for r in range(people.table.model().rowCount())]
    assert "Hanne Østergaard" not in shown

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    people.table.setFocus()
    qtbot.keyClick(people.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert app.store.get(Person, ids["hanne"]).name == "Hanne Østergaard"
    assert window.current_editor().entity_id == ids["hanne"], "what came back is shown"


def test_a_danish_question_names_what_goes_with_a_walkabout(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "da", answering=RealQuestions())
    editor = app.window.open_record("activities", ids["first"])
    seen: dict = {}
    answer_next_box(qtbot, seen, press_enter=True)
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert seen["default"] in ("Annuller", "Cancel")
    assert "Med den går 1 observation." in seen["text"]
    assert app.store.find(Activity, ids["first"]) is not None


def test_every_main_record_deletes_from_its_editor_with_what_hangs_off_it_and_comes_back(
    launch, notebook, qtbot, dialogs
):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    window = app.window
    observation = app.store.observations(ids["first"])[0]
    action = app.store.list(Action)[0]
    for table, cls, record_id in (
        ("activities", Activity, ids["first"]),
        ("areas", Area, ids["give"]),
        ("actions", Action, action.id),
        ("people", Person, ids["hanne"]),
    ):
        editor = window.open_record(table, record_id)
        qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
        assert app.store.find(cls, record_id) is None, table
        view = window.page(table)
        qtbot.waitUntil(lambda v=view, r=record_id: v.detail.editor is None or v.detail.editor.entity_id != r)
    assert "With it go 1 observation." in dialogs.confirms[0][1]
    assert app.store.find(Observation, observation.id) is None
    for _ in range(4):
        window.undo_action.trigger()
    for cls, record_id in (
        (Activity, ids["first"]),
        (Area, ids["give"]),
        (Action, action.id),
        (Person, ids["hanne"]),
    ):
        assert app.store.find(cls, record_id) is not None
    assert app.store.get(Observation, observation.id).text == "Bænken ved legepladsen er væk"
    assert app.store.themes_of(observation.id) == ["legeplads"]


def test_the_list_context_menu_deletes(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    areas = app.window.go("areas")
    row = next(
        r for r in range(areas.table.model().rowCount()) if areas.table.model().index(r, 0).data() == "Give"
    )
    rect = areas.table.visualRect(areas.table.model().index(row, 0))
    areas.table.customContextMenuRequested.emit(rect.center())
    menu = areas.context_menu
    delete = next(a for a in menu.actions() if a.text() == "Delete…")
    delete.trigger()
    menu.close()
    assert app.store.find(Area, ids["give"]) is None


def test_edit_delete_takes_the_observation_under_the_focus_and_undo_brings_it_back(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    editor = app.window.open_record("activities", ids["first"])
    table = editor.capture.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 2))
    observation_id = (
        table.currentIndex().data(Qt.ItemDataRole.UserRole + 1) or app.store.observations(ids["first"])[0].id
    )
    qtbot.keyClick(table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert app.store.find(Observation, observation_id) is None
    assert app.store.find(Activity, ids["first"]) is not None, "only the observation"
    assert table.model().rowCount() == 0
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert app.store.find(Observation, observation_id) is not None
    editor = app.window.current_editor()
    assert editor.capture.model.rowCount() == 1


def test_ctrl_z_after_a_choice_puts_it_back_but_in_a_text_box_it_is_the_box_own_undo(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    editor = app.window.open_record("areas", ids["vestby"])
    combo = editor.inputs["phase"].combo
    combo.setFocus()
    combo.setCurrentIndex(combo.findData("withdraw"))
    combo.activated.emit(combo.currentIndex())  # as a pick from the open list does
    editor.flush()
    assert app.store.get(Area, ids["vestby"]).phase == "withdraw"
    name = editor.inputs["name"].edit
    name.setFocus()
    qtbot.keyClicks(name, "x")
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert name.text() == "Vestbyen", "the text box undid its own typing"
    assert app.store.get(Area, ids["vestby"]).phase == "withdraw", "…and nothing else"
    combo = app.window.current_editor().inputs["phase"].combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert app.store.get(Area, ids["vestby"]).phase == "awaken"
    assert app.window.current_editor().inputs["phase"].value() == "awaken"


def test_a_person_is_erased_from_the_person_editor_after_a_question_that_defaults_to_cancel(
    launch, notebook, qtbot
):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "da", answering=RealQuestions())
    window = app.window
    editor = window.open_record("people", ids["hanne"])
    seen: dict = {}
    answer_next_box(qtbot, seen, press_enter=True)
    qtbot.mouseClick(editor.erase_button, Qt.MouseButton.LeftButton)
    assert seen["default"] == "Annuller" and seen["accept"] == "Slet for altid"
    assert "Vil du slette Hanne Østergaard for altid?" in seen["text"]
    assert app.store.find(Person, ids["hanne"]) is not None

    answer_next_box(qtbot, seen, press_enter=False)
    qtbot.mouseClick(editor.erase_button, Qt.MouseButton.LeftButton)
    assert app.store.find(Person, ids["hanne"]) is None
    qtbot.waitUntil(lambda: window.page("people").detail.editor is None, timeout=2000)
    assert "2 personer" in window.counts_label.text()


def test_a_relation_and_a_survey_statement_delete_with_the_delete_key_and_come_back(launch, notebook, qtbot):
    from fieldapp.domain import ActivityKind, Relation, RelationKind, SurveyItem
    from fieldapp.store import lookups

    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    lookups.add_relation(app.store, ids["hanne"], ids["staff"], RelationKind.KNOWS)
    editor = app.window.open_record("people", ids["hanne"])
    editor.tabs.setCurrentIndex(2)
    table = editor.relations_table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert app.store.count(Relation) == 0
    assert app.store.find(Person, ids["staff"]) is not None, "the link goes, not the person"
    app.window.undo_action.trigger()
    assert app.store.count(Relation) == 1

    meeting = app.window.new_activity(ActivityKind.LISTENING_MEETING)
    meeting.tabs.setCurrentIndex(1)
    survey = meeting.survey.table
    survey.setFocus()
    survey.setCurrentIndex(survey.model().index(2, 0))
    qtbot.keyClick(survey, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)  # Edit ▸ Delete
    assert len(app.store.survey_items(meeting.entity_id)) == 2
    assert survey.model().rowCount() == 2
    assert isinstance(app.store.survey_items(meeting.entity_id)[0], SurveyItem)


def test_every_destructive_question_answers_no_to_a_hurried_enter(qtbot):
    """The app's own boxes (not prepared answers): deleting, importing deletions, erasing, consent."""
    dialogs = Dialogs()
    for build in (
        lambda: dialogs.confirm_box(None, "Delete", "Delete it?", "Delete"),
        lambda: dialogs.confirm_box(None, "Delete", "Delete it?"),
        lambda: dialogs.ask_box(None, "Delete many records?", "…", "Import and delete", safe_default=True),
    ):
        box = build()
        qtbot.addWidget(box)
        assert box.defaultButton() is not box.accept_button
        assert box.escapeButton() is not box.accept_button
    opening = dialogs.ask_box(None, "PDF ready", "…", "Open the PDF")
    qtbot.addWidget(opening)
    assert opening.defaultButton() is opening.accept_button, "harmless questions keep the helpful default"


def test_a_participant_is_taken_off_with_a_question_and_comes_back_from_the_edit_menu(
    launch, notebook, qtbot, dialogs
):
    from fieldapp.domain import Participant

    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    app.store.add_participant(ids["first"], ids["hanne"])
    editor = app.window.open_record("activities", ids["first"])
    panel = editor.participants
    editor.tabs.setCurrentIndex(2)
    panel.model.refresh()
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert "Hanne Østergaard" in dialogs.confirms[-1][1]
    assert app.store.participants(ids["first"]) == []
    assert app.store.find(Person, ids["hanne"]) is not None, "the person stays in the notebook"
    edit_menu = app.window.menuBar().actions()[1].menu()
    undo = next(a for a in edit_menu.actions() if a.text().startswith("Undo"))
    assert undo.isEnabled() and "Hanne Østergaard" in undo.text()
    undo.trigger()
    assert [p.id for _part, p in app.store.participants(ids["first"])] == [ids["hanne"]]
    assert app.store.count(Participant) == 1
