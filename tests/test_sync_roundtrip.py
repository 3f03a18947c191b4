"""Sync files between real notebooks on disk: what a team of field workers sees."""

from __future__ import annotations

import hashlib
import os
import random
import string

import pytest
from sync_support import PASSPHRASE, full_dump, open_notebook, tables, version_set

from fieldapp.domain import Activity, ActivityKind, Area, Attachment, Observation, ObservationKind, Person
from fieldapp.store import Store, changelog, conflicts, privacy
from fieldapp.sync import SyncError, export_file, folder, import_file, sync_folder
from fieldapp.sync.envelope import TEST_KDF, is_encrypted
from fieldapp.sync.errors import (
    AlreadyImportedError,
    MassDeleteError,
    PassphraseNeededError,
    UnencryptedError,
    WrongPassphraseError,
)


@pytest.fixture
def team(tmp_path):
    """Three colleagues' notebooks and a shared folder."""
    notebooks = {name: open_notebook(tmp_path / name) for name in ("anne", "bo", "cem")}
    shared = tmp_path / "shared"
    shared.mkdir()
    yield notebooks, shared
    for store in notebooks.values():
        store.close()


def export(store, path, **kw):
    return export_file(store, path, PASSPHRASE, kdf=TEST_KDF, **kw)


def test_a_walkabout_travels_to_a_colleague(team, tmp_path):
    notebooks, shared = team
    anne, bo = notebooks["anne"], notebooks["bo"]
    area = anne.add(Area(name="Gellerup", municipality="Aarhus"))
    walk = anne.add(
        Activity(
            kind=ActivityKind.WALKABOUT,
            title="Byvandring i Gellerup",
            area_id=area.id,
            starts_at="2026-05-01T10:00",
        )
    )
    anne.add(Observation(activity_id=walk.id, kind=ObservationKind.HOPE, text="Fællesspisning samler folk"))

    out = export(anne, shared / "anne.feltsync")
    assert out.changes_out == len(version_set(anne))
    assert is_encrypted((shared / "anne.feltsync").read_bytes())
    assert b"Gellerup" not in (shared / "anne.feltsync").read_bytes()

    summary = import_file(bo, shared / "anne.feltsync", PASSPHRASE)
    assert summary.changes_in == out.changes_out
    assert summary.conflicts == 0
    assert summary.backup is not None and summary.backup.exists()
    assert tables(bo) == tables(anne)
    assert bo.get(Activity, walk.id).title == "Byvandring i Gellerup"


def test_changes_travel_from_a_through_b_to_c(team):
    notebooks, shared = team
    anne, bo, cem = notebooks["anne"], notebooks["bo"], notebooks["cem"]
    area = anne.add(Area(name="Hasle"))
    export(anne, shared / "a1.feltsync")
    import_file(bo, shared / "a1.feltsync", PASSPHRASE)
    bo.update(Area, area.id, description="Lokalrådet mødes torsdag")
    export(bo, shared / "b1.feltsync")
    import_file(cem, shared / "b1.feltsync", PASSPHRASE)  # cem never saw anne's file
    assert cem.get(Area, area.id).name == "Hasle"
    assert tables(cem) == tables(bo)


def test_an_export_carries_what_is_new_since_the_last_export_to_that_place(team, tmp_path):
    notebooks, shared = team
    anne = notebooks["anne"]
    anne.add(Area(name="Tilst"))
    first = export(anne, shared / "1.feltsync")
    anne.add(Area(name="Brabrand"))
    second = export(anne, shared / "2.feltsync")
    assert first.changes_out == second.changes_out == 3  # only the new area
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    assert export(anne, elsewhere / "1.feltsync").changes_out == first.changes_out + second.changes_out
    assert (
        export(anne, shared / "3.feltsync", full=True).changes_out == first.changes_out + second.changes_out
    )


