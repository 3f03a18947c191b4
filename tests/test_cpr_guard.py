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


# ---------------------------------------------------------------- issue 13.3: the guard cannot be dodged
# Every way of typing 010190-1234 the issue found passing, and more of the same kind.
DODGES = [
    "010190 1234",
    "01 01 90 1234",
    "01 01 90-1234",
    "0101 90 1234",
    "010190 - 1234",
    "010190\u20131234",  # en dash
    "010190\u20141234",  # em dash
    "010190\u22121234",  # minus sign
    "010190\u20111234",  # non-breaking hyphen
    "010190\u20101234",  # hyphen
    "010190/1234",
    "010190.1234",
    "01.01.90-1234",
    "01/01/90-1234",
    "01-01-90-1234",
    "01.01.90 1234",
    "0101\u200b901234",  # zero-width space
    "010190\u200c-1234",  # zero-width non-joiner
    "01\u206001901234",  # word joiner
    "\ufeff010190-1234",  # byte-order mark
    "010190\u00ad1234",  # soft hyphen
    "010190\u00a01234",  # no-break space
    "010190\u202f1234",  # narrow no-break space
    "CPR-0101901234",
    "CPR0101901234",
    "cpr:0101901234",
    "CPR nr.010190-1234",
    "010190\n1234",
    "010190\r\n1234",
    "010190-\n1234",
    "0l0l90-l234",
    "O1O19O-1234",
    "0I0I90-I234",
    "\uff10\uff11\uff10\uff11\uff19\uff10\uff0d\uff11\uff12\uff13\uff14",  # full-width
    "\u0660\u0661\u0660\u0661\u0669\u0660-\u0661\u0662\u0663\u0664",  # Arabic-Indic digits
    "0 1 0 1 9 0 1 2 3 4",
    "\u2070\u00b9\u2070\u00b9\u2079\u2070-\u00b9\u00b2\u00b3\u2074",  # superscript digits
    # mathematical bold digits, then Osmanya digits
    "\U0001d7ce\U0001d7cf\U0001d7ce\U0001d7cf\U0001d7d7\U0001d7ce-\U0001d7cf\U0001d7d0\U0001d7d1\U0001d7d2",
    "\U000104a0\U000104a1\U000104a0\U000104a1\U000104a9\U000104a0-\U000104a1\U000104a2\U000104a3\U000104a4",
    "Tlf. 20304050 0101901234",
]


@pytest.mark.parametrize("variant", DODGES)
def test_every_typed_variant_is_recognised(variant):
    for text in (variant, f"Borgeren har {variant} som nummer", f"Note:\n{variant}."):
        assert contains_cpr(text), repr(text)


@pytest.mark.parametrize("variant", DODGES)
def test_every_variant_is_refused_by_the_store(store: Store, variant):
    with pytest.raises(ValidationError):
        store.add(Person(name="Karen", notes=f"nummer {variant}"))
    assert store.count(Person) == 0


def test_the_refusal_says_why_and_how_to_write_it_instead():
    spec = Observation.spec("text")
    with pytest.raises(FieldError) as caught:
        coerce(spec, "Kvitteringsnr. 010203-4567")
    da, en = caught.value.message("da"), caught.value.message("en")
    assert "010203-xxxx" in da and "010203-xxxx" in en  # which number, without keeping all of it
    assert "4567" not in da and "4567" not in en
    assert "dato og fire cifre" in da and "a date and four digits" in en
    # The way the message suggests is accepted.
    assert not contains_cpr("faktura 150324 nr. 0001")
    assert not contains_cpr("invoice 150324 no. 0001")


separators = st.sampled_from(["", " ", "-", "\u2013", "\u2212", "/", ".", "\u00a0", " - ", "\n"])
invisible = st.sampled_from(["\u200b", "\u00ad", "\u2060", "\ufeff", "\u200d"])


@settings(max_examples=300)
@given(
    day=st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    serial=st.integers(0, 9999),
    sep=separators,
    grouped=st.booleans(),
    hidden=st.lists(st.tuples(st.integers(0, 12), invisible), max_size=3),
)
def test_separators_and_invisible_characters_never_hide_a_number(day, serial, sep, grouped, hidden):
    head = f"{day:%d%m%y}"
    if grouped and sep:
        head = sep.join((head[:2], head[2:4], head[4:]))
    number = f"{head}{sep}{serial:04d}"
    for position, char in sorted(hidden, reverse=True):
        number = number[:position] + char + number[position:]
    assert contains_cpr(f"noteret {number} i dag")


def test_the_false_positive_rate_on_ordinary_danish_strings():
    """Figures for the closing note: ``python -m tests.cpr_corpus``."""
    from tests.cpr_corpus import measure

    figures = measure(contains_cpr)
    # Phone numbers, dates, times and addresses never trip the guard.
    for category in ("phone", "date", "address"):
        assert figures[category]["hits"] == 0, figures[category]
    # Ten-digit account and P-numbers whose first six digits form a date, and receipt
    # numbers built as date + serial, are shaped like CPR numbers: those are the only hits.
    assert figures["bank"]["hits"] / figures["bank"]["strings"] < 0.02
    assert figures["total"]["rate"] < 0.03
