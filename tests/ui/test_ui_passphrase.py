"""The remembered team passphrase lives in the operating system's key store, never in a file."""

from __future__ import annotations

import keyring
import pytest
from conftest import AnsweringDialogs
from keyring.backends import fail
from keyring.errors import PasswordSetError
from PySide6.QtCore import QSettings

from fieldapp import keystore
from fieldapp.paths import config_dir, ensure
from fieldapp.sync.envelope import TEST_KDF
from fieldapp.ui.sync_view import EXPORT

PASSPHRASE = "rød grød med fløde"
KEPT = (keystore.SERVICE, keystore.ACCOUNT)


def settings_file():
    return ensure(config_dir()) / "feltbog.ini"


def old_version_remembered(passphrase: str) -> None:
    """What Feltbog before the key store left behind: the passphrase in plain text in its settings."""
    settings = QSettings(str(settings_file()), QSettings.Format.IniFormat)
    settings.setValue(keystore.LEGACY_SETTINGS_KEY, passphrase)
    settings.sync()
    assert "passphrase" in settings_file().read_text(encoding="utf-8")


def open_sync(qtbot, app):
    app.window.sync_kdf = TEST_KDF
    app.window.sync_action.trigger()
    dialog = app.window.sync_dialog
    qtbot.waitExposed(dialog)
    return dialog


def export_once(qtbot, dialog, target) -> None:
    dialog.set_mode(EXPORT)
    dialog.place.setText(str(target))
    with qtbot.waitSignal(dialog.finished_run, timeout=20_000):
        dialog.run_button.click()


def test_a_plain_text_passphrase_moves_into_the_key_store_on_start(launch, qtbot, notebook, key_store):
    path, _ids = notebook
    old_version_remembered(PASSPHRASE)
    app = launch("--db", str(path), "--lang", "da")
    assert key_store.secrets == {KEPT: PASSPHRASE}
    assert "passphrase" not in settings_file().read_text(encoding="utf-8")
    dialog = open_sync(qtbot, app)
    assert dialog.passphrase.text() == PASSPHRASE and dialog.remember.isChecked()
    assert dialog.remember.isEnabled() and not dialog.key_note.isVisible()


def test_a_passphrase_already_in_the_key_store_is_not_overwritten_by_an_old_one(launch, notebook, key_store):
    path, _ids = notebook
    key_store.set_password(*KEPT, "den nye")
    old_version_remembered("den gamle")
    launch("--db", str(path), "--lang", "da")
    assert key_store.secrets == {KEPT: "den nye"}
    assert "passphrase" not in settings_file().read_text(encoding="utf-8")


@pytest.fixture
def no_key_store():
    """A computer without a key store, as on a headless Linux (keyring's own "fail" backend)."""
    keyring.set_keyring(fail.Keyring())


def test_without_a_key_store_nothing_is_remembered_and_the_dialog_says_why(
    launch, qtbot, notebook, home, no_key_store
):
    path, _ids = notebook
    old_version_remembered(PASSPHRASE)
    app = launch("--db", str(path), "--lang", "da")
    assert "passphrase" not in settings_file().read_text(encoding="utf-8"), "the plain text is gone anyway"
    dialog = open_sync(qtbot, app)
    assert dialog.passphrase.text() == ""
    assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
    assert "nøglering" in dialog.remember.toolTip()
    assert dialog.key_note.isVisible() and dialog.key_note.text() == dialog.remember.toolTip()
    dialog.passphrase.setText(PASSPHRASE)
    export_once(qtbot, dialog, home / "ud.feltsync")
    assert dialog.summary is not None and dialog.summary.changes_out > 0
    settings_text = settings_file().read_text(encoding="utf-8")
    assert "passphrase" not in settings_text
    assert "gr\\xf8d" not in settings_text and "grød" not in settings_text


def test_a_key_store_that_refuses_is_reported_and_the_sync_still_runs(
    launch, qtbot, notebook, home, key_store, monkeypatch
):
    path, _ids = notebook

    def refuse(*_args):
        raise PasswordSetError("the collection is locked")

    monkeypatch.setattr(key_store, "set_password", refuse)
    answering = AnsweringDialogs()
    app = launch("--db", str(path), "--lang", "da", answering=answering)
    dialog = open_sync(qtbot, app)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.remember.setChecked(True)
    export_once(qtbot, dialog, home / "ud.feltsync")
    assert answering.errors == [] and dialog.summary.changes_out > 0
    assert dialog.key_note.isVisible() and "huskes ikke" in dialog.key_note.text()
    assert key_store.secrets == {}


def test_unticking_forgets_the_remembered_passphrase(launch, qtbot, notebook, home, key_store):
    path, _ids = notebook
    key_store.set_password(*KEPT, PASSPHRASE)
    app = launch("--db", str(path), "--lang", "en")
    dialog = open_sync(qtbot, app)
    assert dialog.remember.isChecked() and dialog.remember.toolTip() == (
        "Kept in the computer's key store, never in a file."
    )
    dialog.remember.setChecked(False)
    export_once(qtbot, dialog, home / "ud.feltsync")
    assert key_store.secrets == {}
    dialog.close()
    assert open_sync(qtbot, app).passphrase.text() == ""