def test_concurrent_edits_land_in_the_inbox_and_the_choice_syncs(team):
    notebooks, shared = team
    anne, bo = notebooks["anne"], notebooks["bo"]
    person = anne.add(Person(name="Fatima", interests="Lektiecafé"))
    export(anne, shared / "a.feltsync")
    import_file(bo, shared / "a.feltsync", PASSPHRASE)
    anne.update(Person, person.id, interests="Lektiecafé og fodbold")
    bo.update(Person, person.id, interests="Lektiecafé for piger")
    export(anne, shared / "a2.feltsync")
    export(bo, shared / "b2.feltsync")
    assert import_file(anne, shared / "b2.feltsync", PASSPHRASE).conflicts == 1
    assert import_file(bo, shared / "a2.feltsync", PASSPHRASE).conflicts == 1
    assert tables(anne) == tables(bo)

    (conflict,) = conflicts.open_conflicts(bo)
    assert conflict.field == "interests" and conflict.label("en") == "Cares about"
    values = {v.value for v in conflict.candidates}
    assert values == {"Lektiecafé og fodbold", "Lektiecafé for piger"}
    assert conflict.current.value == bo.get(Person, person.id).interests
    conflicts.resolve(bo, conflict, "Lektiecafé, fodbold og pigegruppe")
    assert conflicts.open_conflicts(bo) == []
    assert bo.get(Person, person.id).interests == "Lektiecafé, fodbold og pigegruppe"

    export(bo, shared / "b3.feltsync")
    import_file(anne, shared / "b3.feltsync", PASSPHRASE)
    assert conflicts.open_conflicts(anne) == []
    assert tables(anne) == tables(bo)
    # Nothing was thrown away: both typed values are still in the history.
    history = {v.value for v in anne.versions("people", person.id) if v.field == "interests"}
    assert {"Lektiecafé og fodbold", "Lektiecafé for piger"} <= history


def phase_clash(team):
    """Anne and Bo set Viby's phase differently; Bo's file reaches Anne. Returns (anne, bo, area, import summary)."""
    notebooks, shared = team
    anne, bo = notebooks["anne"], notebooks["bo"]
    area = anne.add(Area(name="Viby"))
    export(anne, shared / "a.feltsync")
    import_file(bo, shared / "a.feltsync", PASSPHRASE)
    anne.update(Area, area.id, phase="develop_leaders")
    bo.update(Area, area.id, phase="withdraw")
    export(bo, shared / "b.feltsync")
    return anne, bo, area, import_file(anne, shared / "b.feltsync", PASSPHRASE)


def test_picking_one_of_the_values_closes_the_conflict(team):
    anne, _bo, area, _summary = phase_clash(team)
    (conflict,) = conflicts.open_conflicts(anne)
    mine = next(v for v in conflict.candidates if v.site == anne.site)
    conflicts.pick(anne, conflict, mine)
    assert anne.get(Area, area.id).phase == "develop_leaders"
    assert conflicts.open_conflicts(anne) == []


def test_an_edit_on_top_of_an_agreed_value_is_no_conflict_anywhere(team):
    """Two colleagues type the same thing, then one changes it: nobody gets an inbox item.

    (Found by the three-laptop model: the later edit named only the winning version,
    so the other laptops saw the agreeing one as a rival head and listed a conflict
    the editing laptop did not have.)
    """
    notebooks, shared = team
    anne, bo = notebooks["anne"], notebooks["bo"]
    area = anne.add(Area(name="Ry"))
    export(anne, shared / "a1.feltsync")
    import_file(bo, shared / "a1.feltsync", PASSPHRASE)
    anne.update(Area, area.id, municipality="Skanderborg")
    bo.update(Area, area.id, municipality="Skanderborg")
    export(anne, shared / "a2.feltsync")
    export(bo, shared / "b2.feltsync")
    assert import_file(anne, shared / "b2.feltsync", PASSPHRASE).conflicts == 0
    assert import_file(bo, shared / "a2.feltsync", PASSPHRASE).conflicts == 0

    anne.update(Area, area.id, municipality=None)
    export(anne, shared / "a3.feltsync")
    assert import_file(bo, shared / "a3.feltsync", PASSPHRASE).conflicts == 0
    assert conflicts.open_conflicts(anne) == conflicts.open_conflicts(bo) == []
    assert bo.get(Area, area.id).municipality is None
    assert tables(anne) == tables(bo)


