"""The column-wise check of a sync file's versions agrees with the line-by-line check.

Big files are checked column by column for speed; whatever that path accepts, the
line checker must accept too, with the very same rows. Hypothesis mixes valid
versions with every kind of bad field the hostile-file tests use.
"""

from __future__ import annotations

import math

import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

from fieldapp.sync.errors import BadContentError
from fieldapp.sync.validate import Checked, _check_columns, _check_lines, check_versions

IDS = ["01890a5d-ac96-774b-bcce-b302099a8057", "01890a5d-ac96-774b-bcce-b302099a8058"]
SITE = "0123456789abcdef"

good = st.one_of(
    st.tuples(
        st.just("areas"),
        st.sampled_from(IDS),
        st.just("name"),
        st.sampled_from(["Ry", "Låsby", "Gl. Rye", "Ærø"]),
    ),
    st.tuples(
        st.just("areas"),
        st.sampled_from(IDS),
        st.just("phase"),
        st.sampled_from(["awaken", "develop_leaders", "withdraw"]),
    ),
    st.tuples(st.just("observations"), st.sampled_from(IDS), st.just("votes"), st.integers(0, 50)),
    st.tuples(
        st.just("observations"), st.sampled_from(IDS), st.just("lat"), st.floats(54.0, 58.0, allow_nan=False)
    ),
    st.tuples(
        st.just("observations"),
        st.sampled_from(IDS),
        st.just("text"),
        # Valid text: not blank, no digits (a CPR shape), no lone surrogates.
        st.text(
            st.characters(blacklist_categories=("Cs", "Nd", "Zs", "Zl", "Zp", "Cc")), min_size=1, max_size=40
        ),
    ),
    st.tuples(
        st.sampled_from(["areas", "observations"]), st.sampled_from(IDS), st.just("_deleted"), st.booleans()
    ),
).map(lambda t: [t[0], t[1], t[2], t[3], 1_000_000 + len(str(t[3])), SITE, None])

# Per position in a line, values that are wrong there (some are right in other fields).
BAD_PARTS = {
    0: ["sqlite_master", "Areas", 5, None, ["areas"]],
    1: ["not-a-uuid", IDS[0].upper(), 7, None, IDS[0] + "\n"],
    2: ["id", "created_at", "name = 'x' --", 3, None],
    3: [["a"], {"k": 1}, "x" * 301, "Ring på 010190-1234", "\ud800", " awaken", True, 1.5, "", None],
    4: [0, -5, "12", True, 1.5, 1 << 63, None],
    5: ["../../etc", "ABCDEF0123456789", "", None, 12],
    6: ["drop table", "1:abc", 5, ""],
}


@st.composite
def damaged(draw):
    line = list(draw(good))
    position = draw(st.sampled_from(sorted(BAD_PARTS)))
    line[position] = draw(st.sampled_from(BAD_PARTS[position]))
    return line


lines = st.lists(
    st.one_of(good, good, damaged(), st.sampled_from([[], ["areas"], {"tbl": "areas"}, "x", 5])), max_size=12
)


def _same(a: Checked, b: Checked) -> bool:
    def normal(values):
        return [(type(v), "nan" if isinstance(v, float) and math.isnan(v) else v) for v in values]

    return (
        a.rows == b.rows
        and normal(a.values) == normal(b.values)
        and a.max_hlc == b.max_hlc
        and a.attachment_shas == b.attachment_shas
    )


@settings(max_examples=400, deadline=None)
@given(lines)
def test_the_column_check_never_accepts_what_the_line_check_refuses(items):
    fast = _check_columns(items)
    try:
        slow = _check_lines(items, name="x.feltsync", progress=None)
    except BadContentError:
        assert fast is None
        return
    if fast is not None:
        assert _same(fast, slow)
        assert all(type(row[3]) is str for row in fast.rows)


@settings(max_examples=400, deadline=None)
@given(st.lists(good, max_size=5), damaged(), st.lists(good, max_size=5))
def test_one_damaged_line_among_good_ones(before, line, after):
    items = [*before, line, *after]
    fast = _check_columns(items)
    try:
        slow = _check_lines(items, name="x.feltsync", progress=None)
    except BadContentError as error:
        assert fast is None
        assert f"line {len(before) + 1}:" in error.message("en")
        return
    assert fast is not None and _same(fast, slow)  # a "damage" that happens to be valid


@settings(max_examples=100, deadline=None)
@given(st.lists(good, min_size=1, max_size=20))
def test_valid_versions_take_the_column_path(items):
    fast = _check_columns(items)
    assert fast is not None and _same(fast, _check_lines(items, name="x", progress=None))


def test_a_bad_line_is_named_whichever_path_finds_it():
    items = [["areas", row_id, "name", "Ry", 1_000_000, SITE, None] for row_id in IDS]
    items.append(["observations", IDS[0], "votes", 3, 1_000_001, SITE, None])
    items.append(["areas", IDS[0], "name", "Ring på 010190-1234", 5, SITE, None])
    with pytest.raises(BadContentError) as caught:
        check_versions(items, name="x.feltsync")
    assert "line 4" in caught.value.message("en") and "CPR" in caught.value.message("en")


BASES = [
    ["areas", IDS[0], "name", "Ry", 1_000_000, SITE, None],
    ["areas", IDS[0], "phase", "awaken", 1_000_000, SITE, None],
    ["observations", IDS[1], "votes", 3, 1_000_000, SITE, None],
    ["observations", IDS[1], "lat", 56.1, 1_000_000, SITE, None],
    ["observations", IDS[1], "text", "Legepladsen", 1_000_000, SITE, f"999999:{SITE}"],
    ["areas", IDS[1], "_deleted", True, 1_000_000, SITE, None],
]
EVERY_DAMAGE = [
    (base, position, bad) for base in BASES for position, options in BAD_PARTS.items() for bad in options
]


@pytest.mark.parametrize("base, position, bad", EVERY_DAMAGE)
def test_every_kind_of_damage_in_every_kind_of_line(base, position, bad):
    line = list(base)
    line[position] = bad
    items = [list(BASES[0]), line]
    fast = _check_columns(items)
    try:
        slow = _check_lines(items, name="x.feltsync", progress=None)
    except BadContentError:
        assert fast is None
    else:
        assert fast is not None and _same(fast, slow)
