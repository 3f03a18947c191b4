"""One Argon2id per team: a team key from the team salt, a per-file key by HKDF (issue 18.2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_support import PASSPHRASE, open_notebook, tables

from fieldapp.domain import Area
from fieldapp.store import sync_state
from fieldapp.sync import SyncError, envelope, export_file, import_file, sync_folder
from fieldapp.sync.envelope import TEST_KDF
from fieldapp.sync.errors import DamagedFileError, WrongPassphraseError

DATA = Path(__file__).parent / "data"


@pytest.fixture
def argon_calls(monkeypatch):
    """Counts the Argon2id derivations that really run (the real Argon2id does the work)."""
    calls = []
    real = envelope.Argon2id

    class Counting:
        def __init__(self, **kw):
            self._real = real(**kw)

        def derive(self, key_material):
            calls.append(1)
            return self._real.derive(key_material)

    monkeypatch.setattr(envelope, "Argon2id", Counting)
    envelope._team_key.cache_clear()
    yield calls
    envelope._team_key.cache_clear()


@pytest.mark.parametrize("name", ["sync_v1_test_kdf.feltsync", "sync_v1_plain.feltsync"])
def test_a_file_written_by_the_previous_version_still_imports(tmp_path, name):
    """The fixtures were sealed by the version-1 code (per-file Argon2id) before it changed."""
    assert (DATA / name).read_bytes()[8] == 1
    with open_notebook(tmp_path / "nb") as store:
        plain = "plain" in name  # an unencrypted file goes in only by hand, when asked for
        summary = import_file(store, DATA / name, None if plain else PASSPHRASE, allow_unencrypted=plain)
        assert summary.changes_in > 0
        assert [r[0] for r in store.conn.execute("SELECT name FROM areas")] == ["Gellerup"]
        assert [r[0] for r in store.conn.execute("SELECT title FROM activities")] == [
            "Byvandring i Gellerup (v1-fil)"
        ]


def test_reading_many_files_of_one_team_costs_one_key_derivation(tmp_path, argon_calls):
    shared = tmp_path / "shared"
    shared.mkdir()
    writers = [open_notebook(tmp_path / f"w{n}") for n in range(3)]
    sync_folder(writers[0], shared, PASSPHRASE, kdf=TEST_KDF)  # writers[0] makes the team salt
    for writer in writers[1:]:
        sync_folder(writer, shared, PASSPHRASE, kdf=TEST_KDF)  # ... the others take it on
    for day in range(10):
        for writer in writers:
            writer.add(Area(name=f"{writer.site} {day}"))
            sync_folder(writer, shared, PASSPHRASE, kdf=TEST_KDF)
    for number in range(30):  # and files handed in by someone, kept in the folder
        writers[1].add(Area(name=f"Håndført {number}"))
        export_file(writers[1], shared / f"hand-{number}.feltsync", PASSPHRASE, kdf=TEST_KDF)
    sync_folder(writers[-1], shared, PASSPHRASE, kdf=TEST_KDF)
    salts = {envelope.team_salt_of(p.read_bytes()) for p in shared.glob("*.feltsync")}
    assert salts == {sync_state.team_salt(writers[0])} and None not in salts
    envelope._team_key.cache_clear()
    argon_calls.clear()
    with open_notebook(tmp_path / "newcomer") as newcomer:
        summary = sync_folder(newcomer, shared, PASSPHRASE, kdf=TEST_KDF)
        assert len(summary.files_imported) >= 33
        assert len(argon_calls) == 1
        assert tables(newcomer) == tables(writers[-1])
        assert sync_state.team_salt(newcomer) == sync_state.team_salt(writers[0])
    for writer in writers:
        writer.close()


def test_two_teams_that_met_end_on_one_salt(tmp_path):
    anne, bo = open_notebook(tmp_path / "anne"), open_notebook(tmp_path / "bo")
    for store in (anne, bo):
        store.add(Area(name=store.site))
        export_file(store, tmp_path / f"{store.site}.feltsync", PASSPHRASE, kdf=TEST_KDF)
    first = {sync_state.team_salt(anne), sync_state.team_salt(bo)}
    assert len(first) == 2
    import_file(anne, tmp_path / f"{bo.site}.feltsync", PASSPHRASE)
    import_file(bo, tmp_path / f"{anne.site}.feltsync", PASSPHRASE)
    assert sync_state.team_salt(anne) == sync_state.team_salt(bo) == min(first)
    anne.close()
    bo.close()


def test_each_file_has_its_own_key_and_a_changed_team_salt_is_refused(tmp_path):
    payload = b"samme indhold" * 100
    salt = envelope.new_team_salt()
    one = envelope.seal(payload, PASSPHRASE, kdf=TEST_KDF, team_salt=salt)
    two = envelope.seal(payload, PASSPHRASE, kdf=TEST_KDF, team_salt=salt)
    start = envelope.header_length(one)
    assert one[start:] != two[start:]  # same team key, different file keys
    for data in (one, two):
        assert envelope.open_sealed(data, PASSPHRASE, max_payload=1 << 20) == payload
    with pytest.raises(WrongPassphraseError):
        envelope.open_sealed(one, "forkert", max_payload=1 << 20)
    changed = bytearray(one)
    changed[start - 1] ^= 1  # last byte of the team salt
    with pytest.raises((WrongPassphraseError, DamagedFileError)):
        envelope.open_sealed(bytes(changed), PASSPHRASE, max_payload=1 << 20)
    swapped = bytearray(one)
    swapped[10 + 12] ^= 1  # the file salt: the key check still matches, the blocks do not
    with pytest.raises(DamagedFileError):
        envelope.open_sealed(bytes(swapped), PASSPHRASE, max_payload=1 << 20)


def test_a_notebook_keeps_its_team_salt_across_exports(tmp_path):
    with open_notebook(tmp_path / "nb") as store:
        store.add(Area(name="Viby"))
        export_file(store, tmp_path / "a.feltsync", PASSPHRASE, kdf=TEST_KDF)
        store.add(Area(name="Hasle"))
        export_file(store, tmp_path / "b.feltsync", PASSPHRASE, kdf=TEST_KDF)
        salt = sync_state.team_salt(store)
        assert salt is not None
        for name in ("a", "b"):
            assert envelope.team_salt_of((tmp_path / f"{name}.feltsync").read_bytes()) == salt
        with pytest.raises(SyncError):
            import_file(store, tmp_path / "a.feltsync", "forkert frase", again=True)