def test_an_edit_while_a_conflict_is_open_keeps_it_open(team):
    """Editing the field in the form is not a review of the rival value: the inbox keeps it."""
    _notebooks, shared = team
    anne, bo, area, summary = phase_clash(team)
    assert summary.conflicts == 1
    (before,) = conflicts.open_conflicts(anne)
    rival = before.others[0].value  # the value not in force when anne edits
    anne.update(Area, area.id, phase="awaken")
    export(anne, shared / "a2.feltsync")
    import_file(bo, shared / "a2.feltsync", PASSPHRASE)
    for store in (anne, bo):
        (conflict,) = conflicts.open_conflicts(store)
        assert {v.value for v in conflict.candidates} == {"awaken", rival}
        assert store.get(Area, area.id).phase == "awaken"


def test_a_delete_travels_and_a_newer_edit_revives_the_row(team):
    notebooks, shared = team
    anne, bo = notebooks["anne"], notebooks["bo"]
    keep = [anne.add(Area(name=f"Område {n}")) for n in range(3)]
    area = keep[0]
    export(anne, shared / "a.feltsync")
    import_file(bo, shared / "a.feltsync", PASSPHRASE)
    anne.delete(Area, area.id)
    export(anne, shared / "a2.feltsync")
    import_file(bo, shared / "a2.feltsync", PASSPHRASE)
    assert bo.find(Area, area.id) is None
    # Bo had not yet seen the delete on another copy: simulate by editing on cem after the delete.
    cem = notebooks["cem"]
    import_file(cem, shared / "a.feltsync", PASSPHRASE)
    cem.update(Area, area.id, description="Stadig aktiv")
    cem.clock.observe(anne.clock.last)  # cem's edit is later than the delete
    cem.update(Area, area.id, description="Stadig aktiv, ny leder")
    export(cem, shared / "c.feltsync")
    import_file(bo, shared / "c.feltsync", PASSPHRASE)
    assert bo.get(Area, area.id).description == "Stadig aktiv, ny leder"


def test_attachments_travel_as_verified_blobs(team, tmp_path):
    notebooks, shared = team
    anne, bo = notebooks["anne"], notebooks["bo"]
    photo = os.urandom(5000)
    sha = hashlib.sha256(photo).hexdigest()
    (anne.attachments_dir / sha[:2]).mkdir(parents=True)
    (anne.attachments_dir / sha[:2] / sha).write_bytes(photo)
    anne.add(Attachment(sha256=sha, filename="legeplads.jpg", mime="image/jpeg", size=len(photo)))
    assert export(anne, shared / "a.feltsync").blobs_out == 1
    summary = import_file(bo, shared / "a.feltsync", PASSPHRASE)
    assert summary.blobs_in == 1
    assert (bo.attachments_dir / sha[:2] / sha).read_bytes() == photo


def test_an_erased_person_never_comes_back(team):
    notebooks, shared = team
    anne, bo = notebooks["anne"], notebooks["bo"]
    person = anne.add(Person(name="Jens Hansen", phone="12345678"))
    anne.add(Area(name="Lisbjerg"))
    export(anne, shared / "old.feltsync")
    import_file(bo, shared / "old.feltsync", PASSPHRASE)
    privacy.erase_person(anne, person.id)
    export(anne, shared / "erase.feltsync")
    import_file(bo, shared / "erase.feltsync", PASSPHRASE, force=True)
    assert bo.find(Person, person.id) is None
    assert "Jens Hansen" not in "".join(full_dump(bo))  # the history is blanked too
    # An old file with the person's data changes nothing, on either laptop.
    before = tables(bo)
    import_file(bo, shared / "old.feltsync", PASSPHRASE, again=True)
    assert tables(bo) == before and bo.find(Person, person.id) is None
    again = export(bo, shared / "bo.feltsync", full=True)
    import_file(anne, shared / "bo.feltsync", PASSPHRASE, force=True)
    assert again.changes_out > 0 and anne.find(Person, person.id) is None
    assert tables(anne) == tables(bo)


