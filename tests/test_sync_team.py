"""Folder sync at team scale: a laptop's files carry only what the folder lacks (issue 18)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_support import PASSPHRASE, open_notebook, tables

from fieldapp.domain import Area
from fieldapp.store import changelog, conflicts
from fieldapp.sync import export_file, import_file, sync_folder
from fieldapp.sync.envelope import TEST_KDF
from fieldapp.sync.service import OWN_FILES_KEPT


@pytest.fixture
def team(tmp_path):
    notebooks = {name: open_notebook(tmp_path / name) for name in ("anne", "bo", "cem", "dan")}
    shared = tmp_path / "shared"
    shared.mkdir()
    yield notebooks, shared
    for store in notebooks.values():
        store.close()


def sync(store, shared, **kw):
    return sync_folder(store, shared, PASSPHRASE, kdf=TEST_KDF, **kw)


def sites_in(path, tmp_path, name="reader") -> set[str]:
    """Whose versions a file carries (read into a fresh notebook)."""
    with open_notebook(tmp_path / name) as reader:
        import_file(reader, path, PASSPHRASE, force=True)
        return {site for (site,) in reader.conn.execute("SELECT DISTINCT site FROM field_versions")}


def own_versions(store) -> int:
    return store.conn.execute("SELECT count(*) FROM field_versions WHERE site = ?", (store.site,)).fetchone()[
        0
    ]


def test_after_hundreds_of_colleague_files_a_laptop_still_writes_only_its_own_news(team):
    notebooks, shared = team
    anne, bo = notebooks["anne"], notebooks["bo"]
    for number in range(210):  # more files than the old 200-range limit
        bo.add(Area(name=f"Område {number}"))
        export_file(bo, shared / f"{bo.site}_{number:04d}.feltsync", PASSPHRASE, kdf=TEST_KDF)
    first = sync(anne, shared)
    assert len(first.files_imported) == 210 and first.files_written == []
    anne.add(Area(name="Annes område"))
    summary = sync(anne, shared)
    assert summary.changes_out == own_versions(anne) == 3


def test_a_tidy_file_holds_own_and_hand_carried_versions_never_folder_ones(team, tmp_path):
    notebooks, shared = team
    anne, bo, cem, dan = notebooks.values()
    bo.add(Area(name="Bos område (på USB)"))
    export_file(bo, tmp_path / "usb.feltsync", PASSPHRASE, kdf=TEST_KDF)
    import_file(anne, tmp_path / "usb.feltsync", PASSPHRASE)  # bo never uses the folder
    cem.add(Area(name="Cems område"))
    sync(cem, shared)
    for number in range(OWN_FILES_KEPT + 1):
        anne.add(Area(name=f"Annes område {number}"))
        summary = sync(anne, shared)
        if summary.files_removed:
            break
    assert summary.files_removed  # tidied
    assert sorted(shared.glob(f"*{anne.site}_*.feltsync")) == summary.files_written
    assert sites_in(summary.files_written[0], tmp_path) == {anne.site, bo.site}  # cem's own file has cem's
    sync(cem, shared)
    sync(dan, shared)
    assert tables(dan) == tables(cem) == tables(anne)  # bo's area reached both through anne


def test_a_newcomer_and_a_returning_laptop_read_without_uploading_again(team, tmp_path):
    notebooks, shared = team
    anne, bo, cem, dan = notebooks.values()
    for day in range(3):
        for store in (anne, bo, cem):
            store.add(Area(name=f"{store.site} dag {day}"))
            sync(store, shared)
    newcomer = sync(dan, shared)
    assert newcomer.files_written == [] and newcomer.changes_out == 0
    assert tables(dan) == tables(cem)
    # anne was away while bo and cem went on; coming back she writes only her own edit.
    for store in (bo, cem):
        store.add(Area(name=f"{store.site} mens anne var væk"))
        sync(store, shared)
    anne.add(Area(name="Tilbage igen"))
    back = sync(anne, shared)
    assert back.changes_out == (12 if back.files_removed else 3)  # her news, or all hers if she tidied
    assert sites_in(back.files_written[0], tmp_path) == {anne.site}


def test_the_folder_rule_converges_with_hand_files_and_tidies_mixed(team, tmp_path):
    """Random-ish order of folder syncs, hand files and tidies: everyone ends with everything."""
    import random

    notebooks, shared = team
    stores = list(notebooks.values())
    rng = random.Random(18)
    for step in range(120):
        store = rng.choice(stores)
        store.add(Area(name=f"{step}"))
        if rng.random() < 0.1:  # a file handed to a colleague on a USB stick
            other = rng.choice([s for s in stores if s is not store])
            path = tmp_path / f"hand{step}.feltsync"
            export_file(store, path, PASSPHRASE, kdf=TEST_KDF)
            import_file(other, path, PASSPHRASE)
        else:
            sync(store, shared)
    for _ in range(2):
        for store in stores:
            sync(store, shared)
    assert all(tables(store) == tables(stores[0]) for store in stores)
    assert stores[0].count(Area) == 120
    # Every laptop's files together hold each version once from its writer (plus relays).
    files = list(shared.glob("*.feltsync"))
    assert len(files) <= len(stores) * OWN_FILES_KEPT
    assert changelog.max_seq(stores[0]) >= 360


def test_small_daily_files_are_tidied_before_they_outweigh_the_data(team):
    """A quiet laptop's files are mostly the fixed part every file has: it tidies early, so its
    files stay within twice one file holding everything."""
    notebooks, shared = team
    anne = notebooks["anne"]
    tidied = 0
    for day in range(OWN_FILES_KEPT):
        anne.add(Area(name=f"Dag {day}"))
        tidied += bool(sync(anne, shared).files_removed)
        own = list(shared.glob(f"*{anne.site}_*.feltsync"))
        assert len(own) < OWN_FILES_KEPT
    assert tidied >= 2
    everything = export_file(anne, shared.parent / "alt.feltsync", PASSPHRASE, kdf=TEST_KDF, full=True)
    assert everything.changes_out == own_versions(anne)
    one_file = (shared.parent / "alt.feltsync").stat().st_size
    assert sum(p.stat().st_size for p in own) <= 2 * one_file


team_step = st.one_of(
    st.tuples(st.just("edit"), st.integers(0, 3), st.integers(0, 5)),
    st.tuples(st.just("folder"), st.integers(0, 3)),
    st.tuples(st.just("hand"), st.integers(0, 3), st.integers(0, 3)),
    st.tuples(st.just("conflict_copy"), st.integers(0, 50)),
    st.tuples(st.just("engine_deletes_copy"), st.integers(0, 50)),
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(steps=st.lists(team_step, min_size=1, max_size=40))
def test_any_mix_of_folder_syncs_hand_files_tidies_and_conflict_copies_converges(tmp_path_factory, steps):
    """Whatever the order (and whatever the engine copied or dropped of its own copies), once
    everyone has synced twice all notebooks hold every version anyone typed, with the same
    tables, change log and conflict inbox."""
    root = tmp_path_factory.mktemp("team")
    shared = root / "shared"
    shared.mkdir()
    stores = [open_notebook(root / f"l{n}") for n in range(4)]
    try:
        typed = 0
        for number, step in enumerate(steps):
            if step[0] == "edit":
                store = stores[step[1]]
                areas = store.list(Area)
                if areas and step[2] % 3 == 0:  # an edit of a shared record: may clash with a colleague's
                    store.update(Area, areas[step[2] % len(areas)].id, description=f"{number}")
                else:
                    store.add(Area(name=f"{number}"))
                typed += 1
            elif step[0] == "folder":
                summary = sync(stores[step[1]], shared)
                assert summary.failures == []
            elif step[0] == "hand" and step[1] != step[2]:
                path = root / f"hand{number}.feltsync"
                export_file(stores[step[1]], path, PASSPHRASE, kdf=TEST_KDF)
                import_file(stores[step[2]], path, PASSPHRASE, force=True)
            elif step[0] == "conflict_copy":  # the engine keeps a second copy of some file
                files = sorted(shared.glob("*.feltsync"))
                if files:
                    chosen = files[step[1] % len(files)]
                    copy = chosen.with_name(chosen.stem + ".sync-conflict-20260501-101500-ABCDEF7.feltsync")
                    copy.write_bytes(chosen.read_bytes())
            elif step[0] == "engine_deletes_copy":
                copies = sorted(shared.glob("*sync-conflict*"))
                if copies:
                    copies[step[1] % len(copies)].unlink()
        for _ in range(2):
            for store in stores:
                assert sync(store, shared).failures == []
        first = tables(stores[0])
        log = {
            row
            for row in stores[0].conn.execute(
                "SELECT tbl, row_id, field, value, hlc, site FROM field_versions"
            )
        }
        inbox = sorted((c.tbl, c.row_id, c.field) for c in conflicts.open_conflicts(stores[0]))
        for store in stores[1:]:
            assert tables(store) == first
            assert (
                set(store.conn.execute("SELECT tbl, row_id, field, value, hlc, site FROM field_versions"))
                == log
            )
            assert sorted((c.tbl, c.row_id, c.field) for c in conflicts.open_conflicts(store)) == inbox
        authored = sum(own_versions(store) for store in stores)
        assert len(log) == authored  # every typed version, once
        assert len(log) >= typed  # each edit left at least one version
    finally:
        for store in stores:
            store.close()
