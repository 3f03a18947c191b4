"""Agency over time in the area view and the overview, as a user sees them."""

from __future__ import annotations

from datetime import date

from test_agency import A, meeting

from fieldapp.domain import Area
from fieldapp.store import Store


def notebook_with_meetings(path):
    store = Store.open(path)
    area = store.add(Area(name="Vemmelev"))
    meeting(store, area, date(2026, 2, 3), [{A.AGREE: 2, A.DISAGREE: 6}, {A.NEUTRAL: 5}, {A.AGREE: 3}])
    meeting(store, area, date(2026, 5, 12), [{A.AGREE: 6, A.NEUTRAL: 2}, {A.AGREE: 5}, {A.AGREE: 5}])
    store.close()
    return area.id


def test_the_area_view_shows_agency_over_time_with_a_tooltip_per_meeting(launch, tmp_path, qtbot):
    path = tmp_path / "n.sqlite"
    area_id = notebook_with_meetings(path)
    app = launch("--db", str(path), "--lang", "da")
    editor = app.window.open_record("areas", area_id)
    tabs = editor.tabs
    index = [tabs.tabText(i) for i in range(tabs.count())].index("Handlekraft over tid")
    tabs.setCurrentIndex(index)
    chart = editor.agency.chart
    qtbot.waitUntil(lambda: bool(chart.series) and chart.isVisible())
    influence = chart.series[0]
    assert [round(p.share, 2) for p in influence.points] == [0.25, 0.75]
    assert "3 af 5" not in editor.agency.note.text()
    assert "færre end 5 svar" in editor.agency.note.text()
    qtbot.waitUntil(lambda: len(chart._dots) == 5)  # courage in February had 3 answers: left out
    tip = chart.tooltip(influence, influence.points[1])
    assert "75 % enige (6 af 8 svar)" in tip and "Lyttemøde 2026-05-12" in tip
    editor.grab().save(str(tmp_path / "agency_da.png"))


def test_the_overview_explains_what_is_missing_when_no_meeting_has_enough_answers(launch, tmp_path, qtbot):
    path = tmp_path / "n.sqlite"
    with Store.open(path) as store:
        store.add(Area(name="Vemmelev"))  # not empty: an empty notebook shows its first steps instead
    app = launch("--db", str(path), "--lang", "en")
    from fieldapp.ui.agency_view import AgencyPanel

    panels = app.window.findChildren(AgencyPanel)
    assert panels
    qtbot.waitUntil(lambda: "No listening meeting" in panels[0].note.text())
    assert panels[0].chart.isHidden()
