"""Property: however edits, exchanges and one erasure interleave on two laptops, the
erased person ends up gone from both — rows and history — and both notebooks agree."""

from __future__ import annotations

import json
from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.domain import Activity, ActivityKind, Observation, Participant, Person
from fieldapp.store import Store, privacy
from fieldapp.store.store import FieldVersion

TABLES = ("people", "activities", "observations", "participants", "relations", "actions")


def exchange(source: Store, target: Store) -> None:
    """The core of a sync import: every version of ``source``, filtered, then recompute and purge."""
    versions = [
        FieldVersion(t, r, f, json.loads(v), h, s, p)
        for t, r, f, v, h, s, p in source.conn.execute(
            "SELECT tbl, row_id, field, value, hlc, site, prev FROM field_versions ORDER BY seq"
        )
    ]
    keep = privacy.ErasureFilter(target, versions)
    kept = [v for v in versions if keep.keeps(v)]
    with target.transaction() as conn:
        conn.executemany(
            "INSERT OR IGNORE INTO field_versions (tbl, row_id, field, value, hlc, site, prev) VALUES (?,?,?,?,?,?,?)",
            [
                (
                    v.tbl,
                    v.row_id,
                    v.field,
                    json.dumps(v.value, ensure_ascii=False, separators=(",", ":")),
                    v.hlc,
                    v.site,
                    v.prev,
                )
                for v in kept
            ],
        )
        for v in kept:
            target.clock.observe(v.hlc)
        rows: dict[str, set[str]] = {}
        for v in kept:
            rows.setdefault(v.tbl, set()).add(v.row_id)
        for tbl, ids in rows.items():
            target.recompute(tbl, sorted(ids))
    privacy.apply_erasures(target)


def snapshot(store: Store) -> dict[str, list]:
    return {t: store.conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in TABLES}


ops = st.lists(
    st.tuples(
        st.sampled_from(["A", "B"]), st.sampled_from(["notes", "observation", "participant", "other", "sync"])
    ),
    max_size=12,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=ops, after=ops, eraser=st.sampled_from(["A", "B"]))
def test_an_erasure_wins_on_both_laptops(tmp_path, before, after, eraser):
    a, b = Store.memory(tmp_path / "a"), Store.memory(tmp_path / "b")
    try:
        karen = a.add(Person(name="Karen Secret", phone="99 88 77 66", notes="første note"))
        jens = a.add(Person(name="Jens"))
        walk = a.add(
            Activity(kind=ActivityKind.WALKABOUT, title="Byvandring", starts_at=datetime(2026, 5, 1))
        )
        talk = a.add(
            Activity(
                kind=ActivityKind.ONE_TO_ONE,
                title="1:1 Karen Secret",
                person_id=karen.id,
                starts_at=datetime(2026, 5, 2),
                story="Karens hemmelige historie",
            )
        )
        exchange(a, b)
        laptops = {"A": a, "B": b}
        n = 0

        def play(steps):
            nonlocal n
            for site, op in steps:
                n += 1
                me, other = laptops[site], laptops["B" if site == "A" else "A"]
                alive = me.find(Person, karen.id) is not None
                if op == "sync":
                    exchange(me, other)
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
                            role="resident" if n % 2 else "association",
                        )
                    )
                elif op == "other":
                    me.update(Person, jens.id, notes=f"Jens {n}")

        play(before)
        if laptops[eraser].find(Person, karen.id) is not None:
            privacy.erase_person(laptops[eraser], karen.id)
        play(after)
        for source, target in ((a, b), (b, a), (a, b)):
            exchange(source, target)

        for store in (a, b):
            assert store.find(Person, karen.id) is None
            assert store.count(Participant, "person_id = ?", [karen.id]) == 0
            assert store.get(Activity, talk.id).story is None
            leaked = store.conn.execute(
                "SELECT tbl, field, value FROM field_versions WHERE instr(value, 'Karen') > 0"
                " OR instr(value, '99 88') > 0 OR instr(value, ?) > 0",
                (karen.id,),
            ).fetchall()
            assert leaked == []
            assert store.integrity_problems() == []
        assert snapshot(a) == snapshot(b)
    finally:
        a.close()
        b.close()


