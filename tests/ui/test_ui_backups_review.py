"""Restore from a backup (menu and damaged start-up), the personal data review, the change log,
and an editor that cannot save (full disk, read-only) keeping the user's text."""

from __future__ import annotations

import threading
import time
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt

from fieldapp.domain import Observation, Person
from fieldapp.store import Store, backups
from fieldapp.ui import app as app_module
from fieldapp.ui.app import EXIT_CANCELLED
from fieldapp.ui.backup_views import BackupTableModel


def names(store: Store) -> set[str]:
    return {p.name for p in store.list(Person)}


def damage(path) -> None:
    """Overwrite a run of pages in the middle of the (checkpointed) notebook file."""
    data = bytearray(path.read_bytes())
    assert len(data) > 4096 * 10
    for i in range(4096 * 3, 4096 * 9):
        data[i] = (i * 7 + 1) % 251
    path.write_bytes(bytes(data))


@pytest.fixture
def soon(monkeypatch):
    """The check and the day's copy start right after the window is up (not 1.5 s later)."""
    monkeypatch.setattr(app_module, "MAINTENANCE_DELAY_MS", 0)


@pytest.fixture
def by_hand(monkeypatch):
    """The check and the day's copy wait until the test starts them (``app.start_maintenance()``)."""
    monkeypatch.setattr(app_module, "MAINTENANCE_DELAY_MS", 24 * 3600 * 1000)


def test_start_up_takes_the_days_backup_behind_the_window(launch, notebook, qtbot, soon):
    path, _ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    assert app.window.isVisible()
    qtbot.waitUntil(lambda: [b.kind for b in backups.list_backups(path)] == ["daily"], timeout=10_000)
    qtbot.waitUntil(lambda: app.maintenance is None)
    [daily] = backups.list_backups(path, check=True)
    assert daily.usable and daily.counts["people"] == 3


def test_closing_during_the_days_backup_cancels_it_and_leaves_nothing(
    launch, notebook, qtbot, monkeypatch, soon
):
    path, _ids = notebook
    started = threading.Event()
    real_step = backups._snapshot

    def slow_snapshot(db_path, target, cancel, progress):
        def crawl(fraction):
            started.set()
            time.sleep(0.05)
            if progress:
                progress(fraction)

        return real_step(db_path, target, cancel, crawl)

    monkeypatch.setattr(backups, "STEP_PAGES", 1)
    monkeypatch.setattr(backups, "_snapshot", slow_snapshot)
    app = launch("--db", str(path), "--lang", "en")
    qtbot.waitUntil(started.is_set, timeout=10_000)
    app.window.close()
    app.shutdown()
    folder = backups.default_backup_dir(path)
    assert not list(folder.glob("*")) if folder.exists() else True


def test_restore_from_the_dialog_goes_back_to_the_copy_and_keeps_the_present(
    launch, notebook, dialogs, qtbot, qtmodeltester, soon
):
    path, _ids = notebook
    app = launch("--db", str(path), "--lang", "da")
    qtbot.waitUntil(lambda: bool(backups.list_backups(path)), timeout=10_000)  # the day's copy
    app.store.add(Person(name="Kommer efter kopien"))
    junk = backups.backup_path(path, "manual", now=datetime(2026, 1, 1, 9, 0))
    junk.write_bytes(b"ikke en database")
    dialog = app.window.show_restore()
    qtbot.waitExposed(dialog)
    qtmodeltester.check(dialog.model)
    rows = dialog.model.rows
    assert [(b.kind, b.usable) for b in rows] == [("daily", True), ("manual", False)]
    assert rows[0].counts["people"] == 3
    problem = dialog.model.index(1, BackupTableModel.COL_STATE).data()
    assert problem and problem != "Kan bruges"
    dialog.select_row(1)
    assert not dialog.restore_button.isEnabled(), "an unusable copy cannot be chosen"
    dialog.select_row(0)
    assert dialog.restore_button.isEnabled()
    old_window = app.window
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "Vil du vende tilbage til kopien" in dialogs.confirms[-1][1]
    assert app.window is not old_window
    assert "Kommer efter kopien" not in names(app.store)
    kept = [b for b in backups.list_backups(path) if b.kind == "before-restore"]
    assert len(kept) == 1 and kept[0].counts["people"] == 4
    assert "Gendannet" in app.window.statusBar().currentMessage()


