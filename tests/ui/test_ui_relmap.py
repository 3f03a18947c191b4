"""The relational map tab of an area: filters, clicking a person, what it says."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from test_relmap import village  # noqa: F401  (the fixture)


def test_the_map_shows_the_area_filters_by_stage_and_opens_a_clicked_person(launch, village, qtbot, tmp_path):  # noqa: F811
    store, area, people = village
    path = tmp_path / "n.sqlite"
    store.close()
    app = launch("--db", str(path), "--lang", "da")
    editor = app.window.open_record("areas", area.id)
    tabs = editor.tabs
    tabs.setCurrentIndex([tabs.tabText(i) for i in range(tabs.count())].index("Relationskort"))
    panel = editor.relmap
    qtbot.waitUntil(lambda: panel.relmap is not None)
    assert len(panel.relmap.people) == 6
    assert "6 personer" in panel.note.text()
    panel.stage_boxes["contact"].setChecked(False)
    qtbot.waitUntil(lambda: len(panel.relmap.people) == 3)
    assert {p.name for p in panel.relmap.people} == {"Anna Holm", "Carl Dahl", "Dorte Juhl"}
    panel.resize(900, 600)
    anna = next(p for p in panel.relmap.people if p.name == "Anna Holm")
    from fieldapp.ui.relmap_view import SCALE

    spot = panel.view.mapFromScene(anna.x * SCALE, anna.y * SCALE)
    with qtbot.waitSignal(panel.open_record) as opened:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(spot.x(), spot.y()))
    assert opened.args == ["people", people["Anna"].id]
    editor.grab().save(str(tmp_path / "relmap_da.png"))
