"""Synchronising from the desktop: the Sync dialog, the conflict inbox, the status bar."""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import AnsweringDialogs, fill_notebook

from fieldapp import keystore
from fieldapp.domain import Action, Activity, Area, Person, Relation
from fieldapp.domain.fields import FieldSpec
from fieldapp.store import Store
from fieldapp.sync.envelope import TEST_KDF
from fieldapp.sync.service import export_file, import_file
from fieldapp.ui.sync_view import EXPORT, FOLDER, IMPORT, record_name, show_value

KEPT = (keystore.SERVICE, keystore.ACCOUNT)
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

PASSPHRASE = "rød grød med fløde"
SHOTS = os.environ.get("FELTBOG_SHOTS")  # a folder to save screenshots in, when set


@pytest.fixture
def two_notebooks(home) -> tuple[Path, Path, dict[str, str]]:
    first = home / "a" / "feltbog.sqlite"
    first.parent.mkdir()
    ids = fill_notebook(first)
    second = home / "b" / "feltbog.sqlite"
    second.parent.mkdir()
    Store.open(second).close()
    return first, second, ids


def cell(inbox, row: int, column: int) -> str:
    return inbox.model.index(row, column).data()


def open_sync(qtbot, window, mode: str, passphrase: str = PASSPHRASE, remember: bool = False):
    window.sync_kdf = TEST_KDF
    window.sync_action.trigger()
    dialog = window.sync_dialog
    qtbot.waitExposed(dialog)
    dialog.set_mode(mode)
    dialog.passphrase.setText(passphrase)
    dialog.remember.setChecked(remember)
    return dialog


def run(qtbot, dialog) -> None:
    with qtbot.waitSignal(dialog.finished_run, timeout=20_000):
        dialog.run_button.click()


def test_export_from_one_notebook_and_import_into_another(launch, qtbot, two_notebooks, home, key_store):
    first, second, ids = two_notebooks
    sync_file = home / "til kollega.feltsync"

    sender_dialogs = AnsweringDialogs()
    sender_dialogs.save_as = str(sync_file)
    sender = launch("--db", str(first), "--lang", "da", answering=sender_dialogs)
    assert "Aldrig synkroniseret" in sender.window.sync_label.text()
    dialog = open_sync(qtbot, sender.window, EXPORT, remember=True)
    dialog.choose.click()  # the save dialog "answers" the file name
    assert dialog.place.text() == str(sync_file)
    run(qtbot, dialog)
    assert sender_dialogs.errors == []
    assert sync_file.exists()
    assert dialog.outcome.text() == (
        f"{dialog.summary.changes_out} ændringer fra dig blev skrevet til »til kollega.feltsync« i {home}."
    )
    assert dialog.summary.changes_out > 0
    assert key_store.secrets == {KEPT: PASSPHRASE}, "ticked: the passphrase is remembered in the key store"
    assert not any("passphrase" in key for key in sender.settings.allKeys()), "and never in the settings file"
    assert "Sidste synkronisering" in sender.window.sync_label.text()
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "sync_dialog.png"))
    dialog.close()
    sender.window.close()
    sender.shutdown()

    receiver_dialogs = AnsweringDialogs(files=[str(sync_file)])
    receiver = launch("--db", str(second), "--lang", "da", answering=receiver_dialogs)
    window = receiver.window
    people = window.go("people")
    assert people.model.rowCount() == 0 if hasattr(people, "model") else True
    dialog = open_sync(qtbot, window, IMPORT)
    assert dialog.passphrase.text() == PASSPHRASE, "the remembered passphrase is filled in"
    dialog.remember.setChecked(False)
    dialog.choose.click()
    run(qtbot, dialog)
    assert receiver_dialogs.errors == []
    summary = dialog.summary
    assert summary.changes_in > 0 and summary.conflicts == 0
    assert dialog.outcome.text() == f"{summary.changes_in} ændringer kom ind."
    assert key_store.secrets == {}, "unticked: the passphrase is forgotten"
    # The window shows the new data without being reopened.
    assert "3 personer" in window.counts_label.text()
    assert window.store.get(Person, ids["hanne"]).name == "Hanne Østergaard"
    assert "Sidste synkronisering" in window.sync_label.text()
    # The window's clock has caught up with what the worker merged, so a later edit wins.
    imported = max(v.hlc for v in window.store.versions("people", ids["hanne"]))
    assert window.store.clock.last >= imported
    window.store.update(Person, ids["hanne"], name="Hanne Ø. Rettet")
    newest = max(v.hlc for v in window.store.versions("people", ids["hanne"]) if v.field == "name")
    assert window.store.get(Person, ids["hanne"]).name == "Hanne Ø. Rettet"
    assert newest == window.store.clock.last