def test_a_damaged_notebook_offers_the_newest_backup_with_data_after_the_window_is_up(
    launch, notebook, dialogs, qtbot, by_hand
):
    path, _ids = notebook
    with Store.open(path) as store:
        backups.backup_now(store, "daily")
        newest = backups.backup_now(store, "manual")
    # The newest copy is of a notebook someone emptied: the one with data is offered instead.
    with Store.open(path) as store:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    empty = tmp_empty_copy(path, newest)
    damage_the_end(path)
    app = launch("--db", str(path), "--lang", "da")
    assert app.window.isVisible() and not dialogs.asked  # the window came first
    app.start_maintenance()
    qtbot.waitUntil(lambda: bool(dialogs.asked), timeout=10_000)
    [(title, text)] = dialogs.asked
    assert title == "Notesbogen er beskadiget"
    assert "beskadiget" in text and "3 personer" in text
    assert "Andre sikkerhedskopier" in text and "0 personer" in text  # the others are listed
    qtbot.waitUntil(lambda: names(app.store) == {"Mette Kristensen", "Hanne Østergaard", "Jens Ærø"})
    assert empty.exists()


def damage_the_end(path) -> None:
    """Overwrite the last pages (an index the window never reads): only the check finds it."""
    data = bytearray(path.read_bytes())
    for i in range(len(data) - 4096 * 4, len(data)):
        data[i] = (i * 7 + 1) % 251
    path.write_bytes(bytes(data))


def tmp_empty_copy(path, newest):
    """Make ``newest`` the copy of an empty notebook (taken a minute after the others)."""
    blank = path.with_name("blank.sqlite")
    Store.open(blank).close()
    later = backups.backup_path(path, "manual", now=datetime.now() + timedelta(minutes=1))
    with Store.open(blank) as store:
        made = backups.backup_now(store, "manual", folder=path.parent / "scratch")
    made.rename(later)
    return later


def test_declining_the_restore_leaves_the_damaged_file_alone(launch, notebook, dialogs, qtbot, by_hand):
    path, _ids = notebook
    with Store.open(path) as store:
        backups.backup_now(store, "daily")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage_the_end(path)
    before = path.read_bytes()
    dialogs.ask_answer = False
    app = launch("--db", str(path), "--lang", "en")
    app.start_maintenance()
    qtbot.waitUntil(lambda: bool(dialogs.asked), timeout=10_000)
    qtbot.waitUntil(lambda: app.maintenance is None)
    assert app.window.isVisible()  # the user goes on working (and can restore from the menu)
    app.window.close()
    app.shutdown()
    assert path.read_bytes() == before
    assert [b.kind for b in backups.list_backups(path)] == ["daily"]  # no copy of the damaged file


def test_a_notebook_sqlite_cannot_open_is_offered_its_backup_before_any_window(launch, notebook, dialogs):
    path, _ids = notebook
    with Store.open(path) as store:
        backups.backup_now(store, "daily")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[:100] = b"\x00" * 100
    path.write_bytes(bytes(data))
    dialogs.ask_answer = False
    assert launch("--db", str(path), "--lang", "en") == EXIT_CANCELLED
    assert dialogs.asked and "3 people" in dialogs.asked[0][1]


