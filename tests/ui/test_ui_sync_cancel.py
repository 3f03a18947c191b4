"""Stopping a running sync: Cancel, or closing the dialog, leaves the notebook as it was."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from conftest import AnsweringDialogs, fill_notebook
from PySide6.QtCore import QObject, Qt, Slot

from fieldapp.domain import Attachment, Person
from fieldapp.store import Store
from fieldapp.sync.envelope import TEST_KDF
from fieldapp.sync.service import export_file
from fieldapp.ui.sync_view import FOLDER, IMPORT

PASSPHRASE = "rød grød med fløde"


class PressAt(QObject):
    """Presses a button the moment the running sync reports ``stage``.

    Connected with ``BlockingQueuedConnection``, so the sync thread waits at that report
    until the press is done: the cancel lands at a known step, without sleeping.
    """

    def __init__(self, dialog, stage: str, press, occurrence: int = 1):
        super().__init__(dialog)  # lives as long as the dialog
        self.stage, self.press, self.left = stage, press, occurrence
        self.stages: list[str] = []
        dialog.job_started.connect(self.watch)

    def watch(self, job) -> None:
        job.progressed.connect(self.reported, Qt.ConnectionType.BlockingQueuedConnection)

    @Slot(str, int, int)
    def reported(self, stage: str, _done: int, _total: int) -> None:
        self.stages.append(stage)
        if stage == self.stage:
            self.left -= 1
            if self.left == 0:
                self.press()


def dump(path: Path) -> list[str]:
    with Store.open(path) as store:
        return list(store.conn.iterdump())


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()


@pytest.fixture
def colleague_file(home) -> tuple[Path, Path]:
    """A colleague's notebook (with a photo) in a sync file, and my notebook to import it into."""
    theirs = home / "kollega" / "feltbog.sqlite"
    theirs.parent.mkdir()
    fill_notebook(theirs)
    sync_file = home / "fra kollega.feltsync"
    with Store.open(theirs) as store:
        photo = os.urandom(4000)
        sha = hashlib.sha256(photo).hexdigest()
        (store.attachments_dir / sha[:2]).mkdir(parents=True)
        (store.attachments_dir / sha[:2] / sha).write_bytes(photo)
        store.add(Attachment(sha256=sha, filename="bænken.jpg", mime="image/jpeg", size=len(photo)))
        assert export_file(store, sync_file, PASSPHRASE, kdf=TEST_KDF).blobs_out == 1
    mine = home / "mig" / "feltbog.sqlite"
    mine.parent.mkdir()
    with Store.open(mine) as store:
        store.add(Person(name="Karen Lund"))
    return mine, sync_file


def start_import(launch, qtbot, mine: Path, sync_file: Path, lang: str = "da", answering=None):
    answering = answering or AnsweringDialogs(files=[str(sync_file)])
    app = launch("--db", str(mine), "--lang", lang, answering=answering)
    app.window.sync_kdf = TEST_KDF
    app.window.sync_action.trigger()
    dialog = app.window.sync_dialog
    qtbot.waitExposed(dialog)
    dialog.set_mode(IMPORT)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.choose.click()
    return app, dialog, answering


@pytest.mark.parametrize(
    "stage, occurrence",
    # The third "merge" report comes from inside the merge's transaction, after the
    # versions went in and the first rows were written: all of it is rolled back.
    [("decrypt", 1), ("unpack", 1), ("merge", 1), ("merge", 3)],
)
def test_cancel_during_an_import_leaves_the_notebook_unchanged(
    launch, qtbot, colleague_file, stage, occurrence
):
    mine, sync_file = colleague_file
    app, dialog, answering = start_import(launch, qtbot, mine, sync_file)
    before = list(app.store.conn.iterdump())
    attachments_before = files_under(app.store.attachments_dir)
    assert dialog.run_button.isVisible() and not dialog.cancel_button.isVisible()

    written_at_cancel: set[Path] = set()

    def press_cancel():
        assert dialog.cancel_button.isVisible() and not dialog.run_button.isVisible()
        written_at_cancel.update(files_under(app.store.attachments_dir) - attachments_before)
        dialog.cancel_button.click()

    presser = PressAt(dialog, stage, press_cancel, occurrence)
    with qtbot.waitSignal(dialog.finished_run, timeout=20_000):
        dialog.run_button.click()
    assert presser.stages.count(stage) == occurrence
    # At "merge" the photo was already on disk when Cancel was pressed: it is removed again.
    assert len(written_at_cancel) == (1 if stage == "merge" else 0)
    assert dialog.outcome.text() == "Synkroniseringen blev annulleret. Intet blev ændret."
    assert answering.errors == [] and dialog.summary is None
    assert list(app.store.conn.iterdump()) == before
    assert files_under(app.store.attachments_dir) == attachments_before
    assert [p.name for p in app.store.list(Person)] == ["Karen Lund"]
    assert "Aldrig synkroniseret" in app.window.sync_label.text()
    assert dialog.run_button.isVisible() and not dialog.cancel_button.isVisible()
    app.window.close()
    app.shutdown()
    assert dump(mine) == before, "nothing half-written reaches the file either"

    # The same file goes in afterwards: a cancelled import is not remembered as "already imported".
    app, dialog, answering = start_import(launch, qtbot, mine, sync_file)
    with qtbot.waitSignal(dialog.finished_run, timeout=20_000):
        dialog.run_button.click()
    assert answering.errors == [] and dialog.summary.changes_in > 0 and dialog.summary.blobs_in == 1
    assert "Hanne Østergaard" in [p.name for p in app.store.list(Person)]


