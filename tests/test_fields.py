"""One source of truth for fields: the specs' kinds, the schema and the sync whitelist agree.

The field specs on the entities decide what a notebook stores and what a sync file may
bring in. These tests fail when the specs, the SQLite schema, the store's encoding and
the sync validator drift apart.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from fieldapp.demo import build_demo
from fieldapp.domain import BY_TABLE, Activity, FieldKind, FieldSpec
from fieldapp.domain.fields import _COERCE, coerce, encode
from fieldapp.store import DELETED, ERASED
from fieldapp.sync.errors import BadContentError
from fieldapp.sync.validate import WHITELIST, check_versions

ROW_ID = "01890a5d-ac96-774b-bcce-b302099a8057"
SITE = "0123456789abcdef"
MANAGED = {"id", "created_at", "updated_at"}  # every row table has them; the store sets them


def all_specs() -> list[tuple[str, FieldSpec]]:
    return [(tbl, spec) for tbl, cls in BY_TABLE.items() for spec in cls.specs()]


def sample(spec: FieldSpec) -> object:
    """A valid value of the field, as a user or the UI would give it."""
    if spec.kind is FieldKind.ENUM:
        assert spec.enum is not None
        return next(iter(spec.enum))
    if spec.name == "sha256":  # a blob's file name is made from it: 64 lowercase hex digits only
        return "0123456789abcdef" * 4
    return {
        FieldKind.TEXT: "a@b.dk" if spec.name == "email" else "Et ord",
        FieldKind.INT: int(spec.minimum or 0),
        FieldKind.FLOAT: float(spec.minimum or 0),
        FieldKind.BOOL: True,
        FieldKind.DATE: date(2026, 5, 1),
        FieldKind.DATETIME: "2026-05-01 14:30",
        FieldKind.REF: ROW_ID,
    }[spec.kind]


def version(tbl: str, field: str, value: object) -> list[object]:
    return [tbl, ROW_ID, field, value, 1, SITE, None]


def test_every_kind_has_a_checker_and_a_stored_type():
    assert set(_COERCE) == set(FieldKind)
    assert {kind.json_type for kind in FieldKind} <= {str, int, float}


def test_a_spec_with_an_unknown_kind_is_refused_when_declared():
    assert FieldSpec(name="x", kind="text", label_da="X", label_en="X").kind is FieldKind.TEXT  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        FieldSpec(name="x", kind="txet", label_da="X", label_en="X")  # type: ignore[arg-type]


@pytest.mark.parametrize(("tbl", "spec"), all_specs(), ids=lambda v: getattr(v, "name", v))
def test_the_store_writes_each_field_as_its_kinds_type(tbl, spec):
    stored = encode(spec, coerce(spec, sample(spec)))
    assert type(stored) is spec.kind.json_type, (tbl, spec.name, stored)


def test_the_sync_whitelist_is_the_specs_and_the_markers():
    assert set(WHITELIST) == set(BY_TABLE)
    for tbl, cls in BY_TABLE.items():
        assert set(WHITELIST[tbl]) == {spec.name for spec in cls.specs()} | {DELETED, ERASED}
        for spec in cls.specs():
            assert WHITELIST[tbl][spec.name] == spec


def test_the_schema_has_a_column_for_every_spec_and_no_other(store):
    for tbl, cls in BY_TABLE.items():
        columns = {row[1] for row in store.conn.execute(f"PRAGMA table_info({tbl})")}
        assert columns - MANAGED == {spec.name for spec in cls.specs()}, tbl
        assert columns >= MANAGED, tbl


def test_every_value_a_real_notebook_logs_has_its_fields_type(store):
    build_demo(store, size=30, seed=3)
    walk = store.list(Activity, limit=1)[0]
    store.add_observation(walk.id, "Bænken ved søen", lat=56.15, lon=10.2)  # the demo has no positions
    specs = {(tbl, spec.name): spec for tbl, spec in all_specs()}
    seen: set[FieldKind] = set()
    for tbl, field, raw in store.conn.execute("SELECT tbl, field, value FROM field_versions"):
        value = json.loads(raw)
        if field in (DELETED, ERASED) or value is None:
            continue
        spec = specs[(tbl, field)]
        assert type(value) is spec.kind.json_type, (tbl, field, value)
        seen.add(spec.kind)
    assert seen == set(FieldKind)  # the demo notebook uses every kind


@pytest.mark.parametrize(("tbl", "spec"), all_specs(), ids=lambda v: getattr(v, "name", v))
def test_a_sync_file_may_bring_exactly_the_whitelisted_type(tbl, spec):
    good = encode(spec, coerce(spec, sample(spec)))
    checked = check_versions([version(tbl, spec.name, good)], name="x.feltsync")
    assert checked.values == [good]
    # A cleared field travels as null, unless the field is required.
    if spec.required:
        with pytest.raises(BadContentError):
            check_versions([version(tbl, spec.name, None)], name="x.feltsync")
    else:
        assert check_versions([version(tbl, spec.name, None)], name="x.feltsync").values == [None]
    # The same value in every other JSON scalar type is refused, line by line and column by column.
    others = {str: str(good), int: 1, float: 1.0, bool: True}
    for kind, other in others.items():
        if kind is spec.kind.json_type:
            continue
        with pytest.raises(BadContentError):
            check_versions([version(tbl, spec.name, other)], name="x.feltsync")
        with pytest.raises(BadContentError):
            check_versions([version(tbl, spec.name, other)] * 2, name="x.feltsync")
