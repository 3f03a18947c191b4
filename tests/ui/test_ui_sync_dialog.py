"""The Sync dialog reads like what it does (issue 14.4): Enter runs the chosen action, the button
names it, the summary says in words what came in and where the file went, and a button opens
the conflict inbox; the inbox is a model/view table (issue 17.5)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from conftest import AnsweringDialogs
from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import QDialog, QTableView
from test_ui_sync import PASSPHRASE, open_sync, two_notebooks  # noqa: F401 - a fixture

from fieldapp.domain import Person
from fieldapp.store import Store
from fieldapp.sync import folder
from fieldapp.sync.envelope import TEST_KDF
from fieldapp.sync.service import sync_folder
from fieldapp.ui.sync_view import EXPORT, FOLDER, IMPORT, ConflictModel

SHOTS = os.environ.get("FELTBOG_SHOTS")


@pytest.mark.parametrize("lang, names", [("da", ["Synkroniser", "Indlæs", "Eksportér"]), ("en", None)])
def test_the_button_names_the_action_and_enter_runs_it(launch, qtbot, two_notebooks, home, lang, names):  # noqa: F811
    first, _second, _ids = two_notebooks
    shared = home / "delt"
    shared.mkdir()
    app = launch("--db", str(first), "--lang", lang, answering=AnsweringDialogs())
    dialog = open_sync(qtbot, app.window, FOLDER)
    labels = []
    for mode in (FOLDER, IMPORT, EXPORT):
        dialog.set_mode(mode)
        labels.append(dialog.run_button.text())
        assert dialog.run_button.isDefault()
    assert labels == (names or ["Synchronise", "Import", "Export"])
    dialog.set_mode(FOLDER)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.place.setText(str(shared))
    dialog.passphrase.setFocus()
    with qtbot.waitSignal(dialog.finished_run, timeout=20_000):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.summary is not None and dialog.summary.files_written
    assert dialog.isVisible()  # Enter ran the sync; it did not close the dialog


def test_a_folder_sync_with_conflicts_says_so_and_opens_the_inbox(launch, qtbot, two_notebooks, home):  # noqa: F811
    first, second, ids = two_notebooks
    shared = home / "delt"
    shared.mkdir()
    with Store.open(first) as a, Store.open(second) as b:
        sync_folder(a, shared, PASSPHRASE, kdf=TEST_KDF, who="Anne Bæk")
        sync_folder(b, shared, PASSPHRASE, kdf=TEST_KDF, who="Bo Ærø")
        b.update(Person, ids["hanne"], name="Hanne Østergaard Nielsen")
        b.add(Person(name="Ny ildsjæl fra Bo"))
        sync_folder(b, shared, PASSPHRASE, kdf=TEST_KDF, who="Bo Ærø")
        a.update(Person, ids["hanne"], name="Hanne Ø.")
    names = sorted(p.name for p in shared.glob("*.feltsync"))
    assert sorted(n.split("_")[0] for n in names) == ["Anne-Baek", "Bo-Aeroe"], names  # whose, and when:
    assert all(n.split("_")[1] == date.today().isoformat() for n in names)
    app = launch("--db", str(first), "--lang", "da", answering=AnsweringDialogs())
    dialog = open_sync(qtbot, app.window, FOLDER)
    dialog.place.setText(str(shared))
    with qtbot.waitSignal(dialog.finished_run, timeout=20_000):
        dialog.run_button.click()
    text = dialog.outcome.text().splitlines()
    assert text[0] == f"{dialog.summary.changes_in} ændringer kom ind."
    assert text[1].startswith(f"{dialog.summary.changes_out} ændring fra dig blev skrevet til »")  # the edit
    assert text[1].endswith(f"« i {shared}.")
    assert text[2] == "1 konflikt venter på dit valg."
    assert dialog.inbox_button.isVisible()
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "sync_dialog_conflicts_da.png"))
    dialog.inbox_button.click()
    inbox = app.window.conflict_inbox
    qtbot.waitExposed(inbox)
    assert isinstance(inbox.table, QTableView) and isinstance(inbox.table.model(), ConflictModel)
    assert isinstance(inbox.table.model(), QAbstractTableModel)
    assert inbox.model.rowCount() == 1
    assert inbox.model.index(0, 1).data() == "Navn"
    assert inbox.model.headerData(2, Qt.Orientation.Horizontal) == "Gældende værdi"
    if SHOTS:
        inbox.grab().save(str(Path(SHOTS) / "conflict_inbox_model_da.png"))


def test_the_dialog_result_is_qts_and_the_english_summary_reads(launch, qtbot, two_notebooks, home):  # noqa: F811
    first, second, _ids = two_notebooks
    shared = home / "delt"
    shared.mkdir()
    with Store.open(second) as b:
        b.add(Person(name="Bo's colleague"))
        sync_folder(b, shared, PASSPHRASE, kdf=TEST_KDF, who="Bo")
    damaged = shared / folder.file_name("Cem", "0123456789abcdef", 7)
    damaged.write_bytes(b"FELTSYNC\x02\x01 broken by the sync engine")
    app = launch("--db", str(first), "--lang", "en", answering=AnsweringDialogs())
    dialog = open_sync(qtbot, app.window, FOLDER)
    assert dialog.result() == QDialog.DialogCode.Rejected  # Qt's method, not a label
    dialog.place.setText(str(shared))
    with qtbot.waitSignal(dialog.finished_run, timeout=20_000):
        dialog.run_button.click()
    lines = dialog.outcome.text().splitlines()
    assert lines[0] == "1 change came in." or lines[0].endswith("came in.")
    assert lines[-1].startswith(f"1 file could not be read: »{damaged.name}«")
    assert not dialog.inbox_button.isVisible()
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "sync_dialog_en.png"))
    with qtbot.waitSignal(dialog.finished_run, timeout=20_000):
        dialog.run_button.click()
    assert dialog.outcome.text().splitlines()[-1] == "1 damaged file was skipped, as last time."
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "sync_dialog_known_bad_en.png"))