def test_erasing_a_person_from_the_review_removes_them_and_lists_text_naming_them(
    launch, notebook, dialogs, qtbot, qtmodeltester
):
    path, ids = notebook
    with Store.open(path) as store:
        store.update(Person, ids["hanne"], review_after=date(2024, 1, 1))
        first = store.get(Observation, store.list(Observation)[0].id)
        store.update(Observation, first.id, text="Hanne Østergaard vil gerne hjælpe med bænken")
    app = launch("--db", str(path), "--lang", "da")
    people = app.window.go("people")
    app.window.open_record("people", ids["hanne"])
    review = app.window.show_review()
    qtmodeltester.check(review.model)
    assert [item.person.name for item in review.model.rows] == ["Hanne Østergaard"]
    assert not review.erase_button.isEnabled()
    review.select_person(ids["hanne"])
    qtbot.mouseClick(review.erase_button, Qt.MouseButton.LeftButton)
    title, question = dialogs.confirms[-1]
    assert title == "Slet person" and "Hanne Østergaard" in question and "fortrydes" in question
    assert "Fjernes: personen med kontakt- og samtykkeoplysninger" in question
    assert "Sikkerhedskopier og ældre synkroniseringsfiler indeholder stadig personen" in question
    assert app.store.find(Person, ids["hanne"]) is None
    assert review.model.rowCount() == 0 and review.empty.isVisible()
    assert review.mentions_table.isVisible()
    assert [m.title for m in review.mentions.rows] == ["Hanne Østergaard vil gerne hjælpe med bænken"]
    assert people.detail.editor is None, "the erased person's editor is closed"
    listed = [people.table.model().index(r, 0).data() for r in range(people.table.model().rowCount())]
    assert "Hanne Østergaard" not in listed


def test_keep_until_moves_the_review_date_and_a_past_date_is_refused(launch, notebook, dialogs, qtbot):
    path, ids = notebook
    with Store.open(path) as store:
        store.update(Person, ids["hanne"], review_after=date(2024, 1, 1))
    app = launch("--db", str(path), "--lang", "en")
    review = app.window.show_review()
    review.select_person(ids["hanne"])
    review.keep_date.setDate(review.keep_date.date().addYears(-5))
    assert not review.keep_selected()
    assert dialogs.errors and "\n" not in dialogs.errors[-1][1]
    review.keep_date.setDate(QDate(date.today().year + 1, 3, 31))
    qtbot.mouseClick(review.keep_button, Qt.MouseButton.LeftButton)
    assert app.store.get(Person, ids["hanne"]).review_after == date(date.today().year + 1, 3, 31)
    assert review.model.rowCount() == 0


def test_the_change_log_shows_an_edit_and_pages_back(launch, notebook, qtbot, qtmodeltester):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "da")
    editor = app.window.open_record("people", ids["hanne"])
    qtbot.keyClicks(editor.inputs["phone"].edit, "20 30 40 50")
    log = app.window.show_change_log()  # flushes the editor first
    qtmodeltester.check(log.model)
    top = [log.model.index(0, column).data() for column in range(5)]
    assert top[1:] == ["person", "Hanne Østergaard", "ændret", "Telefon"]
    log.model.PAGE = 4
    log.refresh()
    shown = log.model.rowCount()
    qtbot.mouseClick(log.more_button, Qt.MouseButton.LeftButton)
    assert log.model.rowCount() > shown
    hlcs = [entry.hlc for entry in log.model.rows]
    assert hlcs == sorted(hlcs, reverse=True) and len(set(hlcs)) == len(hlcs)
    while log.more_button.isEnabled():
        log.more_button.click()
    assert any(entry.kind == "created" and entry.title == "Vestbyen" for entry in log.model.rows)


def test_a_full_disk_keeps_the_text_in_the_editor_and_says_so_in_one_sentence(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "da")
    editor = app.window.open_record("people", ids["hanne"])
    pages = app.store.conn.execute("PRAGMA page_count").fetchone()[0]
    app.store.conn.execute(f"PRAGMA max_page_count={pages}")
    note = "Hanne fortalte om legepladsen og om naboerne i opgangen. " * 200
    editor.inputs["notes"].edit.setPlainText(note)
    assert editor.flush() is False
    assert not editor.banner.isHidden()
    assert editor.banner.text() == "Disken er fuld, så ændringen blev ikke gemt. Frigør plads, og prøv igen."
    assert editor.inputs["notes"].edit.toPlainText() == note
    assert app.store.get(Person, ids["hanne"]).notes is None
    app.store.conn.execute("PRAGMA max_page_count=1073741823")  # space freed
    assert editor.flush() is True
    assert editor.banner.isHidden()
    assert app.store.get(Person, ids["hanne"]).notes.strip() == note.strip()


