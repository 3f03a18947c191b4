"""Robust shared folders: vanished, damaged and conflict-copy files, folder identity, names (issue 18.3)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sync_support import PASSPHRASE, open_notebook, tables

from fieldapp.domain import Area
from fieldapp.sync import export_file, folder, sync_folder
from fieldapp.sync.envelope import TEST_KDF
from fieldapp.sync.errors import DamagedFileError
from fieldapp.sync.service import OWN_FILES_KEPT


@pytest.fixture
def team(tmp_path):
    notebooks = {name: open_notebook(tmp_path / name) for name in ("anne", "bo", "cem")}
    shared = tmp_path / "shared"
    shared.mkdir()
    yield notebooks, shared
    for store in notebooks.values():
        store.close()


def sync(store, shared, **kw):
    return sync_folder(store, shared, PASSPHRASE, kdf=TEST_KDF, **kw)


def test_a_file_that_vanishes_between_listing_and_reading_is_passed_over(team):
    notebooks, shared = team
    anne, bo, cem = notebooks.values()
    for store in (bo, cem):
        store.add(Area(name=store.site))
        sync(store, shared)
    files = sorted(shared.glob("*.feltsync"))

    def tidy_by_a_colleague(stage, done, total):
        if stage == "folder" and done == 1:
            files[1].unlink()  # the other file goes while anne reads the first

    summary = sync(anne, shared, progress=tidy_by_a_colleague)
    assert summary.failures == [] and len(summary.files_imported) == 1
    assert anne.count(Area) == 1


def test_a_damaged_file_is_reported_once_and_skipped_until_it_changes(team):
    notebooks, shared = team
    anne, bo, cem = notebooks.values()
    bo.add(Area(name="Bos område"))
    (good,) = sync(bo, shared).files_written
    cem.add(Area(name="Cems område"))
    sync(cem, shared)
    damaged = good.with_name(folder.file_name("Bo", bo.site, 99))  # a normal name, broken inside
    damaged.write_bytes(good.read_bytes()[:-40])
    anne.add(Area(name="Annes område"))

    first = sync(anne, shared)
    assert [p.name for p, _ in first.failures] == [damaged.name]
    assert isinstance(first.failures[0][1], DamagedFileError)
    assert len(first.files_imported) == 2 and first.files_written  # the others and her own write
    again = sync(anne, shared)
    assert again.failures == [] and again.files_known_bad == [damaged]
    # Every other laptop: once, not on every call. Bo did not write it, so it is not bo's:
    # bo reads it like any file it did not write (docs/trust.md) and refuses it once too.
    assert len(sync(cem, shared).failures) == 1
    assert sync(cem, shared).failures == []
    assert len(sync(bo, shared).failures) == 1
    assert sync(bo, shared).failures == []
    # The sync engine puts the good file in its place: read at once.
    bo.add(Area(name="Bos andet område"))
    export_file(bo, damaged, PASSPHRASE, kdf=TEST_KDF, destination="elsewhere")
    fixed = sync(anne, shared)
    assert fixed.failures == [] and fixed.files_imported == [damaged]
    assert anne.count(Area) == 4
    assert anne.conn.execute("SELECT count(*) FROM sync_bad_files").fetchone()[0] == 0


def test_a_wrong_passphrase_is_not_remembered_as_a_bad_file(team):
    notebooks, shared = team
    anne, bo, _ = notebooks.values()
    bo.add(Area(name="Bos område"))
    sync(bo, shared)
    assert len(sync_folder(anne, shared, "forkert", kdf=TEST_KDF).failures) == 1
    assert sync(anne, shared).failures == [] and anne.count(Area) == 1


@pytest.mark.parametrize(
    "copy_name, kind",
    [
        ("{stem}.sync-conflict-20260501-101500-ABCDEF7.feltsync", "syncthing"),
        ("{stem} (conflicted copy 2026-05-01 101500).feltsync", "nextcloud"),
        ("{stem} (Bo Hansen's conflicted copy 2026-05-01).feltsync", "nextcloud"),
        ("{stem}-BO-LAPTOP.feltsync", "onedrive"),
    ],
)
def test_conflict_copies_are_read_as_the_files_they_are(team, copy_name, kind):
    notebooks, shared = team
    anne, bo, _ = notebooks.values()
    bo.add(Area(name="Første"))
    (original,) = sync(bo, shared).files_written
    bo.add(Area(name="Anden"))
    (second,) = sync(bo, shared).files_written
    # The engine saw two versions of one name: it keeps one, and the other under a new name.
    copy = shared / copy_name.format(stem=original.name[: -len(".feltsync")])
    second.rename(copy)
    parsed = folder.parse(copy)
    assert (parsed.site, parsed.copy) == (bo.site, kind)
    summary = sync(anne, shared)
    assert sorted(summary.files_imported) == sorted([original, copy])
    assert anne.count(Area) == 2 and summary.files_written == []
    # bo's tidy takes its conflict copies away with its other files.
    for number in range(OWN_FILES_KEPT):
        bo.add(Area(name=f"{number}"))
        sync(bo, shared)
    assert not copy.exists()
    sync(anne, shared)
    assert tables(anne) == tables(bo)


def test_a_conflict_copy_of_our_own_file_brings_back_what_we_lost_and_we_carry_it(team, tmp_path):
    notebooks, shared = team
    anne, bo, _ = notebooks.values()
    backup = anne.backup(tmp_path / "anne-before.sqlite")
    anne.add(Area(name="Skrevet før nedbruddet"))
    (lost,) = sync(anne, shared).files_written
    stem = lost.name[: -len(".feltsync")]
    lost_site = anne.site
    lost.rename(shared / f"{stem}.sync-conflict-20260501-101500-ABCDEF7.feltsync")
    anne.close()
    shutil.copy(backup, anne.path)  # anne's laptop restored from the older copy
    with open_notebook(anne.path.parent) as restored:
        summary = sync(restored, shared)
        assert restored.count(Area) == 1 and summary.failures == []
        # A restored copy is a new laptop to the team (docs/trust.md): the copy of the old
        # laptop's file was read like a colleague's, and is skipped from then on.
        assert restored.site != lost_site
        for number in range(OWN_FILES_KEPT):  # her tidies keep the area
            restored.add(Area(name=f"{number}"))
            again = sync(restored, shared)
            assert again.failures == [] and not [p for p in again.files_imported if "sync-conflict" in p.name]
        sync(bo, shared)
        assert tables(bo) == tables(restored)
        assert bo.count(Area) == OWN_FILES_KEPT + 1


def test_a_moved_folder_is_the_same_folder(team, tmp_path):
    notebooks, shared = team
    anne, bo, _ = notebooks.values()
    for store in (anne, bo):
        store.add(Area(name=store.site))
    for store in (anne, bo, anne, bo):
        sync(store, shared)
    moved = tmp_path / "mounted-elsewhere" / "delt"
    moved.parent.mkdir()
    shared.rename(moved)
    for store in (anne, bo):
        summary = sync(store, moved)
        assert summary.files_written == [] and summary.files_imported == []


def test_a_folder_known_by_its_path_keeps_its_bookkeeping_when_it_gets_an_identity(team):
    notebooks, shared = team
    anne, _, _ = notebooks.values()
    anne.add(Area(name="Hasle"))
    # What the previous version did: the folder was known by its full path.
    export_file(anne, shared / f"{anne.site}_1.feltsync", PASSPHRASE, kdf=TEST_KDF, destination=str(shared))
    assert not (shared / folder.IDENTITY_NAME).exists()
    summary = sync(anne, shared)
    assert summary.files_written == []  # nothing new: not everything again
    assert (shared / folder.IDENTITY_NAME).exists()


def test_files_are_named_by_who_wrote_them_and_when():
    name = folder.file_name("Søren Ærø-Ødegård", "0123456789abcdef", 42, date(2026, 5, 1))
    assert name == "Soeren-Aeroe-Oedegaard_2026-05-01_0123456789abcdef_42.feltsync"
    parsed = folder.parse(Path(name))
    assert (parsed.who, parsed.site, parsed.hlc, parsed.copy) == (
        "Soeren-Aeroe-Oedegaard",
        "0123456789abcdef",
        42,
        None,
    )
    assert folder.parse(Path("0123456789abcdef_42.feltsync")).site == "0123456789abcdef"  # the old names
    assert folder.safe_label("CON") == "feltbog" and folder.safe_label("../..") == "feltbog"


@given(st.text(max_size=80), st.from_regex(r"[0-9a-f]{16}", fullmatch=True), st.integers(0, 2**62))
def test_any_name_makes_a_safe_file_name_that_parses_back(who, site, hlc):
    name = folder.file_name(who, site, hlc, date(2026, 5, 1))
    label = name.split("_")[0]
    assert 1 <= len(label) <= 32 and all(c.isascii() and (c.isalnum() or c == "-") for c in label)
    assert label.upper() not in {"CON", "PRN", "AUX", "NUL"}
    parsed = folder.parse(Path(name))
    assert (parsed.site, parsed.hlc, parsed.copy) == (site, hlc, None)
