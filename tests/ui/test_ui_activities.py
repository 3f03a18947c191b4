"""Logging the three kinds of activity from the keyboard, and finding it all again after a restart."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSpinBox

from fieldapp.domain import (
    DEFAULT_SURVEY_STATEMENTS,
    Action,
    Activity,
    ActivityKind,
    LeadershipStage,
    ObservationKind,
    Person,
)
from fieldapp.ui.editors import ActivityEditor
from fieldapp.ui.panels import SurveyModel

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def open_spin_boxes(table) -> list[QSpinBox]:
    return [box for box in table.findChildren(QSpinBox) if box.isVisible()]


def type_into_focus(qtbot, text: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, text)


def test_a_walkabout_typed_on_the_move_is_all_there_after_a_restart(launch, qtbot, home):
    app = launch("--lang", "en")
    window = app.window
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    editor = window.current_editor()
    assert isinstance(editor, ActivityEditor) and editor.entity.kind == ActivityKind.WALKABOUT
    assert QApplication.focusWidget() is editor.inputs["title"].edit, "the title is ready to be typed over"
    type_into_focus(qtbot, "Byvandring på Torvet")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    capture = editor.capture
    assert QApplication.focusWidget() is capture.text
    qtbot.keyClicks(capture.text, "Fortovet er for smalt til barnevogne")
    qtbot.keyClick(capture.text, Qt.Key.Key_Return)
    assert capture.text.text() == "", "Enter stores the observation and empties the box"
    qtbot.keyClick(capture.text, Qt.Key.Key_K, CTRL)
    assert capture.kind_button.text() == "Source of hope"
    qtbot.keyClicks(capture.themes, "fællesskab, unge")
    qtbot.keyClicks(capture.text, "Spejderne vil gerne passe det nye fælleshus")
    qtbot.keyClick(capture.text, Qt.Key.Key_Return)
    assert capture.model.rowCount() == 2
    assert capture.model.index(1, capture.model.COL_KIND).data() == "Source of hope"
    # the title is saved by the autosave timer, without closing anything
    qtbot.waitUntil(
        lambda: app.store.get(Activity, editor.entity_id).title == "Byvandring på Torvet", timeout=3000
    )
    activity_id = editor.entity_id
    window.close()
    app.shutdown()

    again = launch("--lang", "en")
    view = again.window.go("activities")
    assert view.model.index(0, view.model.COL_TITLE).data() == "Byvandring på Torvet"
    assert view.model.index(0, view.model.COL_OBSERVATIONS).data() == "2"
    reopened = again.window.open_record("activities", activity_id)
    rows = reopened.capture.model.rows
    assert [(o.text, o.kind) for o, _themes in rows] == [
        ("Fortovet er for smalt til barnevogne", ObservationKind.CONCERN),
        ("Spejderne vil gerne passe det nye fælleshus", ObservationKind.HOPE),
    ]
    assert rows[1][1] == ["fællesskab", "unge"]
    assert rows[0][0].observed_at is not None, "stored with the time it was typed"


def test_a_one_to_one_talk_moves_the_person_up_the_ladder_and_creates_the_follow_up(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    window = app.window
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL | SHIFT)
    editor = window.current_editor()
    assert editor.entity.kind == ActivityKind.ONE_TO_ONE
    type_into_focus(qtbot, "Kaffe med Hanne")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    picker = editor.inputs["person_id"]
    assert QApplication.focusWidget() is picker.edit
    qtbot.keyClicks(picker.edit, "Hanne Østergaard")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert picker.value() == ids["hanne"], "an existing person is picked by name"
    qtbot.keyClicks(editor.inputs["story"].edit, "Flyttede hertil for ti år siden.")
    assessment = editor.inputs["leadership_assessment"].combo
    assessment.setFocus()
    qtbot.keyClick(assessment, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(assessment.view().isVisible)
    for _ in range(3):  # — → contact → potential → emerging
        qtbot.keyClick(assessment.view(), Qt.Key.Key_Down)
    qtbot.keyClick(assessment.view(), Qt.Key.Key_Return)
    assert editor.inputs["leadership_assessment"].value() == "emerging"
    follow_up = editor.inputs["follow_up_date"]
    qtbot.keyClick(follow_up.check, Qt.Key.Key_Space)
    assert follow_up.value() == date.today()
    editor.flush()

    assert app.store.get(Person, ids["hanne"]).leadership_stage == LeadershipStage.EMERGING
    [action] = [a for a in app.store.list(Action) if a.activity_id == editor.entity_id]
    assert action.due_date == date.today()
    assert "Hanne Østergaard" in action.text


def test_a_new_name_in_the_person_box_creates_that_person(launch, qtbot):
    app = launch("--lang", "en")
    editor = app.window.new_activity(ActivityKind.ONE_TO_ONE)
    picker = editor.inputs["person_id"]
    picker.edit.setFocus()
    qtbot.keyClicks(picker.edit, "Aisha Haddad")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    person = app.store.get(Person, picker.value())
    assert person.name == "Aisha Haddad"


def test_a_listening_meeting_counts_the_survey_and_shows_percentages(launch, qtbot):
    app = launch("--lang", "en")
    qtbot.keyClick(app.window, Qt.Key.Key_L, CTRL | SHIFT)
    editor = app.window.current_editor()
    assert editor.entity.kind == ActivityKind.LISTENING_MEETING
    editor.tabs.setCurrentWidget(editor.tabs.widget(1))
    table, model = editor.survey.table, editor.survey.model
    # The statements are the notebook's (Danish), whatever language the menus are in.
    assert [model.index(r, 0).data() for r in range(3)] == [
        texts["da"] for texts in DEFAULT_SURVEY_STATEMENTS
    ]
    agree = 1 + SurveyModel.ANSWERS.index("agree")
    strongly = 1 + SurveyModel.ANSWERS.index("strongly_agree")
    for column, count in ((agree, "7"), (strongly, "3")):
        table.setFocus()
        table.setCurrentIndex(model.index(0, column))
        qtbot.keyClicks(table, count)  # typing on a cell opens its editor
        [cell_editor] = open_spin_boxes(table)
        assert cell_editor.hasFocus()
        qtbot.keyClick(cell_editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: open_spin_boxes(table) == [])
    assert model.index(0, agree).data() == "7\n70%"
    assert model.index(0, strongly).data() == "3\n30%"
    assert model.index(0, SurveyModel.COL_TOTAL).data() == "10"
    [(item, counts)] = app.store.survey(editor.entity_id)[:1]
    assert counts["agree"] == 7 and counts["strongly_agree"] == 3

    capture = editor.capture
    editor.tabs.setCurrentIndex(0)
    qtbot.keyClicks(capture.text, "Flere bænke langs åen")
    qtbot.keyClick(capture.text, Qt.Key.Key_Return)
    votes = capture.model.index(0, capture.model.COL_VOTES)
    assert capture.model.setData(votes, 12)
    assert app.store.observations(editor.entity_id)[0].votes == 12