def test_a_read_only_notebook_keeps_the_text_in_the_editor(launch, notebook, qtbot):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    editor = app.window.open_record("people", ids["hanne"])
    app.store.conn.execute("PRAGMA query_only=1")
    qtbot.keyClicks(editor.inputs["roles"].edit, "formand")
    assert editor.flush() is False
    assert "read-only" in editor.banner.text()
    assert editor.inputs["roles"].edit.text() == "formand"
    app.store.conn.execute("PRAGMA query_only=0")
    assert editor.flush() is True
    assert app.store.get(Person, ids["hanne"]).roles == "formand"


def test_a_restore_that_cannot_know_the_erasures_asks_first(launch, notebook, dialogs):
    """Issue 13.1: damaged notebook and damaged erasure ledger: restore only after a clear question."""
    from fieldapp.store import privacy

    path, _ids = notebook
    with Store.open(path) as store:
        backups.backup_now(store, "daily")
    damage(path)
    privacy.ledger_path(path).write_text("beskadiget", encoding="utf-8")
    before = path.read_bytes()
    dialogs.confirm_answer = False
    code = launch("--db", str(path), "--lang", "da")
    assert dialogs.errors == []
    assert code == EXIT_CANCELLED
    assert dialogs.confirms and dialogs.confirms[-1][0] == "Gendan alligevel?"
    assert "slettede personer" in dialogs.confirms[-1][1]
    assert path.read_bytes() == before
    dialogs.confirm_answer = True
    app = launch("--db", str(path), "--lang", "da")
    assert names(app.store) == {"Mette Kristensen", "Hanne Østergaard", "Jens Ærø"}


def test_back_up_now_adds_a_copy_to_a_list_of_every_kind_with_counts(launch, notebook, qtbot):
    path, _ids = notebook
    with Store.open(path) as store:
        backups.before_import(store)  # what a sync import takes first
        store.add(Person(name="Efter synkroniseringen"))
    app = launch("--db", str(path), "--lang", "da")
    dialog = app.window.back_up_now()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Sikkerhedskopi gemt"), timeout=10_000)
    rows = dialog.model.rows
    assert [b.kind for b in rows] == ["manual", "before-import"]
    assert rows[0].counts["people"] == 4 and rows[1].counts["people"] == 3
    kinds = [dialog.model.index(r, BackupTableModel.COL_KIND).data() for r in range(2)]
    assert kinds == ["Taget manuelt", "Før en indlæsning"]
    assert dialog.selected() == rows[0]
    qtbot.waitUntil(dialog.backup_button.isEnabled)  # again, once the thread is done
    dialog.close()


def test_the_next_start_removes_what_a_killed_copy_or_restore_left(launch, notebook, qtbot, soon):
    path, _ids = notebook
    folder = backups.default_backup_dir(path)
    folder.mkdir(exist_ok=True)
    dead = 2**22 + 12345  # no such process
    litter = [
        folder / f"filled-daily-20260101-090000.feltbak.copy.{dead}.partial",
        folder / f"filled-daily-20260101-090000.feltbak.pack.{dead}.partial",
        path.with_name(path.name + ".restoring"),
    ]
    for leftover in litter:
        leftover.write_bytes(b"half a copy")
    app = launch("--db", str(path), "--lang", "en")
    qtbot.waitUntil(lambda: not any(p.exists() for p in litter), timeout=10_000)
    qtbot.waitUntil(lambda: app.maintenance is None, timeout=10_000)
    assert [b.kind for b in backups.list_backups(path, check=True)] == ["daily"]


def test_opening_another_notebook_stops_the_old_ones_copy_and_checks_the_new_one(
    launch, notebook, home, qtbot, by_hand
):
    path, _ids = notebook
    other = home / "andet.sqlite"
    with Store.open(other) as store:
        store.add(Person(name="Anden notesbog"))
    app = launch("--db", str(path), "--lang", "en")
    app.start_maintenance()
    assert app.maintenance is not None and app.maintenance.db_path == path
    assert app.switch_notebook(other)
    assert app.settings.value(app._settings_key("open", path), True, type=bool) is False  # a clean exit
    app.start_maintenance()
    assert app.maintenance is not None and app.maintenance.db_path == other.resolve()
    qtbot.waitUntil(lambda: app.maintenance is None, timeout=10_000)
    assert [b.kind for b in backups.list_backups(other)] == ["daily"]
    assert not list(backups.default_backup_dir(path).glob("*.partial"))
