"""Property: the fast merge (rows built from the file's values) and the reference merge
(insert, then rebuild every touched row from the log) leave identical notebooks.

Two laptops share some areas and activities, then edit, delete and revive them
concurrently; one laptop's whole file goes into two copies of the other, once by each
path. Tables, the change log and the conflict inbox must come out the same.
"""

from __future__ import annotations

import shutil
from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_support import PASSPHRASE, open_notebook, tables, version_set

from fieldapp.domain import Activity, ActivityKind, Area
from fieldapp.store import Store, changelog, conflicts
from fieldapp.sync import export_file, import_file
from fieldapp.sync.archive import Limits
from fieldapp.sync.envelope import TEST_KDF
from fieldapp.sync.service import _unpack

NAMES = ["Ry", "Låsby", "Gl. Rye"]
EDITS = {
    Area: {
        "description": st.sampled_from(["Lokalrådet er aktivt", "Mange ildsjæle", None]),
        "phase": st.sampled_from(["awaken", "develop_leaders", "withdraw"]),
    },
    Activity: {
        "attendee_count": st.sampled_from([None, 0, 12, 40]),
        "starts_at": st.sampled_from([datetime(2026, 5, 1, 10, 0), datetime(2026, 5, 2, 19, 30)]),
    },
}
kind = st.sampled_from([Area, Activity])
step = st.one_of(
    st.tuples(st.just("create"), st.sampled_from(NAMES)),
    st.tuples(st.just("walk"), st.integers(0, 5), st.integers(0, 23)),
    st.tuples(st.just("edit"), kind, st.integers(0, 5), st.data()),
    st.tuples(st.just("delete"), kind, st.integers(0, 5)),
)


def apply(store: Store, steps) -> None:
    for item in steps:
        if item[0] == "create":
            store.add(Area(name=item[1]))
            continue
        areas = store.list(Area)
        if not areas:
            continue
        if item[0] == "walk":
            store.add(
                Activity(
                    kind=ActivityKind.WALKABOUT,
                    title=f"Byvandring kl. {item[2]}",
                    area_id=areas[item[1] % len(areas)].id,
                    starts_at=datetime(2026, 5, 1, item[2], 0),
                )
            )
            continue
        cls, number = item[1], item[2]
        records = store.list(cls)
        if not records:
            continue
        chosen = records[number % len(records)].id
        if item[0] == "delete":
            store.delete(cls, chosen)
        else:
            field = item[3].draw(st.sampled_from(sorted(EDITS[cls])))
            store.update(cls, chosen, **{field: item[3].draw(EDITS[cls][field])})


def snapshot(store: Store):
    inbox = sorted(
        (c.tbl, c.row_id, c.field, c.current.key, tuple(v.key for v in c.others))
        for c in conflicts.open_conflicts(store)
    )
    return tables(store), version_set(store), inbox


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    shared=st.lists(step, min_size=1, max_size=6),
    theirs=st.lists(step, max_size=8),
    mine=st.lists(step, max_size=8),
    clash=st.booleans(),
)
def test_both_merge_paths_give_the_same_notebook(tmp_path_factory, shared, theirs, mine, clash):
    root = tmp_path_factory.mktemp("paths")
    anne, bo = open_notebook(root / "anne"), open_notebook(root / "bo")
    try:
        apply(anne, shared)
        export_file(anne, root / "start.feltsync", PASSPHRASE, kdf=TEST_KDF)
        import_file(bo, root / "start.feltsync", PASSPHRASE, force=True)
        apply(anne, theirs)
        apply(bo, mine)
        both = {a.id for a in anne.list(Area)} & {a.id for a in bo.list(Area)}
        if clash and both:  # the same field of the same area, typed differently on each laptop
            first = min(both)
            anne.update(Area, first, description="Anne: lokalrådet mødes torsdag")
            bo.update(Area, first, description="Bo: lokalrådet mødes tirsdag")
        export_file(anne, root / "all.feltsync", PASSPHRASE, kdf=TEST_KDF, full=True)
    finally:
        anne.close()
        bo.close()
    data = (root / "all.feltsync").read_bytes()
    incoming = _unpack(data, "all.feltsync", "sha", PASSPHRASE, None, Limits())
    results = []
    for name, values in (("fast", incoming.values), ("reference", None)):
        shutil.copytree(root / "bo", root / name)
        store = Store.open(root / name / "feltbog.sqlite")
        try:
            with store.transaction():
                store.clock.observe(incoming.max_hlc)
                merged = changelog.merge(store, incoming.rows, values)
                if merged.inserted:
                    conflicts.detect(store, merged.first_new_seq, merged.conflict_candidates)
            results.append((snapshot(store), merged.inserted, merged.rows_changed, merged.rows_deleted))
        finally:
            store.close()
    assert results[0] == results[1]
