"""The CPR guard: a Danish CPR number (DDMMYY-XXXX, real date) is refused in every text field."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.domain import ENTITIES, Observation, Person, ValidationError, contains_cpr
from fieldapp.domain.fields import FieldError, coerce
from fieldapp.store import Store

TEXT_SPECS = [(cls, spec) for cls in ENTITIES for spec in cls.specs() if spec.kind == "text"]
# Words around the number, as staff would type them (no digits or dashes touching it).
words = st.text(alphabet="abcæøå ÆØÅ.,:;()!?\n", max_size=30)


def cpr(day: date, serial: int, dash: bool) -> str:
    return f"{day:%d%m%y}{'-' if dash else ''}{serial:04d}"


@settings(max_examples=300)
@given(
    day=st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    serial=st.integers(0, 9999),
    dash=st.booleans(),
    before=words,
    after=words,
)
def test_any_valid_cpr_number_is_recognised(day, serial, dash, before, after):
    sep_before = " " if before and not before[-1].isspace() else ""
    sep_after = " " if after and not after[0].isspace() else ""
    assert contains_cpr(f"{before}{sep_before}{cpr(day, serial, dash)}{sep_after}{after}")


@pytest.mark.parametrize(("cls", "spec"), TEXT_SPECS, ids=[f"{c.TABLE}.{s.name}" for c, s in TEXT_SPECS])
def test_every_text_field_refuses_a_cpr_number(cls, spec):
    value = "Hun har CPR 010190-1234 med" if spec.max_len > 30 else "0101901234"
    with pytest.raises(FieldError) as caught:
        coerce(spec, value)
    assert caught.value.key == "cpr_number"


def test_the_refusal_is_clear_and_nothing_is_stored(store: Store):
    with pytest.raises(ValidationError) as caught:
        store.add(Person(name="Karen", notes="cpr 311299-4321"))
    assert "CPR-nummer" in caught.value.message("da") and "Noter" in caught.value.message("da")
    assert "CPR number" in caught.value.message("en")
    assert store.count(Person) == 0
    assert store.conn.execute("SELECT count(*) FROM field_versions").fetchone()[0] == 0
    person = store.add(Person(name="Karen"))
    with pytest.raises(ValidationError):
        store.update(Person, person.id, notes="ny note 0101901234")
    assert store.get(Person, person.id).notes is None


# Day/month pairs that are no date in any year, and 29 February in years where
# neither 19YY nor 20YY is a leap year.
impossible = st.one_of(
    st.tuples(st.integers(32, 99), st.integers(1, 12), st.integers(0, 99)),
    st.tuples(st.integers(0, 0), st.integers(1, 12), st.integers(0, 99)),
    st.tuples(st.integers(1, 28), st.sampled_from([0, *range(13, 100)]), st.integers(0, 99)),
    st.tuples(st.just(31), st.sampled_from([4, 6, 9, 11]), st.integers(0, 99)),
    st.tuples(st.just(30), st.just(2), st.integers(0, 99)),
    st.tuples(st.just(29), st.just(2), st.integers(0, 99).filter(lambda y: y % 4 != 0)),
)


@settings(max_examples=300)
@given(parts=impossible, serial=st.integers(0, 9999), dash=st.booleans())
def test_numbers_without_a_real_date_pass(parts, serial, dash):
    day, month, year = parts
    text = f"{day:02d}{month:02d}{year:02d}{'-' if dash else ''}{serial:04d}"
    assert not contains_cpr(f"sag nr. {text}")


@settings(max_examples=200)
@given(digits=st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_eight_digit_phone_numbers_pass(digits):
    for phone in (digits, f"{digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}", f"+45 {digits}"):
        assert not contains_cpr(f"Ring på {phone}")
        Observation(activity_id="0190d6a4-0000-7000-8000-000000000000", text=f"Tlf. {phone}").validated()


@settings(max_examples=200)
@given(digits=st.text(alphabet="0123456789", min_size=11, max_size=24))
def test_longer_digit_runs_pass(digits):
    assert not contains_cpr(f"Konto {digits} slut")
    assert not contains_cpr(f"{digits[:4]}-{digits}")  # a registration + account number


def test_examples_a_worker_might_type():
    assert contains_cpr("CPR: 0707614285")
    assert contains_cpr("(290200-1234)")  # 29 Feb 2000 exists
    assert not contains_cpr("290201-1234")  # 29 Feb 1901/2001 does not
    assert not contains_cpr("Mødet 2026-05-01 kl. 10")
    assert not contains_cpr("EAN 5701234567899")
