"""Photos on a walkabout (file dialog and drag-and-drop), and finding things with the search box."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from conftest import AnsweringDialogs
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from fieldapp.domain import Activity, ActivityKind
from fieldapp.ui.editors import ActivityEditor
from fieldapp.ui.list_models import ID_ROLE
from fieldapp.ui.search_view import HEADER_ROLE

CTRL = Qt.KeyboardModifier.ControlModifier


def make_jpeg(path, taken: str) -> None:
    image = Image.new("RGB", (640, 480), (40, 120, 200))
    exif = Image.Exif()
    exif.get_ifd(0x8769)[36867] = taken  # DateTimeOriginal
    image.save(path, "JPEG", exif=exif.tobytes())


def test_a_photo_added_by_file_dialog_shows_as_a_thumbnail_with_its_time(launch, tmp_path, qtbot):
    photo = tmp_path / "baenk.jpg"
    make_jpeg(photo, "2026:05:04 10:31:00")
    dialogs = AnsweringDialogs(files=[str(photo)])
    app = launch("--lang", "da", answering=dialogs)
    editor: ActivityEditor = app.window.new_activity(ActivityKind.WALKABOUT)
    panel = editor.photos
    editor.tabs.setCurrentWidget(editor.tabs.widget(3))
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 1
    index = panel.model.index(0)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "04.05.2026 10.31"
    thumbnail = index.data(Qt.ItemDataRole.DecorationRole)
    assert not thumbnail.isNull() and max(thumbnail.width(), thumbnail.height()) == 160
    [attachment] = app.store.attachments(activity_id=editor.entity_id)
    assert attachment.taken_at == datetime(2026, 5, 4, 10, 31)
    assert app.store.attachment_file(attachment).read_bytes() == photo.read_bytes()


def test_a_photo_dropped_on_the_panel_is_added_and_a_missing_file_is_one_sentence(launch, tmp_path, qtbot):
    photo = tmp_path / "torvet.jpg"
    make_jpeg(photo, "2026:06:01 09:00:00")
    dialogs = AnsweringDialogs(files=[str(tmp_path / "gone.jpg")])
    app = launch("--lang", "en", answering=dialogs)
    editor = app.window.new_activity(ActivityKind.WALKABOUT)
    panel = editor.photos
    editor.tabs.setCurrentWidget(editor.tabs.widget(3))
    qtbot.waitExposed(panel)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(photo))])
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(panel, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(panel, drop)
    assert panel.model.rowCount() == 1
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    [(title, text)] = dialogs.errors
    assert title == "Some files were not added"
    assert text == f"The file '{tmp_path / 'gone.jpg'}' does not exist (any more)."
    assert panel.model.rowCount() == 1


def test_ctrl_f_search_shows_grouped_highlighted_hits_and_enter_opens_one(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    window = app.window
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    view = window.pages["search"]
    assert QApplication.focusWidget() is view.box
    qtbot.keyClicks(view.box, "legeplads*")
    qtbot.waitUntil(lambda: view.model.hit_count() > 0, timeout=2000)
    model = view.model
    headers = [model.index(r).data() for r in range(model.rowCount()) if model.index(r).data(HEADER_ROLE)]
    assert headers == ["Observations"]
    hit = model.index(1).data(Qt.ItemDataRole.UserRole + 10)
    assert "\x02legepladsen\x03" in hit.snippet
    assert "legepladsen" in model.index(1).data(Qt.ItemDataRole.AccessibleTextRole)
    assert view.status.text() == "1 match"
    qtbot.keyClick(view.box, Qt.Key.Key_Return)
    assert window.current_key() == "activities"
    editor = window.current_editor()
    assert editor.entity_id == ids["first"]
    assert app.store.get(Activity, ids["first"]).title == editor.inputs["title"].value()


def test_a_search_with_only_punctuation_says_so_in_danish(launch, notebook, qtbot):
    path, _ids = notebook
    app = launch("--db", str(path), "--lang", "da")
    view = app.window.go("search")
    view.box.setText("!!!")
    view.run_search()
    assert view.model.rowCount() == 0
    assert view.status.text() == "Søgningen »!!!« kunne ikke forstås."


def test_a_half_typed_phrase_still_finds_the_words(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    view = app.window.go("search")
    qtbot.keyClicks(view.box, '"legepladsen')
    view.run_search()
    assert view.model.hit_count() == 1
    view.box.setText("*")
    view.run_search()
    assert view.model.hit_count() == 0 and view.status.text() == "The search '*' could not be understood."


def test_a_photo_can_be_opened_captioned_retimed_and_removed(launch, tmp_path, qtbot):
    photo = tmp_path / "baenk.jpg"
    make_jpeg(photo, "2026:05:04 10:31:00")
    dialogs = AnsweringDialogs(files=[str(photo)])
    app = launch("--lang", "da", answering=dialogs)
    editor: ActivityEditor = app.window.new_activity(ActivityKind.WALKABOUT)
    panel = editor.photos
    editor.tabs.setCurrentWidget(editor.tabs.widget(3))
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)  # opens it in the system's viewer
    [url] = dialogs.opened_urls
    assert url.toLocalFile().endswith("baenk.jpg")
    assert Path(url.toLocalFile()).read_bytes() == photo.read_bytes()

    panel.caption.setFocus()
    qtbot.keyClicks(panel.caption, "Bænken ved søen")
    qtbot.keyClick(panel.caption, Qt.Key.Key_Tab)
    box = panel.taken.edit
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "4.5.26 11.15")
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    [attachment] = app.store.attachments(activity_id=editor.entity_id)
    assert attachment.caption == "Bænken ved søen"
    assert attachment.taken_at == datetime(2026, 5, 4, 11, 15)
    assert panel.model.index(0).data(Qt.ItemDataRole.DisplayRole) == "04.05.2026 11.15"

    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert app.store.attachments(activity_id=editor.entity_id) == []
    assert panel.model.rowCount() == 0
    assert "Bænken ved søen" in dialogs.confirms[-1][1], "the question names the photo"


def test_a_search_hit_on_a_late_page_is_selected_in_its_list_and_next_previous_go_on_from_it(
    home, launch, qtbot
):
    from conftest import fill_notebook

    from fieldapp.store import Store

    path = home / "big.sqlite"
    fill_notebook(path, activities=230)  # the list loads 200 at a time, newest first
    with Store.open(path) as store:
        oldest = next(a for a in store.list(Activity) if a.title == "Møde nummer 229")
        store.add_observation(oldest.id, "Fortovet ved kirken er skævt", "concern")
        before = next(a for a in store.list(Activity) if a.title == "Møde nummer 228")
    app = launch("--db", str(path), "--lang", "en")
    window = app.window
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    view = window.pages["search"]
    qtbot.keyClicks(view.box, "fortovet")
    qtbot.waitUntil(lambda: view.model.hit_count() > 0, timeout=2000)
    qtbot.keyClick(view.box, Qt.Key.Key_Return)
    activities = window.pages["activities"]
    assert activities.table.currentIndex().data(ID_ROLE) == oldest.id
    qtbot.keyClick(window, Qt.Key.Key_Comma, CTRL)  # previous record: the one above it in the list
    assert window.current_editor().entity_id == before.id