def test_a_wrong_passphrase_is_one_sentence_and_changes_nothing(launch, qtbot, two_notebooks, home):
    first, second, _ids = two_notebooks
    sync_file = home / "x.feltsync"
    with Store.open(first) as store:
        export_file(store, sync_file, PASSPHRASE, kdf=TEST_KDF)
    answering = AnsweringDialogs(files=[str(sync_file)])
    app = launch("--db", str(second), "--lang", "da", answering=answering)
    dialog = open_sync(qtbot, app.window, IMPORT, passphrase="forkert")
    dialog.choose.click()
    run(qtbot, dialog)
    assert len(answering.errors) == 1
    message = answering.errors[0][1]
    assert "forkert adgangssætning" in message.lower()
    assert message.count(".") <= 1 and "\n" not in message and "Traceback" not in message
    assert dialog.outcome.text() == message
    assert app.store.count(Person) == 0
    assert "Aldrig synkroniseret" in app.window.sync_label.text()


def test_folder_sync_both_ways(launch, qtbot, two_notebooks, home):
    first, second, ids = two_notebooks
    shared = home / "delt"
    shared.mkdir()
    with Store.open(second) as store:
        store.add(Person(name="Bo Fra B"))
    answering = AnsweringDialogs()
    answering.folder = str(shared)
    app = launch("--db", str(first), "--lang", "en", answering=answering)
    dialog = open_sync(qtbot, app.window, FOLDER)
    dialog.choose.click()
    run(qtbot, dialog)
    assert dialog.summary.changes_out > 0 and dialog.summary.changes_in == 0
    (written,) = dialog.summary.files_written
    assert dialog.outcome.text() == (
        f"Nothing new from colleagues.\n{dialog.summary.changes_out} changes of yours went to"
        f" »{written.name}« in {shared}."
    )
    with Store.open(second) as store:
        from fieldapp.sync.service import sync_folder

        sync_folder(store, shared, PASSPHRASE, kdf=TEST_KDF)
        assert store.get(Person, ids["hanne"]).name == "Hanne Østergaard"
    run(qtbot, dialog)
    assert dialog.summary.changes_in > 0
    assert [p.name for p in app.store.list(Person, "name = ?", ["Bo Fra B"])] == ["Bo Fra B"]


def test_a_conflict_waits_in_the_inbox_until_resolved(launch, qtbot, two_notebooks, home):
    first, second, ids = two_notebooks
    start_file, theirs = home / "start.feltsync", home / "theirs.feltsync"
    with Store.open(first) as a, Store.open(second) as b:
        export_file(a, start_file, PASSPHRASE, kdf=TEST_KDF)
        import_file(b, start_file, PASSPHRASE)
        b.update(Person, ids["hanne"], name="Hanne Østergaard Nielsen")
        export_file(b, theirs, PASSPHRASE, kdf=TEST_KDF)
        a.update(Person, ids["hanne"], name="Hanne Ø.")
    answering = AnsweringDialogs(files=[str(theirs)])
    app = launch("--db", str(first), "--lang", "da", answering=answering)
    window = app.window
    dialog = open_sync(qtbot, window, IMPORT)
    dialog.choose.click()
    run(qtbot, dialog)
    assert dialog.summary.conflicts == 1
    assert dialog.outcome.text() == "1 ændring kom ind.\n1 konflikt venter på dit valg."
    assert dialog.inbox_button.isVisible() and dialog.inbox_button.text() == "Åbn konflikten (1)"
    assert "1 konflikt" in window.sync_label.text()  # Danish singular (a %n plural)
    assert window.conflicts_action.text() == "Konflikter (1)"

    inbox = window.show_conflicts()
    qtbot.waitExposed(inbox)
    assert inbox.model.rowCount() == 1
    row = [cell(inbox, 0, c) for c in range(4)]
    assert row[0].startswith("Person: ") and row[1] == "Navn"
    assert {row[2], row[3]} == {"Hanne Ø.", "Hanne Østergaard Nielsen"}
    assert {inbox.choices.itemText(i) for i in range(inbox.choices.count())} == {
        "Hanne Ø.",
        "Hanne Østergaard Nielsen",
    }
    if SHOTS:
        inbox.grab().save(str(Path(SHOTS) / "conflict_inbox.png"))
    inbox.combined.setText("Hanne Østergaard Nielsen (Hanne Ø.)")
    inbox.combine_button.click()
    assert inbox.model.rowCount() == 0 and inbox.empty.isVisible()
    assert window.store.get(Person, ids["hanne"]).name == "Hanne Østergaard Nielsen (Hanne Ø.)"
    assert "konflikter" not in window.sync_label.text()
    assert answering.errors == []


