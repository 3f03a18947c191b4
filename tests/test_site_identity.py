"""Two laptops never write under one site id, and a laptop never deletes another's files.

Every version is keyed by (hlc, site); two notebooks writing as one site would make
the same key with different values, and the team's laptops would diverge without
a trace. A copied notebook (another laptop, a restored or opened backup) therefore
gets a site of its own on first open; copies made before this rule are found in
the shared folder and parted there.
"""

from __future__ import annotations

import shutil

from sync_support import PASSPHRASE, full_dump, open_notebook, tables

from fieldapp.domain import Area
from fieldapp.store import Store, backups
from fieldapp.sync import export_file, import_file, sync_folder
from fieldapp.sync import folder as folder_mod
from fieldapp.sync.envelope import TEST_KDF
from fieldapp.sync.errors import BadContentError, ForgedError


def test_a_copied_notebook_gets_its_own_site_and_the_original_keeps_its(tmp_path):
    original = open_notebook(tmp_path / "anne")
    original.add(Area(name="Hammel"))
    site = original.site
    original.close()
    (tmp_path / "laptop2").mkdir()
    shutil.copy(tmp_path / "anne" / "feltbog.sqlite", tmp_path / "laptop2" / "feltbog.sqlite")
    with Store.open(tmp_path / "anne" / "feltbog.sqlite") as again:
        assert again.site == site
    with Store.open(tmp_path / "laptop2" / "feltbog.sqlite") as copy:
        assert copy.site != site
        assert copy.count(Area) == 1
        copy.add(Area(name="Skrevet på kopien"))  # the new site is stored with the first write
        renewed = copy.site
    with Store.open(tmp_path / "laptop2" / "feltbog.sqlite") as copy:
        assert copy.site == renewed  # once, not on every open
        assert {r[0] for r in copy.conn.execute("SELECT site FROM field_versions WHERE field = 'name'")} == {
            site,
            renewed,
        }


def test_a_restored_backup_writes_under_a_new_site(tmp_path):
    """Versions made after the backup went out to colleagues under the old site; new ones must not collide."""
    store = open_notebook(tmp_path / "nb")
    store.add(Area(name="Ry"))
    copy = store.backup(tmp_path / "nb" / "backups" / "feltbog-manual-20260101-120000.sqlite")
    site = store.site
    store.close()
    backups.restore(tmp_path / "nb" / "feltbog.sqlite", copy)
    with Store.open(tmp_path / "nb" / "feltbog.sqlite") as restored:
        assert restored.site != site and restored.count(Area) == 1


def _legacy_twins(tmp_path):
    """Two laptops whose notebooks share a site id (copied before the rule existed)."""
    anne = open_notebook(tmp_path / "anne")
    anne.add(Area(name="Fælles fra før kopien"))
    anne.close()
    (tmp_path / "twin").mkdir()
    shutil.copy(tmp_path / "anne" / "feltbog.sqlite", tmp_path / "twin" / "feltbog.sqlite")
    anne = Store.open(tmp_path / "anne" / "feltbog.sqlite")
    twin = Store.open(tmp_path / "twin" / "feltbog.sqlite")
    twin.conn.execute("UPDATE meta SET value = ? WHERE key = 'site'", (anne.site,))
    twin.site = anne.site
    return anne, twin


def test_a_file_from_a_copy_is_refused_by_hand_with_a_way_out(tmp_path):
    anne, twin = _legacy_twins(tmp_path)
    twin.add(Area(name="Skrevet på den anden computer"))
    export_file(twin, tmp_path / "twin.feltsync", PASSPHRASE, kdf=TEST_KDF)
    before = full_dump(anne)
    try:
        import_file(anne, tmp_path / "twin.feltsync", PASSPHRASE)
    except ForgedError as error:
        assert "copy of this notebook" in error.message("en")
    else:
        raise AssertionError("a file in this notebook's own name that it never wrote went in")
    assert full_dump(anne) == before
    anne.renew_site()  # `fieldapp sync new-identity`
    assert import_file(anne, tmp_path / "twin.feltsync", PASSPHRASE).changes_in > 0
    anne.close()
    twin.close()