# ------------------------------------------------------------------ issue 13.1: three laptops, real files
def _files_model_setup(root):
    from sync_support import open_notebook

    laptops = [open_notebook(root / name) for name in "ABC"]
    a = laptops[0]
    karen = a.add(Person(name="Karen Secret", phone="99 88 77 66", notes="første note"))
    a.add(Person(name="Jens"))
    walk = a.add(Activity(kind=ActivityKind.WALKABOUT, title="Byvandring", starts_at=datetime(2026, 5, 1)))
    talk = a.add(
        Activity(
            kind=ActivityKind.ONE_TO_ONE,
            title="1:1 med Karen Secret",
            person_id=karen.id,
            starts_at=datetime(2026, 5, 2),
            story="Karens hemmelige historie",
        )
    )
    return laptops, karen, walk, talk


file_ops = st.lists(
    st.tuples(
        st.sampled_from([0, 1, 2]),
        st.sampled_from(["erase", "new_talk", "edit_talk", "notes", "observation", "export", "import"]),
        st.integers(0, 50),
    ),
    min_size=1,
    max_size=10,
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=file_ops, orders=st.lists(st.permutations(range(40)), min_size=3, max_size=3))
def test_erasure_and_concurrent_talks_about_the_person_across_three_laptops(tmp_path_factory, steps, orders):
    """Laptops exchange real sync files in any order while one erases Karen and others write
    1:1 talks about her: every laptop ends with no trace of her, and all agree."""
    from sync_support import PASSPHRASE

    from fieldapp.sync import SyncError, export_file, import_file
    from fieldapp.sync.envelope import TEST_KDF

    root = tmp_path_factory.mktemp("three")
    laptops, karen, walk, talk = _files_model_setup(root)
    files = []
    talks = {talk.id}

    def export(n: int) -> None:
        path = root / f"f{len(files)}.feltsync"
        export_file(laptops[n], path, PASSPHRASE, kdf=TEST_KDF, full=True)
        files.append(path)

    def take(n: int, path) -> None:
        try:
            import_file(laptops[n], path, PASSPHRASE)
        except SyncError:
            pass  # already imported

    try:
        export(0)
        for n in (1, 2):
            take(n, files[0])
        for n, op, k in steps:
            me = laptops[n]
            alive = me.find(Person, karen.id) is not None
            if op == "erase" and alive:
                privacy.erase_person(me, karen.id)
            elif op == "new_talk" and alive:
                talks.add(
                    me.add(
                        Activity(
                            kind=ActivityKind.ONE_TO_ONE,
                            title=f"Samtale med Karen Secret {k}",
                            person_id=karen.id,
                            starts_at=datetime(2026, 6, 1 + k % 28),
                            place="Karens køkken",
                            story=f"Karen fortalte {k}",
                            concerns="Karens bekymring",
                        )
                    ).id
                )
            elif op == "edit_talk" and me.find(Activity, talk.id) is not None:
                me.update(Activity, talk.id, story=f"Karen har det svært {k}", next_step="Ring til Karen")
            elif op == "notes" and alive:
                me.update(Person, karen.id, notes=f"Karen Secret note {k}")
            elif op == "observation" and alive:
                me.add(Observation(activity_id=walk.id, text=f"obs {k}", raised_by_id=karen.id))
            elif op == "export":
                export(n)
            elif op == "import" and files:
                take(n, files[k % len(files)])
        if laptops[0].find(Person, karen.id) is not None:
            privacy.erase_person(laptops[0], karen.id)
        for n in range(3):
            export(n)
        # Every laptop reads every file, each in its own order, twice (the second round
        # brings what others learnt in the first).
        for _ in range(2):
            for n in range(3):
                order = [i for i in orders[n] if i < len(files)] + list(range(40, len(files)))
                for i in order:
                    take(n, files[i])
            for n in range(3):
                export(n)
        for n in range(3):
            for path in files:
                take(n, path)

        for store in laptops:
            assert store.find(Person, karen.id) is None
            leaked = store.conn.execute(
                "SELECT tbl, field, value FROM field_versions WHERE instr(value, 'Karen') > 0"
                " OR instr(value, '99 88') > 0 OR instr(value, ?) > 0",
                (karen.id,),
            ).fetchall()
            assert leaked == [], leaked
            for talk_id in talks:
                about = store.find(Activity, talk_id)
                if about is not None:
                    assert about.title == privacy.ERASED_TITLE and about.story is None
                    assert about.place is None and about.person_id is None
            text = store.conn.execute("SELECT group_concat(story) || group_concat(title) FROM activities")
            assert "Karen" not in (text.fetchone()[0] or "")
            assert store.integrity_problems() == []
        first = snapshot(laptops[0])
        assert snapshot(laptops[1]) == first and snapshot(laptops[2]) == first
    finally:
        for store in laptops:
            store.close()