def test_picking_one_value_keeps_it(launch, qtbot, two_notebooks, home):
    first, second, ids = two_notebooks
    start_file, theirs = home / "start.feltsync", home / "theirs.feltsync"
    with Store.open(first) as a, Store.open(second) as b:
        export_file(a, start_file, PASSPHRASE, kdf=TEST_KDF)
        import_file(b, start_file, PASSPHRASE)
        b.update(Person, ids["hanne"], name="Hanne B")
        export_file(b, theirs, PASSPHRASE, kdf=TEST_KDF)
        a.update(Person, ids["hanne"], name="Hanne A")
        import_file(a, theirs, PASSPHRASE)
    app = launch("--db", str(first), "--lang", "en")
    inbox = app.window.show_conflicts()
    choices = [inbox.choices.itemText(i) for i in range(inbox.choices.count())]
    loser = next(name for name in choices if name != app.store.get(Person, ids["hanne"]).name)
    inbox.choices.setCurrentIndex(choices.index(loser))
    inbox.keep_button.click()
    assert inbox.model.rowCount() == 0
    assert app.store.get(Person, ids["hanne"]).name == loser


def test_the_inbox_names_linked_records_and_writes_dates_the_danish_way(launch, qtbot, two_notebooks, home):
    first, second, ids = two_notebooks
    start_file, theirs = home / "start.feltsync", home / "theirs.feltsync"
    with Store.open(first) as a, Store.open(second) as b:
        export_file(a, start_file, PASSPHRASE, kdf=TEST_KDF)
        import_file(b, start_file, PASSPHRASE)
        call = a.list(Action)[0]
        # On B: the first walkabout moves to a new area, the action's due date and Hanne's consent change.
        nordhavn = b.add(Area(name="Nordhavn", municipality="Vejle"))
        b.update(Activity, ids["first"], area_id=nordhavn.id, starts_at=datetime(2026, 5, 4, 14, 30))
        b.update(Action, call.id, due_date=date(2026, 6, 12))
        b.update(Person, ids["hanne"], may_contact=True)
        export_file(b, theirs, PASSPHRASE, kdf=TEST_KDF)
        # Meanwhile on A, the same fields get other values.
        a.update(Activity, ids["first"], area_id=ids["vestby"], starts_at=datetime(2026, 5, 4, 9, 15))
        a.update(Action, call.id, due_date=date(2026, 6, 19))
        a.update(Person, ids["hanne"], may_contact=True)
        a.update(Person, ids["hanne"], may_contact=False)
    answering = AnsweringDialogs(files=[str(theirs)])
    app = launch("--db", str(first), "--lang", "da", answering=answering)
    dialog = open_sync(qtbot, app.window, IMPORT)
    dialog.choose.click()
    run(qtbot, dialog)
    assert dialog.summary.conflicts == 4
    app.store.delete(Area, nordhavn.id)  # a colleague's area that this laptop then deleted

    inbox = app.window.show_conflicts()
    qtbot.waitExposed(inbox)
    rows = {cell(inbox, r, 1): [cell(inbox, r, c) for c in range(4)] for r in range(inbox.model.rowCount())}
    assert sorted(rows) == ["Frist", "Må kontaktes", "Område", "Start"]
    assert rows["Område"][0] == "Aktivitet: Møde nummer 0"
    assert {rows["Område"][2], rows["Område"][3]} == {"Vestbyen", "(slettet)"}
    assert {rows["Start"][2], rows["Start"][3]} == {"04.05.2026 09.15", "04.05.2026 14.30"}
    assert rows["Frist"][0] == "Handling: Ring til lokalrådet"
    assert {rows["Frist"][2], rows["Frist"][3]} == {"19.06.2026", "12.06.2026"}
    assert {rows["Må kontaktes"][2], rows["Må kontaktes"][3]} == {"Ja", "Nej"}
    assert not any(UUID.search(text) for row in rows.values() for text in row), rows

    for r in range(inbox.model.rowCount()):  # the choices read the same, and a date is chosen, not typed
        inbox.table.selectRow(r)
        field = cell(inbox, r, 1)
        choices = {inbox.choices.itemText(i) for i in range(inbox.choices.count())}
        assert choices == {rows[field][2], rows[field][3]}
        assert not inbox.combined.isEnabled() and not inbox.combine_button.isEnabled()
    if SHOTS:
        inbox.grab().save(str(Path(SHOTS) / "conflict_inbox_refs.png"))

    row = next(r for r in range(inbox.model.rowCount()) if cell(inbox, r, 1) == "Frist")
    inbox.table.selectRow(row)
    inbox.choices.setCurrentIndex(inbox.choices.findText("12.06.2026"))
    inbox.keep_button.click()
    assert app.store.get(Action, call.id).due_date == date(2026, 6, 12)
    assert inbox.model.rowCount() == 3 and answering.errors == []


