from datetime import date

from fieldapp.demo import build_demo, generate
from fieldapp.domain import ENTITIES, Activity, ActivityKind, Person
from fieldapp.store import Store

TODAY = date(2026, 11, 23)


def _content(store):
    """Everything but the timestamps, which come from the clock."""
    dump = {}
    for cls in ENTITIES:
        names = ", ".join(["id", *(s.name for s in cls.specs())])
        dump[cls.TABLE] = store.conn.execute(f"SELECT {names} FROM {cls.TABLE} ORDER BY id").fetchall()
    return dump


def test_same_seed_same_notebook(tmp_path):
    with Store.open(tmp_path / "a.sqlite") as a, Store.open(tmp_path / "b.sqlite") as b:
        build_demo(a, size=60, seed=7, today=TODAY)
        build_demo(b, size=60, seed=7, today=TODAY)
        assert _content(a) == _content(b)
    with Store.open(tmp_path / "c.sqlite") as c, Store.open(tmp_path / "a.sqlite") as a:
        build_demo(c, size=60, seed=8, today=TODAY)
        assert _content(c) != _content(a)


def test_every_generated_entity_is_valid():
    for entity in generate(size=120, seed=3, today=TODAY):
        assert entity.validated().values() == entity.values()


def test_demo_is_a_realistic_notebook(store):
    build_demo(store, size=150, seed=1, today=TODAY)
    kinds = {a.kind for a in store.list(Activity)}
    assert kinds == set(ActivityKind)
    assert store.count(Activity) == 150
    assert store.count(Person, "may_be_named = 0") and store.count(Person, "may_be_named = 1")
    assert store.overdue_actions(TODAY)
    areas = {row.name for row in store.area_rows()}
    assert {"Uldum", "Barrit", "Vemmelev"} <= areas
    meeting = store.list(Activity, "kind = 'listening_meeting'", limit=1)[0]
    survey = store.survey(meeting.id)
    assert len(survey) == 3 and sum(survey[0][1].values()) > 0
    assert store.search("ubærligt") or store.search("legepl*")
    assert store.integrity_problems() == []
    assert {len(store.versions("activities", meeting.id))} != {0}
