"""Property: however edits, exchanges and one erasure interleave on two laptops, the
erased person ends up gone from both — rows and history — and both notebooks agree."""

from __future__ import annotations

import contextlib
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


class _Team:
    """Three laptops, a pile of sync files, and Karen (who will be erased)."""

    def __init__(self, root):
        self.root = root
        self.laptops, self.karen, self.walk, talk = _files_model_setup(root)
        self.talk = talk.id
        self.talks = {talk.id}
        self.files: list = []

    def export(self, n: int) -> None:
        from sync_support import PASSPHRASE

        from fieldapp.sync import export_file
        from fieldapp.sync.envelope import TEST_KDF

        path = self.root / f"f{len(self.files)}.feltsync"
        export_file(self.laptops[n], path, PASSPHRASE, kdf=TEST_KDF, full=True)
        self.files.append(path)

    def take(self, n: int, path) -> None:
        from sync_support import PASSPHRASE

        from fieldapp.sync import SyncError, import_file

        with contextlib.suppress(SyncError):  # already imported
            import_file(self.laptops[n], path, PASSPHRASE)

    def play(self, n: int, op: str, k: int) -> None:
        me = self.laptops[n]
        alive = me.find(Person, self.karen.id) is not None
        if op == "erase" and alive:
            privacy.erase_person(me, self.karen.id)
        elif op == "new_talk" and alive:
            talk = Activity(
                kind=ActivityKind.ONE_TO_ONE,
                title=f"Samtale med Karen Secret {k}",
                person_id=self.karen.id,
                starts_at=datetime(2026, 6, 1 + k % 28),
                place="Karens køkken",
                story=f"Karen fortalte {k}",
                concerns="Karens bekymring",
            )
            self.talks.add(me.add(talk).id)
        elif op == "edit_talk" and me.find(Activity, self.talk) is not None:
            me.update(Activity, self.talk, story=f"Karen har det svært {k}", next_step="Ring til Karen")
        elif op == "notes" and alive:
            me.update(Person, self.karen.id, notes=f"Karen Secret note {k}")
        elif op == "observation" and alive:
            me.add(Observation(activity_id=self.walk.id, text=f"obs {k}", raised_by_id=self.karen.id))
        elif op == "export":
            self.export(n)
        elif op == "import" and self.files:
            self.take(n, self.files[k % len(self.files)])

    def everyone_reads_everything(self, orders) -> None:
        """Every laptop reads every file, each in its own order, twice (the second round
        brings what others learnt in the first), then once more in file order."""
        for n in range(3):
            self.export(n)
        for _ in range(2):
            for n in range(3):
                order = [i for i in orders[n] if i < len(self.files)] + list(range(40, len(self.files)))
                for i in order:
                    self.take(n, self.files[i])
            for n in range(3):
                self.export(n)
        for n in range(3):
            for path in self.files:
                self.take(n, path)

    def check_no_trace(self, store: Store) -> None:
        assert store.find(Person, self.karen.id) is None
        leaked = store.conn.execute(
            "SELECT tbl, field, value FROM field_versions WHERE instr(value, 'Karen') > 0"
            " OR instr(value, '99 88') > 0 OR instr(value, ?) > 0",
            (self.karen.id,),
        ).fetchall()
        assert leaked == [], leaked
        for talk_id in self.talks:
            about = store.find(Activity, talk_id)
            if about is not None:
                assert about.title == privacy.ERASED_TITLE and about.story is None
                assert about.place is None and about.person_id is None
        assert store.integrity_problems() == []


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=file_ops, orders=st.lists(st.permutations(range(40)), min_size=3, max_size=3))
def test_erasure_and_concurrent_talks_about_the_person_across_three_laptops(tmp_path_factory, steps, orders):
    """Laptops exchange real sync files in any order while one erases Karen and others write
    1:1 talks about her: every laptop ends with no trace of her, and all agree."""
    team = _Team(tmp_path_factory.mktemp("three"))
    try:
        team.export(0)
        for n in (1, 2):
            team.take(n, team.files[0])
        for n, op, k in steps:
            team.play(n, op, k)
        if team.laptops[0].find(Person, team.karen.id) is not None:
            privacy.erase_person(team.laptops[0], team.karen.id)
        team.everyone_reads_everything(orders)
        for store in team.laptops:
            team.check_no_trace(store)
        first = snapshot(team.laptops[0])
        assert snapshot(team.laptops[1]) == first and snapshot(team.laptops[2]) == first
    finally:
        for store in team.laptops:
            store.close()
