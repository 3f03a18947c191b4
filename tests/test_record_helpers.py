"""One way to name a record, and one row for an action, whoever asks.

The editors' pickers, the change log and the conflict inbox name records through
``lookups.record_title``; the actions page, the overview and the PDF reports show
actions as ``ActionRow``. These tests pin both to the stored data.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from fieldapp.demo import build_demo
from fieldapp.domain import BY_TABLE, Action, Activity, Area, Observation, Person
from fieldapp.store.activity_log import activity_log
from fieldapp.store.lookups import record_title
from fieldapp.store.queries import ActionRow
from fieldapp.store.reporting import activity_data


def test_every_kind_of_record_is_named_by_its_title_field(store):
    build_demo(store, size=12, seed=5)
    for tbl, cls in BY_TABLE.items():
        row = store.conn.execute(f"SELECT id, {cls.TITLE_FIELD} FROM {tbl} LIMIT 1").fetchone()
        if row is None:
            continue  # the demo has no attachments
        assert record_title(store, tbl, row[0]) == " ".join(str(row[1]).split()), tbl


def test_a_title_is_one_line_and_a_missing_record_is_none(store):
    area = store.add(Area(name="Gl. Rye"))
    walk = store.add(
        Activity(
            kind="walkabout", title="Byvandring\n  i   Gl. Rye", area_id=area.id, starts_at=date(2026, 5, 1)
        )
    )
    note = store.add(Observation(activity_id=walk.id, kind="idea", text="En  bænk\tved søen"))
    assert record_title(store, "activities", walk.id) == "Byvandring i Gl. Rye"
    assert record_title(store, "observations", note.id) == "En bænk ved søen"
    assert record_title(store, "people", walk.id) is None  # no such person
    assert record_title(store, "people", None) is None
    assert record_title(store, "no_such_table", walk.id) is None
    store.delete(Observation, note.id)
    assert record_title(store, "observations", note.id) is None
    # The change log names records the same way, newest first: the deleted note has no name.
    assert [entry.title for entry in activity_log(store)] == ["", "", "Byvandring i Gl. Rye", "Gl. Rye"]


def test_a_record_without_a_title_is_named_by_an_empty_string(store):
    person = store.add(Person(name="Karen Nielsen"))
    store.conn.execute("UPDATE people SET name = NULL WHERE id = ?", (person.id,))
    assert record_title(store, "people", person.id) == ""


def test_lists_and_reports_show_an_action_as_the_same_row(store):
    build_demo(store, size=40, seed=2)
    people = {p.id: p for p in store.list(Person)}
    areas = {a.id: a.name for a in store.list(Area)}
    listed = {row.id: row for row in store.action_rows()}
    assert listed
    for action in store.list(Action):
        owner = people.get(action.owner_id or "")
        built = ActionRow.of(action, owner, areas.get(action.area_id or ""))
        assert built.owner == owner
        assert dataclasses.replace(built, owner=None) == listed[action.id]
    walk_actions = [a for a in store.list(Action) if a.activity_id]
    data = activity_data(store, walk_actions[0].activity_id)
    shown = {row.id: row for row in data.actions}
    assert walk_actions[0].id in shown
    assert (
        dataclasses.replace(
            shown[walk_actions[0].id], owner=None, area_name=listed[walk_actions[0].id].area_name
        )
        == listed[walk_actions[0].id]
    )