def test_folder_sync_parts_twins_and_never_deletes_the_other_laptops_files(tmp_path):
    from fieldapp.sync.service import OWN_FILES_KEPT

    shared = tmp_path / "Nextcloud"
    shared.mkdir()
    anne, twin = _legacy_twins(tmp_path)
    shared_site = anne.site
    sync_folder(anne, shared, PASSPHRASE, kdf=TEST_KDF)  # anne starts keeping her list of files
    twin.add(Area(name="Skrevet på den anden computer"))
    twin_summary = sync_folder(twin, shared, PASSPHRASE, kdf=TEST_KDF)
    twin_file = twin_summary.files_written[0]
    assert folder_mod.parse(twin_file).site == shared_site
    assert twin_summary.site_renewed is None  # anne's file held nothing the twin lacked: no evidence yet

    summary = sync_folder(anne, shared, PASSPHRASE, kdf=TEST_KDF)
    assert summary.failures == []
    assert summary.site_renewed is not None and anne.site == summary.site_renewed != shared_site
    assert twin_file in summary.files_imported
    assert anne.count(Area) == 2
    for number in range(OWN_FILES_KEPT + 1):  # enough of anne's own files to make her tidy up
        anne.add(Area(name=f"Område {number}"))
        sync_folder(anne, shared, PASSPHRASE, kdf=TEST_KDF)
    assert twin_file.exists(), "a laptop deleted another laptop's file"
    sync_folder(twin, shared, PASSPHRASE, kdf=TEST_KDF)
    assert tables(twin) == tables(anne)
    anne.close()
    twin.close()


def test_folder_sync_reports_a_bad_file_and_still_does_the_rest(tmp_path):
    """An unparsable (deeply nested) file is named in the summary; good files go in; ours is written."""
    from sync_support import craft

    anne, bo = open_notebook(tmp_path / "anne"), open_notebook(tmp_path / "bo")
    shared = tmp_path / "shared"
    shared.mkdir()
    anne.add(Area(name="Sabro"))
    sync_folder(anne, shared, PASSPHRASE, kdf=TEST_KDF)
    deep = ("[" * 50_000 + "]" * 50_000 + "\n").encode()
    bad = craft(shared / "0123456789abcdef_1.feltsync", [], raw_changes=deep)
    plain = craft(shared / "fedcba9876543210_1.feltsync", [], passphrase=None)
    bo.add(Area(name="Tilst"))
    summary = sync_folder(bo, shared, PASSPHRASE, kdf=TEST_KDF)
    assert sorted(p.name for p, _ in summary.failures) == [bad.name, plain.name]
    assert all(
        isinstance(e, BadContentError) or "not encrypted" in e.message("en") for _, e in summary.failures
    )
    assert all("\n" not in e.message(lang) for _, e in summary.failures for lang in ("da", "en"))
    assert bad.exists() and plain.exists()  # left in place
    assert bo.count(Area) == 2 and len(summary.files_written) == 1
    anne.close()
    bo.close()


def test_a_copy_opened_twice_at_once_takes_one_new_site(tmp_path):
    """The app and a background job open the copied notebook together: one site between them."""
    original = open_notebook(tmp_path / "anne")
    site = original.site
    original.close()
    (tmp_path / "laptop2").mkdir()
    copy = tmp_path / "laptop2" / "feltbog.sqlite"
    shutil.copy(tmp_path / "anne" / "feltbog.sqlite", copy)
    before = copy.read_bytes()
    app, job = Store.open(copy), Store.open(copy)
    assert copy.read_bytes() == before  # opening alone writes nothing
    job.add(Area(name="Fra baggrundsjobbet"))
    app.add(Area(name="Fra vinduet"))
    sites = {row[0] for row in app.conn.execute("SELECT DISTINCT site FROM field_versions")}
    assert app.site == job.site != site and sites == {app.site}
    app.close()
    job.close()


def test_files_an_earlier_version_wrote_are_adopted_once_and_tidied(tmp_path):
    """Before the list existed a laptop's files were known by name only: the first sync adopts them."""
    from fieldapp.sync.service import OWN_FILES_KEPT, SUFFIX

    anne = open_notebook(tmp_path / "anne")
    shared = tmp_path / "shared"
    shared.mkdir()
    for number in range(OWN_FILES_KEPT):  # written the old way: nothing remembers them
        anne.add(Area(name=f"Område {number}"))
        export_file(anne, shared / f"{anne.site}_{anne.clock.now()}{SUFFIX}", PASSPHRASE, kdf=TEST_KDF)
    legacy = sorted(shared.glob(f"{anne.site}_*{SUFFIX}"))
    summary = sync_folder(anne, shared, PASSPHRASE, kdf=TEST_KDF)
    assert sorted(summary.files_removed) == legacy
    assert [p.name for p in shared.glob("*.feltsync*")] == [summary.files_written[0].name]
    anne.close()