def test_cancel_is_said_in_english_too(launch, qtbot, colleague_file):
    mine, sync_file = colleague_file
    app, dialog, _answering = start_import(launch, qtbot, mine, sync_file, lang="en")
    PressAt(dialog, "merge", dialog.cancel_button.click)
    with qtbot.waitSignal(dialog.finished_run, timeout=20_000):
        dialog.run_button.click()
    assert dialog.outcome.text() == "The synchronisation was cancelled. Nothing was changed."
    assert dialog.cancel_button.text() == "Cancel"


def test_closing_the_dialog_while_it_runs_asks_and_then_stops_it(launch, qtbot, colleague_file):
    mine, sync_file = colleague_file
    answering = AnsweringDialogs(files=[str(sync_file)], confirm=True)
    app, dialog, _ = start_import(launch, qtbot, mine, sync_file, answering=answering)
    before = list(app.store.conn.iterdump())
    PressAt(dialog, "merge", dialog.close)  # the window's ×: the dialog must not just sit there
    with qtbot.waitSignal(dialog.finished_run, timeout=20_000):
        dialog.run_button.click()
    assert [title for title, _text in answering.confirms] == ["Stop synkroniseringen?"]
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert list(app.store.conn.iterdump()) == before


def test_closing_and_then_changing_ones_mind_lets_the_sync_finish(launch, qtbot, colleague_file):
    mine, sync_file = colleague_file
    answering = AnsweringDialogs(files=[str(sync_file)], confirm=False)
    app, dialog, _ = start_import(launch, qtbot, mine, sync_file, answering=answering)
    PressAt(dialog, "unpack", dialog.reject)  # Esc or Close
    with qtbot.waitSignal(dialog.finished_run, timeout=20_000):
        dialog.run_button.click()
    assert len(answering.confirms) == 1 and dialog.isVisible()
    assert dialog.summary is not None and dialog.summary.changes_in > 0
    assert "Hanne Østergaard" in [p.name for p in app.store.list(Person)]


def test_cancel_in_a_folder_sync_keeps_the_files_already_read(launch, qtbot, home):
    shared = home / "delt"
    shared.mkdir()
    names = {}
    for colleague in ("bo", "cem"):
        path = home / colleague / "feltbog.sqlite"
        path.parent.mkdir()
        with Store.open(path) as store:
            names[colleague] = store.add(Person(name=f"{colleague.title()} Fra {colleague.upper()}")).name
            export_file(store, shared / f"{store.site}_1.feltsync", PASSPHRASE, kdf=TEST_KDF)
    mine = home / "mig" / "feltbog.sqlite"
    mine.parent.mkdir()
    Store.open(mine).close()
    answering = AnsweringDialogs()
    answering.folder = str(shared)
    app = launch("--db", str(mine), "--lang", "da", answering=answering)
    app.window.sync_kdf = TEST_KDF
    app.window.sync_action.trigger()
    dialog = app.window.sync_dialog
    dialog.set_mode(FOLDER)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.choose.click()
    PressAt(dialog, "folder", dialog.cancel_button.click, occurrence=2)  # as the second file starts
    with qtbot.waitSignal(dialog.finished_run, timeout=20_000):
        dialog.run_button.click()
    assert dialog.outcome.text().startswith("Synkroniseringen blev annulleret. De filer, der allerede")
    assert len(app.store.list(Person)) == 1, "the first file is in, the second is not"
    assert "1 person ·" in app.window.counts_label.text(), "the window shows what came in"
    assert "Sidste synkronisering" in app.window.sync_label.text()
    ours = [p for p in shared.iterdir() if p.name.startswith(app.store.site)]
    assert ours == [], "no file of ours was written"
