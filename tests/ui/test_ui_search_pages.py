"""The search page shows the true number of hits and pages through all of them; Danish
inflections and theme names find what the user means."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fieldapp.domain import Activity
from fieldapp.store import Store
from fieldapp.ui.search_view import HEADER_ROLE, HIT_ROLE, PAGE_SIZE


def hits_on_screen(view) -> list:
    model = view.model
    return [
        model.index(r).data(HIT_ROLE) for r in range(model.rowCount()) if not model.index(r).data(HEADER_ROLE)
    ]


def test_the_true_total_is_shown_and_every_hit_can_be_reached(launch, home, qtbot):
    path = home / "many.sqlite"
    with Store.open(path) as store:
        walk = store.add(Activity(kind="walkabout", title="Byvandring i Uldum", starts_at="2026-05-01 10:00"))
        for n in range(250):
            store.add_observation(walk.id, f"Børnene leger på legeplads nummer {n}", "hope")
    app = launch("--db", str(path), "--lang", "da")
    view = app.window.go("search")
    qtbot.keyClicks(view.box, "legeplads")  # the base form finds "legepladsen" ... and "legeplads"
    qtbot.waitUntil(lambda: view.total > 0, timeout=3000)
    assert view.status.text() == "250 resultater, viser 1–100"
    assert len(hits_on_screen(view)) == PAGE_SIZE
    assert view.next_page.isEnabled() and not view.previous_page.isEnabled()
    seen = {h.row_id for h in hits_on_screen(view)}
    qtbot.mouseClick(view.next_page, Qt.MouseButton.LeftButton)
    assert view.status.text() == "250 resultater, viser 101–200"
    seen |= {h.row_id for h in hits_on_screen(view)}
    qtbot.mouseClick(view.next_page, Qt.MouseButton.LeftButton)
    assert view.status.text() == "250 resultater, viser 201–250"
    assert not view.next_page.isEnabled() and view.previous_page.isEnabled()
    seen |= {h.row_id for h in hits_on_screen(view)}
    assert len(seen) == 250
    qtbot.mouseClick(view.previous_page, Qt.MouseButton.LeftButton)
    assert view.status.text() == "250 resultater, viser 101–200"


def test_a_theme_name_and_an_inflection_find_the_observations(launch, home, qtbot):
    path = home / "themes.sqlite"
    with Store.open(path) as store:
        walk = store.add(
            Activity(kind="walkabout", title="Byvandring i Barrit", starts_at="2026-05-01 10:00")
        )
        store.add_observation(walk.id, "Bussen kører kun to gange om dagen", themes=["Mobilitet"])
        store.add_observation(walk.id, "Ældres behov bliver overset", "concern")
    app = launch("--db", str(path), "--lang", "en")
    view = app.window.go("search")
    qtbot.keyClicks(view.box, "mobilitet")
    qtbot.waitUntil(lambda: view.total > 0, timeout=3000)
    [hit] = hits_on_screen(view)
    assert hit.snippet.startswith("\x02Mobilitet\x03 · Bussen")
    assert view.status.text() == "1 match" and not view.next_page.isVisible()
    view.box.clear()
    qtbot.keyClicks(view.box, "ældre")
    qtbot.waitUntil(
        lambda: [h.snippet for h in hits_on_screen(view)] == ["\x02Ældres\x03 behov bliver overset"]
    )