def test_show_value_in_english(launch, notebook):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "en")
    area = FieldSpec(name="area_id", kind="ref", label_da="Område", label_en="Area", ref="areas")
    assert show_value(app.store, area, ids["give"], "en") == "Give"
    assert show_value(app.store, area, "0190a8f2-1c2b-7d3e-8f4a-5b6c7d8e9f01", "en") == "(deleted)"
    assert show_value(app.store, area, None, "en") == "—"
    due = FieldSpec(name="due_date", kind="date", label_da="Frist", label_en="Due")
    assert show_value(app.store, due, "2026-06-12", "en") == "2026-06-12"
    starts = FieldSpec(name="starts_at", kind="datetime", label_da="Start", label_en="Starts")
    assert show_value(app.store, starts, "2026-05-04T14:30", "en") == "2026-05-04 14:30"
    consent = FieldSpec(name="may_contact", kind="bool", label_da="Må kontaktes", label_en="May contact")
    assert (show_value(app.store, consent, 1, "en"), show_value(app.store, consent, 0, "en")) == ("Yes", "No")


def test_a_record_titled_by_a_code_or_a_link_is_named_in_words(launch, notebook):
    path, ids = notebook
    app = launch("--db", str(path), "--lang", "da")
    knows = app.store.add(Relation(from_person_id=ids["hanne"], to_person_id=ids["staff"]))
    assert record_name(app.store, "relations", knows.id, "da") == "Kender"
    assert record_name(app.store, "areas", ids["vestby"], "da") == "Vestbyen"
    assert record_name(app.store, "areas", "0190a8f2-1c2b-7d3e-8f4a-5b6c7d8e9f01", "da") == "(slettet)"


def _colleague_cleared_out(two_notebooks, home) -> tuple[Path, Path]:
    """My notebook holds the team's records; a colleague's file deletes nearly all of them."""
    first, second, _ids = two_notebooks
    start, cleared = home / "start.feltsync", home / "ryddet.feltsync"
    with Store.open(first) as theirs, Store.open(second) as mine:
        export_file(theirs, start, PASSPHRASE, kdf=TEST_KDF)
        import_file(mine, start, PASSPHRASE)
        for cls in (Action, Activity, Person, Area):
            for record in theirs.list(cls):
                theirs.delete(cls, record.id)
        export_file(theirs, cleared, PASSPHRASE, kdf=TEST_KDF)
    return second, cleared


@pytest.mark.parametrize("answer", [True, False])
def test_a_file_deleting_most_of_the_notebook_is_imported_only_when_confirmed(
    launch, qtbot, two_notebooks, home, answer
):
    mine, cleared = _colleague_cleared_out(two_notebooks, home)
    answering = AnsweringDialogs(files=[str(cleared)])
    answering.ask_answer = answer
    app = launch("--db", str(mine), "--lang", "da", answering=answering)
    before = list(app.store.conn.iterdump())
    people = app.store.count(Person)
    dialog = open_sync(qtbot, app.window, IMPORT)
    dialog.choose.click()
    with qtbot.waitSignal(dialog.finished_run, timeout=20_000):
        dialog.run_button.click()
    if answer:  # the question, then the same file again with the user's consent
        qtbot.waitUntil(lambda: dialog.summary is not None, timeout=20_000)
    ((title, text),) = answering.asked
    assert title == "Slet mange poster?"
    assert "»ryddet.feltsync«" in text and "Indlæs den alligevel" in text, text
    assert answering.errors == []
    if answer:
        assert app.store.count(Person) == 0 and people > 0
        assert dialog.summary.changes_in > 0
    else:
        assert list(app.store.conn.iterdump()) == before
        assert dialog.outcome.text() == "Filen blev ikke indlæst. Intet blev ændret."


def test_a_shared_folder_with_such_a_file_asks_too_and_reads_the_rest(launch, qtbot, two_notebooks, home):
    mine, cleared = _colleague_cleared_out(two_notebooks, home)
    shared = home / "delt"
    shared.mkdir()
    cleared.rename(shared / cleared.name)
    answering = AnsweringDialogs()
    app = launch("--db", str(mine), "--lang", "en", answering=answering)
    dialog = open_sync(qtbot, app.window, FOLDER)
    dialog.place.setText(str(shared))
    with qtbot.waitSignal(dialog.finished_run, timeout=20_000):
        dialog.run_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=20_000)
    ((title, text),) = answering.asked
    assert title == "Delete many records?" and "'ryddet.feltsync'" in text
    assert app.store.count(Person) == 0
    assert dialog.summary.failures == [] and dialog.summary.changes_in > 0
