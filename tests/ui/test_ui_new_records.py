"""New records: titled in the notebook's language, and not left behind when never filled in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fieldapp.domain import DEFAULT_SURVEY_STATEMENTS, Activity, ActivityKind, Area, SurveyItem


def test_an_untouched_new_walkabout_is_gone_when_the_user_moves_on(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    window = app.window
    before = app.store.count(Activity)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    empty = window.current_editor().entity_id
    window.open_record("people", ids["hanne"])
    assert app.store.find(Activity, empty) is None
    assert app.store.count(Activity) == before

    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = window.current_editor()
    qtbot.keyClicks(editor.capture.text, "Fliserne er løse")
    qtbot.keyClick(editor.capture.text, Qt.Key.Key_Return)
    window.open_record("people", ids["hanne"])
    assert app.store.find(Activity, editor.entity_id) is not None, "one observation makes it worth keeping"


def test_a_new_area_left_with_its_first_name_is_not_kept_but_a_named_one_is(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    window = app.window
    untouched = window.new_area().entity_id
    named = window.new_area()
    named.inputs["name"].edit.selectAll()
    qtbot.keyClicks(named.inputs["name"].edit, "Bakkegården")
    window.open_record("people", ids["hanne"])
    assert app.store.find(Area, untouched) is None
    assert app.store.get(Area, named.entity_id).name == "Bakkegården"


def test_a_meeting_opened_in_english_menus_gets_the_notebooks_danish_title_and_statements(
    launch, notebook, qtbot
):
    path, _ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    editor = app.window.new_activity(ActivityKind.LISTENING_MEETING)
    assert app.store.get(Activity, editor.entity_id).title.startswith("Lyttemøde ")
    statements = [item.statement for item, _ in editor.survey.model.rows]
    assert statements == [texts["da"] for texts in DEFAULT_SURVEY_STATEMENTS]


def test_typing_on_a_survey_statement_does_not_replace_it_but_f2_edits_it(launch, notebook, qtbot):
    path, _ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    editor = app.window.new_activity(ActivityKind.LISTENING_MEETING)
    editor.tabs.setCurrentWidget(editor.tabs.widget(1))
    table = editor.survey.table
    table.setFocus()
    first = table.model().index(0, 0)
    table.setCurrentIndex(first)
    original = first.data()
    qtbot.keyClicks(table, "5")
    assert table.state() != table.State.EditingState
    assert app.store.survey(editor.entity_id)[0][0].statement == original
    qtbot.keyClick(table, Qt.Key.Key_Tab)  # on to the first count: a digit types the count
    assert table.currentIndex().column() == 1
    qtbot.keyClicks(table, "7")
    assert table.state() == table.State.EditingState, "a count is typed straight in"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    item, _counts = app.store.survey(editor.entity_id)[0]
    assert item.statement == original
    table.setCurrentIndex(first)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert table.state() == table.State.EditingState, "F2 edits a statement on purpose"
    assert isinstance(app.store.get(SurveyItem, item.id), SurveyItem)
