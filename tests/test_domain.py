from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain import (
    Activity,
    ActivityKind,
    Area,
    Influence,
    LeadershipStage,
    Observation,
    Person,
    Phase,
    ValidationError,
    contains_cpr,
)
from fieldapp.domain.clock import ClockDriftError, HybridLogicalClock, hlc_to_iso, pack, unpack
from fieldapp.domain.fields import decode, encode
from fieldapp.domain.ids import derived_id, is_uuid, uuid7


def test_valid_activity_is_typed():
    activity = Activity(
        kind="walkabout", title="Byvandring i Uldum", starts_at="2026-05-01 10:00"
    ).validated()
    assert activity.kind is ActivityKind.WALKABOUT
    assert activity.starts_at == datetime(2026, 5, 1, 10, 0)
    assert activity.status.value == "draft"


def test_invalid_activity_lists_every_problem_in_both_languages():
    with pytest.raises(ValidationError) as caught:
        Activity(kind="picnic", title="  ", starts_at="2026-13-01").validated()
    error = caught.value
    assert {e.field for e in error.errors} == {"kind", "title", "starts_at"}
    assert "Titel skal udfyldes." in error.message("da")
    assert "Byvandring" in error.message("da")  # allowed values are shown by their Danish names
    assert "Title is required." in error.message("en")
    assert "YYYY-MM-DD" in error.message("en")


def test_end_before_start_is_refused():
    with pytest.raises(ValidationError) as caught:
        Activity(
            kind="walkabout", title="x", starts_at="2026-05-01 10:00", ends_at="2026-05-01 09:00"
        ).validated()
    assert caught.value.for_field("ends_at")


def test_bad_email_coordinates_and_negative_counts():
    with pytest.raises(ValidationError, match="e-mail"):
        Person(name="Anne", email="anne.example.dk").validated()
    with pytest.raises(ValidationError):
        Observation(activity_id=uuid7(), text="x", lat=91).validated()
    with pytest.raises(ValidationError, match="negative"):
        Activity(kind="listening_meeting", title="x", starts_at="2026-01-01", attendee_count=-1).validated()


def test_consent_method_needs_a_date():
    with pytest.raises(ValidationError):
        Person(name="Anne", consent_how="verbal").validated()
    assert Person(
        name="Anne", consent_how="verbal", consent_store_at="2026-01-02"
    ).validated().consent_store_at == date(2026, 1, 2)


def test_enum_labels_and_explanations_exist_in_both_languages():
    assert ActivityKind.ONE_TO_ONE.label("da") == "1:1-samtale"
    assert ActivityKind.LISTENING_MEETING.label("en") == "Listening meeting"
    for member in [*Phase, *Influence]:
        assert member.explain("da") and member.explain("en")
    for member in LeadershipStage:
        assert member.label("da") != ""


@pytest.mark.parametrize("text", ["Hans har cpr 010190-1234", "0101901234", "cpr: 311299-4321"])
def test_cpr_numbers_are_recognised(text):
    assert contains_cpr(text)
    with pytest.raises(ValidationError, match="CPR"):
        Area(name="Uldum", description=text).validated()


@pytest.mark.parametrize(
    "text", ["Ring på 12 34 56 78", "tlf 40506070", "320190-1234", "01019012345", "2026-05-01"]
)
def test_things_that_are_not_cpr_numbers_pass(text):
    assert not contains_cpr(text)


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)), st.integers(0, 9999), st.booleans()
)
def test_any_valid_cpr_is_refused(day, serial, dash):
    text = f"{day:%d%m%y}{'-' if dash else ''}{serial:04d}"
    assert contains_cpr(f"noter: {text}.")


def test_ids():
    first, second = uuid7(), uuid7()
    assert is_uuid(first) and first[14] == "7" and second != first
    assert derived_id("a", "b") == derived_id("a", "b") != derived_id("a", "c")
    assert not is_uuid("../etc/passwd") and not is_uuid("01A20906-A1A2-7D54-A356-6E53FF71A606")


@given(st.lists(st.integers(min_value=-5000, max_value=5000), min_size=1, max_size=60))
def test_clock_never_goes_backwards_whatever_the_wall_clock_does(jumps):
    wall = [1_700_000_000_000]
    clock = HybridLogicalClock(wall=lambda: wall[0])
    previous = 0
    for jump in jumps:
        wall[0] += jump
        now = clock.now()
        assert now > previous
        previous = now


@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_clock_moves_past_observed_values(local_offset, remote_offset):
    base = 1_700_000_000_000
    clock = HybridLogicalClock(wall=lambda: base + local_offset)
    remote = pack(base + remote_offset, 7)
    clock.observe(remote)
    assert clock.now() > remote


def test_clock_refuses_far_future_values():
    clock = HybridLogicalClock(wall=lambda: 1_700_000_000_000)
    with pytest.raises(ClockDriftError):
        clock.observe(pack(1_700_000_000_000 + 2 * 24 * 3600 * 1000, 0))
    assert clock.last == 0


def test_clock_helpers():
    assert unpack(pack(123, 4)) == (123, 4)
    assert hlc_to_iso(pack(0, 1)) == "1970-01-01T00:00:00.000Z"


_ROUND_TRIP_SPECS = {spec.kind: spec for cls in (Activity, Person, Observation) for spec in cls.specs()}


@pytest.mark.parametrize("kind", sorted(_ROUND_TRIP_SPECS))
@given(data=st.data())
def test_encode_decode_round_trip(kind, data):
    spec = _ROUND_TRIP_SPECS[kind]
    strategies = {
        "text": st.text(min_size=1, max_size=20),
        "int": st.integers(0, 1000),
        "float": st.floats(-90, 90),
        "bool": st.booleans(),
        "date": st.dates(),
        "datetime": st.datetimes().map(lambda d: d.replace(microsecond=0)),
        "enum": st.sampled_from(list(spec.enum)) if spec.enum else st.none(),
        "ref": st.builds(uuid7),
    }
    value = data.draw(strategies[kind])
    assert decode(spec, encode(spec, value)) == value
