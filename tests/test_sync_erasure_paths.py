"""Property: after an erasure, an import that takes the fast path (nothing in it touches an
erased row, person or erasure batch) leaves the notebook exactly as the always-filtering
path would; and an import that does touch one still goes through the filter (issue 18.4)."""

from __future__ import annotations

import json
import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_support import PASSPHRASE, open_notebook, tables, version_set

from fieldapp.domain import Activity, ActivityKind, Observation, Participant, Person
from fieldapp.store import Store, changelog, privacy
from fieldapp.sync import export_file, import_file
from fieldapp.sync.archive import Limits
from fieldapp.sync.envelope import TEST_KDF
from fieldapp.sync.service import _unpack

ops = st.lists(
    st.tuples(
        st.sampled_from(["A", "B"]),
        st.sampled_from(["notes", "observation", "participant", "other", "other_obs", "sync"]),
    ),
    max_size=10,
)


def exchange(source: Store, target: Store, path) -> None:
    export_file(source, path, PASSPHRASE, kdf=TEST_KDF, full=True)
    import_file(target, path, PASSPHRASE, force=True, again=True)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(before=ops, after=ops, eraser=st.sampled_from(["A", "B"]))
def test_the_fast_path_after_an_erasure_equals_the_filtering_path(tmp_path_factory, before, after, eraser):
    root = tmp_path_factory.mktemp("erasure")
    a, b = open_notebook(root / "a"), open_notebook(root / "b")
    files = iter(range(10_000))
    try:
        karen = a.add(Person(name="Karen Secret", phone="99 88 77 66"))
        jens = a.add(Person(name="Jens"))
        walk = a.add(Activity(kind=ActivityKind.WALKABOUT, title="Byvandring", starts_at="2026-05-01T10:00"))
        exchange(a, b, root / "start.feltsync")
        laptops = {"A": a, "B": b}

        def play(steps):
            for n, (site, op) in enumerate(steps):
                me, other = laptops[site], laptops["B" if site == "A" else "A"]
                alive = me.find(Person, karen.id) is not None
                if op == "sync":
                    exchange(me, other, root / f"x{next(files)}.feltsync")
                elif op == "notes" and alive:
                    me.update(Person, karen.id, notes=f"Karen Secret note {n}")
                elif op == "observation" and alive:
                    me.add(Observation(activity_id=walk.id, text=f"obs {n}", raised_by_id=karen.id))
                elif op == "participant" and alive:
                    me.save(
                        Participant(
                            id=Participant.key(walk.id, karen.id),
                            activity_id=walk.id,
                            person_id=karen.id,
                            role="resident",
                        )
                    )
                elif op == "other":
                    me.update(Person, jens.id, notes=f"Jens {n}")
                elif op == "other_obs":
                    me.add(Observation(activity_id=walk.id, text=f"Jens siger {n}", raised_by_id=jens.id))

        play(before)
        if laptops[eraser].find(Person, karen.id) is not None:
            privacy.erase_person(laptops[eraser], karen.id)
        play(after)
        exchange(laptops[eraser], laptops["B" if eraser == "A" else "A"], root / "erasure.feltsync")
        other = laptops["B" if eraser == "A" else "A"]
        other.update(Person, jens.id, notes="Jens efter sletningen")
        other.add(Observation(activity_id=walk.id, text="Ny observation", raised_by_id=jens.id))
        export_file(other, root / "last.feltsync", PASSPHRASE, kdf=TEST_KDF)  # what is new there
        target = laptops[eraser]
    finally:
        a.close()
        b.close()
    data = (root / "last.feltsync").read_bytes()
    incoming = _unpack(data, "last.feltsync", "sha", PASSPHRASE, None, Limits())
    results = []
    for name in ("decided", "filtering"):
        shutil.copytree(target.path.parent, root / name)
        store = Store.open(root / name / "feltbog.sqlite")
        try:
            with store.transaction():
                store.clock.observe(incoming.max_hlc)
                if name == "decided":
                    changelog.merge(store, incoming.rows, incoming.values)
                else:
                    changelog._merge_through_log(
                        store,
                        incoming.rows,
                        changelog.MergeResult(),
                        changelog.max_seq(store),
                        True,
                        lambda f: None,
                    )
            changelog.finish_erasures(store)
            leaked = store.conn.execute(
                "SELECT count(*) FROM field_versions WHERE instr(value, 'Karen') > 0 OR instr(value, ?) > 0",
                (karen.id,),
            ).fetchone()[0]
            results.append((tables(store), version_set(store), leaked))
        finally:
            store.close()
    assert results[0] == results[1]
    assert results[0][2] == 0


def test_a_small_file_after_an_erasure_takes_the_fast_path_unless_it_touches_the_erased(tmp_path):
    a, b = open_notebook(tmp_path / "a"), open_notebook(tmp_path / "b")
    karen = a.add(Person(name="Karen"))
    jens = a.add(Person(name="Jens"))
    walk = a.add(Activity(kind=ActivityKind.WALKABOUT, title="Byvandring", starts_at="2026-05-01T10:00"))
    exchange(a, b, tmp_path / "start.feltsync")
    privacy.erase_person(a, karen.id)
    b.update(Person, jens.id, notes="Ny note")
    unrelated = list(
        b.conn.execute(
            "SELECT tbl, row_id, field, value, hlc, site, prev FROM field_versions WHERE field = 'notes'"
        )
    )
    b.add(Observation(activity_id=walk.id, text="Karen sagde", raised_by_id=karen.id))
    touching = list(
        b.conn.execute(
            "SELECT tbl, row_id, field, value, hlc, site, prev FROM field_versions WHERE field = 'raised_by_id'"
        )
    )
    with a.transaction():
        merged = changelog.merge(a, unrelated, [json.loads(v[3]) for v in unrelated])
    assert merged.inserted == 1 and merged.conflict_candidates is not None  # the fast path
    with a.transaction():
        merged = changelog.merge(a, touching, [json.loads(v[3]) for v in touching])
    assert merged.inserted == 0  # the filter held back the observation's link to Karen
    assert (
        a.conn.execute("SELECT count(*) FROM observations WHERE raised_by_id = ?", (karen.id,)).fetchone()[0]
        == 0
    )
    a.close()
    b.close()
