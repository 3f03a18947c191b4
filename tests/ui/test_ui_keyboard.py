"""Never type into the wrong record: drop-downs open with Alt+Down and keep their value under arrows."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fieldapp.domain import Area


def test_arrow_keys_on_a_closed_drop_down_change_nothing_and_alt_down_opens_it(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    window = app.window
    editor = window.open_record("areas", ids["vestby"])
    combo = editor.inputs["phase"].combo
    combo.setFocus()
    before = combo.currentData()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_End):
        qtbot.keyClick(combo, key)
    assert combo.currentData() == before
    editor.flush()
    assert app.store.get(Area, ids["vestby"]).phase == before

    qtbot.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(combo.view().isVisible)
    assert window.current_editor() is editor, "Alt+Down opened the list, it did not move to another record"
    qtbot.keyClick(combo.view(), Qt.Key.Key_Down)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
    assert combo.currentData() != before, "inside the open list, arrows choose as usual"
    editor.flush()
    assert app.store.get(Area, ids["vestby"]).phase == combo.currentData()