def test_a_file_deleting_most_rows_needs_confirmation(team):
    notebooks, shared = team
    anne, bo = notebooks["anne"], notebooks["bo"]
    areas = [anne.add(Area(name=f"Landsby {n}")) for n in range(4)]
    export(anne, shared / "a.feltsync")
    import_file(bo, shared / "a.feltsync", PASSPHRASE)
    for area in areas[:3]:
        anne.delete(Area, area.id)
    export(anne, shared / "a2.feltsync")
    before = full_dump(bo)
    with pytest.raises(MassDeleteError) as refused:
        import_file(bo, shared / "a2.feltsync", PASSPHRASE)
    assert "3 af 4" in refused.value.message("da") and "3 of 4" in refused.value.message("en")
    assert full_dump(bo) == before
    import_file(bo, shared / "a2.feltsync", PASSPHRASE, force=True)
    assert bo.count(Area) == 1


def test_passphrase_rules(team):
    notebooks, shared = team
    anne, bo = notebooks["anne"], notebooks["bo"]
    anne.add(Area(name="Skæring"))
    with pytest.raises(PassphraseNeededError):
        export_file(anne, shared / "x.feltsync", None)
    export_file(anne, shared / "plain.feltsync", None, encrypt=False)
    assert not is_encrypted((shared / "plain.feltsync").read_bytes())
    for given in (None, PASSPHRASE):  # an unencrypted file only with the explicit option
        with pytest.raises(UnencryptedError):
            import_file(bo, shared / "plain.feltsync", given)
    assert import_file(bo, shared / "plain.feltsync", None, allow_unencrypted=True).changes_in > 0
    anne.add(Area(name="Harlev"))
    export(anne, shared / "secret.feltsync")
    with pytest.raises(WrongPassphraseError) as wrong:
        import_file(bo, shared / "secret.feltsync", "forkert")
    assert "Forkert adgangssætning" in wrong.value.message("da")
    assert "Wrong passphrase" in wrong.value.message("en")
    with pytest.raises(PassphraseNeededError):
        import_file(bo, shared / "secret.feltsync", None)


def test_a_replayed_file_is_refused_and_harmless(team):
    notebooks, shared = team
    anne, bo = notebooks["anne"], notebooks["bo"]
    anne.add(Area(name="Trige"))
    export(anne, shared / "a.feltsync")
    import_file(bo, shared / "a.feltsync", PASSPHRASE)
    before = full_dump(bo)
    with pytest.raises(AlreadyImportedError) as replay:
        import_file(bo, shared / "a.feltsync", PASSPHRASE)
    assert "allerede indlæst" in replay.value.message("da")
    (shared / "copy.feltsync").write_bytes((shared / "a.feltsync").read_bytes())
    with pytest.raises(AlreadyImportedError):
        import_file(bo, shared / "copy.feltsync", PASSPHRASE)
    assert full_dump(bo) == before
    again = import_file(bo, shared / "a.feltsync", PASSPHRASE, again=True)
    assert again.changes_in == 0 and tables(bo) == tables(anne)


def test_folder_sync_converges_and_skips_what_it_has_seen(team):
    notebooks, shared = team
    for name, store in notebooks.items():
        store.add(Area(name=f"{name}s område"))
    for _ in range(2):
        for store in notebooks.values():
            summary = sync_folder(store, shared, PASSPHRASE, kdf=TEST_KDF)
            assert summary.failures == []
    anne, bo, cem = notebooks.values()
    assert tables(anne) == tables(bo) == tables(cem)
    assert anne.count(Area) == 3
    names = sorted(p.name for p in shared.iterdir())
    assert not any(n.endswith(".partial") for n in names)
    assert set(names) - {p.name for p in shared.glob("*.feltsync")} == {folder.IDENTITY_NAME}
    assert all(
        folder.parse(p).site in {s.site for s in notebooks.values()} for p in shared.glob("*.feltsync")
    )
    quiet = sync_folder(anne, shared, PASSPHRASE, kdf=TEST_KDF)
    assert quiet.changes_in == 0 and quiet.files_written == [] and quiet.files_imported == []
    assert changelog.last_sync(anne) is not None


