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
