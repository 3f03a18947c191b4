"""Starting the app: first run, the notebook lock, languages, the crash dialog."""

from __future__ import annotations

import logging

from conftest import AnsweringDialogs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fieldapp.ui.app import EXIT_CANCELLED, EXIT_LOCKED, Feltbog
from fieldapp.ui.crash import CrashDialog, ErrorReporter, setup_logging


def nav_texts(window) -> list[str]:
    return [window.nav.item(row).text() for row in range(window.nav.count())]


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_first_run_offers_an_empty_notebook_in_the_data_folder(launch, home, dialogs):
    app = launch("--lang", "en")
    assert isinstance(app, Feltbog)
    assert app.store.path == (home / "feltbog.sqlite").resolve()
    assert nav_texts(app.window) == [
        "Overview",
        "Activities",
        "People",
        "Areas",
        "Organisations",
        "Actions",
        "Search",
    ]
    assert "0 activities · 0 people · 0 open actions" in app.window.counts_label.text()
    assert app.window.file_label.text() == "Notebook: feltbog", "the notebook's name, not a path"
    assert app.window.file_label.toolTip() == str(app.store.path)


def test_cancelling_the_first_run_question_leaves_no_notebook(launch, home):
    result = launch("--lang", "en", answering=AnsweringDialogs(first_run=None))
    assert result == EXIT_CANCELLED
    assert not (home / "feltbog.sqlite").exists()


def test_a_second_instance_on_the_same_notebook_is_refused(launch, notebook):
    path, _ids = notebook
    first = launch("--db", str(path), "--lang", "en")
    assert isinstance(first, Feltbog)
    second_dialogs = AnsweringDialogs()
    second = launch("--db", str(path), "--lang", "en", answering=second_dialogs)
    assert second == EXIT_LOCKED
    [(title, text)] = second_dialogs.errors
    assert title == "Feltbog is already open"
    assert str(path.resolve()) in text
    first.window.close()
    first.shutdown()
    third = launch("--db", str(path), "--lang", "en")
    assert isinstance(third, Feltbog), "the lock is released when the first window closes"


def test_danish_by_choice_shows_danish_words_and_dates(launch, notebook):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "da")
    window = app.window
    assert nav_texts(window) == [
        "Overblik",
        "Aktiviteter",
        "Personer",
        "Områder",
        "Organisationer",
        "Handlinger",
        "Søg",
    ]
    assert menu_titles(window)[0] == "&Filer"
    assert window.new_walkabout.text() == "Ny byvandring"
    assert "6 aktiviteter · 3 personer · 1 åben handling" in window.counts_label.text()
    view = window.go("activities")
    assert view.model.data(view.model.index(0, view.model.COL_KIND)) == "Byvandring"
    assert view.model.data(view.model.index(0, view.model.COL_DATE)) == "04.05.2026 10.00"


def test_switching_language_in_the_settings_menu_rebuilds_the_window_in_danish(launch, notebook, qtbot):
    path, _ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    english = app.window
    assert english.new_walkabout.text() == "New walkabout"
    english.language_actions["da"].trigger()
    qtbot.addWidget(app.window)
    assert app.window is not english
    assert app.window.new_walkabout.text() == "Ny byvandring"
    assert nav_texts(app.window)[0] == "Overblik"
    assert app.settings.value("language") == "da"


def test_the_language_setting_is_remembered(launch, notebook):
    path, _ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    app.window.language_actions["da"].trigger()
    app.window.close()
    app.shutdown()
    again = launch("--db", str(path))
    assert again.window.new_walkabout.text() == "Ny byvandring"


def test_an_unexpected_error_is_logged_and_shown_with_a_copyable_report(qtbot, home):
    log_path = setup_logging(home / "logs")
    reporter = ErrorReporter(log_path)
    try:
        raise RuntimeError("the bench fell over")
    except RuntimeError as error:
        reporter.handle(type(error), error, error.__traceback__)
    qtbot.waitUntil(lambda: reporter.dialogs != [])
    dialog: CrashDialog = reporter.dialogs[0]
    assert "RuntimeError: the bench fell over" in dialog.report.toPlainText()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert "the bench fell over" in QApplication.clipboard().text()
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "the bench fell over" in log_path.read_text(encoding="utf-8")
    dialog.close()
    qtbot.waitUntil(lambda: reporter.dialogs == [])
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "baseFilename", None) == str(log_path):
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_window_size_page_and_list_layout_are_remembered(launch, notebook, qtbot):
    path, _ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    window = app.window
    window.resize(780, 560)  # within the offscreen screen (800 × 600)
    view = window.go("people")
    view.splitter.setSizes([300, 700])
    sizes = view.splitter.sizes()
    window.close()
    app.shutdown()
    again = launch("--db", str(path), "--lang", "en")
    assert (again.window.width(), again.window.height()) == (780, 560)
    assert again.window.current_key() == "people"
    assert again.window.pages["people"].splitter.sizes() == sizes


def test_the_first_window_fits_the_screen_it_opens_on(launch, home):
    from PySide6.QtWidgets import QApplication

    app = launch("--lang", "da")
    room = (app.window.screen() or QApplication.primaryScreen()).availableGeometry()
    shown = app.window.frameGeometry()
    assert (
        room.contains(shown.topLeft()) and shown.width() <= room.width() and shown.height() <= room.height()
    )
    assert app.window.width() <= 1280 and app.window.height() <= 800


def test_an_empty_notebook_says_what_to_do_first(launch, home, qtbot):
    app = launch("--lang", "en")
    overview = app.window.go("overview")
    assert overview.first_steps.isVisible()
    assert not overview.boxes["overdue"].isVisible()
    qtbot.mouseClick(overview.first_area_button, Qt.MouseButton.LeftButton)
    assert app.window.current_key() == "areas"
    editor = app.window.current_editor()
    editor.inputs["name"].edit.selectAll()
    qtbot.keyClicks(editor.inputs["name"].edit, "Vestbyen")
    overview = app.window.go("overview")
    qtbot.waitUntil(lambda: not overview.first_steps.isVisible(), timeout=2000)
    assert overview.boxes["overdue"].isVisible()


def test_file_has_new_notebook_and_open_notebook(launch, notebook, qtbot, dialogs, tmp_path):
    path, _ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    file_menu = app.window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert texts[:2] == ["New notebook…", "Open notebook…"]
    dialogs.save_as = str(tmp_path / "Give 2027")
    app.window.new_notebook_action.trigger()
    assert app.store.path == (tmp_path / "Give 2027.sqlite").resolve()
    assert app.window.file_label.text() == "Notebook: Give 2027"
    assert "0 activities" in app.window.counts_label.text()
    qtbot.waitExposed(app.window)
    dialogs.files = [str(path)]
    app.window.open_notebook_action.trigger()
    assert app.store.path == path.resolve()
    assert "6 activities" in app.window.counts_label.text()