def test_folder_sync_goes_on_past_a_bad_file(team):
    notebooks, shared = team
    anne, bo = notebooks["anne"], notebooks["bo"]
    anne.add(Area(name="Sabro"))
    sync_folder(anne, shared, PASSPHRASE, kdf=TEST_KDF)
    (shared / "ffffffffffffffff_1.feltsync").write_bytes(b"FELTSYNC junk")
    summary = sync_folder(bo, shared, PASSPHRASE, kdf=TEST_KDF)
    assert [p.name for p, _ in summary.failures] == ["ffffffffffffffff_1.feltsync"]
    assert isinstance(summary.failures[0][1], SyncError)
    assert bo.count(Area) == 1


def test_a_whole_demo_notebook_arrives_exactly(team):
    """Every table and kind of value (dates, times, yes/no, numbers, links) survives a sync,
    and the rows the import wrote are what the change log says, row for row."""
    from fieldapp.demo import build_demo

    notebooks, shared = team
    anne, bo = notebooks["anne"], notebooks["bo"]
    build_demo(anne, size=40, seed=3)
    export(anne, shared / "demo.feltsync")
    import_file(bo, shared / "demo.feltsync", PASSPHRASE)
    assert tables(bo) == tables(anne)
    assert sum(1 for rows in tables(bo).values() if rows) >= 10  # nearly every kind of record
    imported = tables(bo)
    for tbl in imported:
        ids = [
            r[0] for r in bo.conn.execute("SELECT DISTINCT row_id FROM field_versions WHERE tbl = ?", (tbl,))
        ]
        bo.recompute(tbl, ids)
    assert tables(bo) == imported
    # The full-text index holds the imported rows as well.
    assert bo.search("legeplads") == anne.search("legeplads")


def test_a_folder_sync_backs_up_once_however_many_files_it_reads(team):
    notebooks, shared = team
    anne, bo, cem = notebooks["anne"], notebooks["bo"], notebooks["cem"]
    for number in range(3):  # a colleague who synced three times before
        bo.add(Area(name=f"Område {number}"))
        sync_folder(bo, shared, PASSPHRASE, kdf=TEST_KDF)
    cem.add(Area(name="Cems område"))
    sync_folder(cem, shared, PASSPHRASE, kdf=TEST_KDF)
    backups = anne.path.parent / "backups"
    summary = sync_folder(anne, shared, PASSPHRASE, kdf=TEST_KDF)
    assert len(summary.files_imported) == 4 and anne.count(Area) == 4
    from fieldapp.store.backups import list_backups, unpack

    made = [b.path for b in list_backups(anne.path) if b.kind == "before-import"]
    assert made == [summary.backup] and summary.backup.parent == backups
    unpack(summary.backup, backups / "unpacked.sqlite")
    with Store.open(backups / "unpacked.sqlite") as before:  # the notebook as it was before the run
        assert before.count(Area) == 0


def test_a_laptop_keeps_the_shared_folder_tidy_and_nothing_is_lost(team):
    """After many syncs a laptop replaces its own pile of files by one file with everything."""
    from fieldapp.sync.service import OWN_FILES_KEPT

    notebooks, shared = team
    anne, bo, cem = notebooks["anne"], notebooks["bo"], notebooks["cem"]
    areas = []
    for number in range(OWN_FILES_KEPT):
        # Files mostly data (not the fixed part of every file), so only their number tidies.
        noise = "".join(random.Random(number).choices(string.ascii_letters, k=3000))
        areas.append(anne.add(Area(name=f"Område {number}", description=noise)).id)
        sync_folder(anne, shared, PASSPHRASE, kdf=TEST_KDF)
        if number == 3:
            sync_folder(bo, shared, PASSPHRASE, kdf=TEST_KDF)  # bo read the first four files
    own = sorted(shared.glob(f"*{anne.site}_*.feltsync"))
    assert len(own) == OWN_FILES_KEPT
    # A crash while writing left a partial file (its name was remembered before writing)...
    changelog.remember_own_file(anne, f"{anne.site}_1.feltsync")
    (shared / f"{anne.site}_1.feltsync.partial").write_bytes(b"left by a crash")
    (shared / f".{anne.site}_1.feltsync.k3x9q.partial").write_bytes(b"left by a crash")
    # ...and a copy of anne's notebook on another laptop is writing one right now: not hers to remove.
    twin_partial = f".{anne.site}_2.feltsync.a7b2c.partial"
    (shared / twin_partial).write_bytes(b"another laptop, mid-write")

    anne.update(Area, areas[0], description="Lokalrådet mødes torsdag")
    summary = sync_folder(anne, shared, PASSPHRASE, kdf=TEST_KDF)
    left = sorted(p.name for p in shared.iterdir() if ".feltsync" in p.name)  # not the folder id
    assert left == sorted([summary.files_written[0].name, twin_partial]), left
    assert len(summary.files_removed) == OWN_FILES_KEPT + 2
    (shared / twin_partial).unlink()

    for colleague in (bo, cem):  # one had read some of the old files, one none of them
        sync_folder(colleague, shared, PASSPHRASE, kdf=TEST_KDF)
        assert tables(colleague) == tables(anne)
        assert colleague.get(Area, areas[0]).description == "Lokalrådet mødes torsdag"
    # A tidy file of versions bo already had changes nothing there.
    assert sync_folder(bo, shared, PASSPHRASE, kdf=TEST_KDF).changes_in == 0


