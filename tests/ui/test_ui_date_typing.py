"""Every date and date-time field takes a date typed the Danish way, in both languages."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

from fieldapp.domain import Action, Activity, ActivityKind, Person

TYPED = ["03.12.2026", "3.12.26", "03122026"]
DATE_FIELDS = {
    "people": ["consent_store_at", "consent_withdrawn_at", "review_after"],
    "one_to_one": ["starts_at", "ends_at", "follow_up_date"],
    "walkabout": ["starts_at", "ends_at"],
    "listening_meeting": ["starts_at", "ends_at"],
    "actions": ["due_date", "completed_at"],
}


def open_editor(app, ids, what: str):
    window = app.window
    if what == "people":
        return window.open_record("people", ids["hanne"]), Person, ids["hanne"]
    if what == "actions":
        action = app.store.list(Action)[0]
        return window.open_record("actions", action.id), Action, action.id
    editor = window.new_activity(ActivityKind(what))
    return editor, Activity, editor.entity_id


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("what", list(DATE_FIELDS))
def test_a_date_typed_the_danish_way_is_the_third_of_december_in_every_field(
    launch, notebook, qtbot, what, lang
):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", lang)
    for field in DATE_FIELDS[what]:
        for typed in TYPED:
            editor, cls, record_id = open_editor(app, ids, what)
            if field == "ends_at":  # the end must not come before the start
                editor.inputs["starts_at"].set_value(datetime(2026, 12, 2, 9, 0))
                editor.changed("starts_at")
            box = editor.inputs[field].edit
            box.setFocus()
            box.selectAll()
            qtbot.keyClicks(box, typed)
            qtbot.keyClick(box, Qt.Key.Key_Tab)  # on to the next field: saved at once
            assert editor.errors[field].isHidden(), (field, typed, editor.errors[field].text())
            stored = getattr(app.store.get(cls, record_id), field)
            day = stored.date() if isinstance(stored, datetime) else stored
            assert day == date(2026, 12, 3), (what, field, typed)
            assert box.text().startswith("03.12.2026" if lang == "da" else "2026-12-03"), (
                "shown the usual way"
            )


def test_a_date_that_does_not_exist_is_explained_and_kept(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "da")
    editor = app.window.open_record("people", ids["hanne"])
    box = editor.inputs["review_after"].edit
    box.setFocus()
    qtbot.keyClicks(box, "31.02.2026")
    editor.flush()
    assert not editor.errors["review_after"].isHidden()
    assert box.text() == "31.02.2026"
    assert app.store.get(Person, ids["hanne"]).review_after is None