def test_a_file_with_versions_already_here_counts_only_the_new_ones(team):
    notebooks, shared = team
    anne, bo = notebooks["anne"], notebooks["bo"]
    anne.add(Area(name="Hasle"))
    first = export(anne, shared / "a1.feltsync")
    assert import_file(bo, shared / "a1.feltsync", PASSPHRASE).changes_in == first.changes_out == 3
    anne.add(Area(name="Tilst"))
    everything = export(anne, shared / "a2.feltsync", full=True)
    assert everything.changes_out == 6
    # Only the second area's three versions are new here, whatever sequence numbers the
    # ignored ones used up.
    assert import_file(bo, shared / "a2.feltsync", PASSPHRASE).changes_in == 3
    assert len(version_set(bo)) == 6


def _plain_changes(path) -> str:
    from fieldapp.sync import archive, envelope
    from fieldapp.sync.archive import Limits

    payload = envelope.open_sealed(path.read_bytes(), PASSPHRASE, name=path.name, max_payload=10**8)
    return archive.read(payload, name=path.name, limits=Limits()).changes.decode("utf-8")


@pytest.mark.parametrize("where", ["here", "arrived"])
def test_after_an_erasure_no_own_file_in_the_folder_still_carries_the_person(team, where):
    """Issue 13.1: old files of ours in the shared folder are rewritten by the tidy step."""
    from fieldapp.domain import Person
    from fieldapp.store import privacy

    notebooks, shared = team
    anne, bo = notebooks["anne"], notebooks["bo"]
    karen = anne.add(Person(name="Karen Hemmelig", phone="20 30 40 50"))
    anne.add(Area(name="Trige"))
    sync_folder(anne, shared, PASSPHRASE, kdf=TEST_KDF)
    sync_folder(bo, shared, PASSPHRASE, kdf=TEST_KDF)
    anne.add(Area(name="Lystrup"))
    sync_folder(anne, shared, PASSPHRASE, kdf=TEST_KDF)
    assert any("Karen Hemmelig" in _plain_changes(p) for p in shared.glob(f"*{anne.site}_*.feltsync"))
    if where == "here":
        privacy.erase_person(anne, karen.id)
    else:  # bo erases; the marker reaches anne through the folder
        privacy.erase_person(bo, karen.id)
        sync_folder(bo, shared, PASSPHRASE, kdf=TEST_KDF)
    summary = sync_folder(anne, shared, PASSPHRASE, kdf=TEST_KDF)
    own = sorted(shared.glob(f"*{anne.site}_*.feltsync"))
    assert len(own) == 1 and summary.files_removed
    for path in own:
        text = _plain_changes(path)
        assert "Karen Hemmelig" not in text and "20 30 40 50" not in text
    assert not privacy.tidy_pending(anne)
    # The next sync does not rewrite everything again.
    anne.add(Area(name="Hjortshøj"))
    assert not sync_folder(anne, shared, PASSPHRASE, kdf=TEST_KDF).files_removed
